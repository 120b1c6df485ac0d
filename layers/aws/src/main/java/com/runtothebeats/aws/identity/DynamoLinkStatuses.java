package com.runtothebeats.aws.identity;

import com.runtothebeats.core.identity.LinkStatus;
import com.runtothebeats.core.identity.LinkStatuses;
import com.runtothebeats.core.identity.Provider;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code status} attribute of a ProviderLinksTable item, projected so the token ciphertexts never leave
 * DynamoDB: the caller needs neither the token key nor KMS. A link whose tokens a later use finds unusable is
 * marked {@code RECONNECT_REQUIRED} by that use ({@link DynamoProviderLinkStore}); until then it shows as stored.
 */
public final class DynamoLinkStatuses implements LinkStatuses {

    private final DynamoDbClient dynamo;
    private final String tableName;

    public DynamoLinkStatuses(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    @Override
    public Optional<LinkStatus> status(String runnerId, Provider provider) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(tableName).consistentRead(true)
                .key(Map.of(DynamoProviderLinkStore.RUNNER_ID, AttributeValue.fromS(runnerId),
                        DynamoProviderLinkStore.PROVIDER, AttributeValue.fromS(provider.id())))
                .projectionExpression("#status")
                .expressionAttributeNames(Map.of("#status", DynamoProviderLinkStore.STATUS))).item();
        AttributeValue status = item == null ? null : item.get(DynamoProviderLinkStore.STATUS);
        return status == null ? Optional.empty() : Optional.of(LinkStatus.valueOf(status.s()));
    }
}
