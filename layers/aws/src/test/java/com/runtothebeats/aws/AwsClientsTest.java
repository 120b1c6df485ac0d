package com.runtothebeats.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.runtothebeats.lambda.LambdaEnvironment;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AwsClientsTest {

    @Test
    void aServiceEndpointWinsOverTheGeneralOne() {
        AwsClients clients = new AwsClients(LambdaEnvironment.of(Map.of(
                "AWS_ENDPOINT_URL", "http://127.0.0.1:4566",
                "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000")));
        assertEquals(Optional.of(URI.create("http://127.0.0.1:8000")), clients.endpoint("DYNAMODB"));
        assertEquals(Optional.of(URI.create("http://127.0.0.1:4566")), clients.endpoint("S3"));
    }

    @Test
    void noOverrideMeansTheRealService() {
        AwsClients clients = new AwsClients(LambdaEnvironment.of(Map.of("AWS_REGION", "eu-west-1")));
        assertEquals(Optional.empty(), clients.endpoint("S3"));
        assertEquals("eu-west-1", clients.dynamoDb().serviceClientConfiguration().region().id());
    }
}
