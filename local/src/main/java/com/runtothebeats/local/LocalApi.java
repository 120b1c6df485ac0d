package com.runtothebeats.local;

import com.runtothebeats.local.http.HttpApiGateway;
import com.runtothebeats.local.http.HttpRoutes;
import com.runtothebeats.standins.DynamoDbStreamEventSource;
import com.runtothebeats.standins.SamTemplate;
import com.runtothebeats.standins.SqsStandIn;
import com.runtothebeats.standins.TemplateQueues;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * What {@code ./beats serve} runs on a local stack: the HTTP API on 127.0.0.1 routed per template.yaml, and
 * a poller for each DynamoDB stream and SQS event source of the template.
 */
public final class LocalApi implements AutoCloseable {

    /** A failed queue message is retried after the queue's visibility timeout × this (the pipeline's wait scale). */
    static final double QUEUE_RETRY_SCALE = 0.05;

    private final HttpApiGateway gateway;
    private final DynamoDbStreamsClient streams;
    private final List<DynamoDbStreamEventSource> eventSources = new ArrayList<>();
    private final List<QueueEventSource> queueSources = new ArrayList<>();
    private SqsClient sqs;

    private LocalApi(HttpApiGateway gateway, DynamoDbStreamsClient streams) {
        this.gateway = gateway;
        this.streams = streams;
    }

    public static LocalApi start(LocalStack stack, int port, PrintStream log) throws IOException {
        SamTemplate template = stack.template();
        HttpApiGateway gateway = HttpApiGateway.start(port, new HttpRoutes(template.httpRoutes()), stack::function, stage(stack), log);
        LocalApi api = new LocalApi(gateway, stack.streamsClient());
        for (SamTemplate.StreamSubscription subscription : template.streamSubscriptions()) {
            if (!subscription.enabled()) {
                continue;
            }
            String table = subscription.tableLogicalId().orElseThrow(() -> new IllegalStateException(subscription.functionId() + "."
                    + subscription.eventName() + ": the local stack follows streams written as !GetAtt <Table>.StreamArn"));
            String streamArn = stack.dynamoClient().describeTable(b -> b.tableName(stack.tableName(table))).table().latestStreamArn();
            if (streamArn == null) {
                throw new IllegalStateException(table + " has no stream; add StreamSpecification to it in template.yaml");
            }
            DynamoDbStreamEventSource source = StreamSubscriptionTarget.eventSource(subscription,
                    stack.function(subscription.functionId()), api.streams, streamArn, stack.stateDir(), log);
            source.start();
            api.eventSources.add(source);
        }
        api.startQueueSources(stack, log);
        return api;
    }

    /** The template's SQS event source mappings, polling the local SQS stand-in. */
    private void startQueueSources(LocalStack stack, PrintStream log) {
        SamTemplate template = stack.template();
        Map<String, TemplateQueues.QueueDefinition> queues = new HashMap<>();
        TemplateQueues.queues(template).forEach(q -> queues.put(q.logicalId(), q));
        for (TemplateQueues.QueueSubscription subscription : TemplateQueues.subscriptions(template)) {
            if (!subscription.enabled()) {
                continue;
            }
            if (sqs == null) {
                sqs = stack.sqsClient();
            }
            LocalFunction function = stack.function(subscription.functionId());
            int timeout = Integer.parseInt(String.valueOf(stack.values().resolveString(template.function(subscription.functionId()).timeout())));
            QueueEventSource source = new QueueEventSource(subscription, queues.get(subscription.queueLogicalId()), function, sqs,
                    SqsStandIn.queueUrl(stack.sqsEndpoint(), subscription.queueLogicalId()), timeout, QUEUE_RETRY_SCALE, log);
            source.start();
            queueSources.add(source);
        }
    }

    /** The HttpApi's StageName, which API Gateway reports in requestContext.stage. */
    private static String stage(LocalStack stack) {
        return stack.template().resourcesOfType("AWS::Serverless::HttpApi").stream()
                .map(api -> api.properties().get("StageName"))
                .filter(java.util.Objects::nonNull)
                .map(stack.values()::resolveString)
                .findFirst()
                .orElse("$default");
    }

    public HttpApiGateway gateway() {
        return gateway;
    }

    public int streamCount() {
        return eventSources.size();
    }

    public int queueCount() {
        return queueSources.size();
    }

    @Override
    public void close() {
        gateway.close();
        eventSources.forEach(DynamoDbStreamEventSource::close);
        queueSources.forEach(QueueEventSource::close);
        if (sqs != null) {
            sqs.close();
        }
        streams.close();
    }
}
