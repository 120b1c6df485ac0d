package com.runtothebeats.functions.library;

import com.runtothebeats.aws.AwsClients;
import com.runtothebeats.aws.identity.DynamoProviderLinkStore;
import com.runtothebeats.aws.identity.DynamoSessionStore;
import com.runtothebeats.aws.library.DynamoRunnerLibraries;
import com.runtothebeats.aws.library.SqsImportQueue;
import com.runtothebeats.aws.tokens.TokenCiphers;
import com.runtothebeats.core.identity.ProviderLinkStore;
import com.runtothebeats.core.library.LibraryImports;
import com.runtothebeats.lambda.FunctionMetrics;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.lambda.session.SessionCookies;
import java.time.Clock;
import software.amazon.lambda.powertools.metrics.Metrics;

/** The Library function's collaborators (built once per container). */
public record LibraryComponents(SessionCookies sessions, LibraryImports imports, ProviderLinkStore links, Metrics metrics) {

    static LibraryComponents fromEnvironment(LambdaEnvironment env) {
        AwsClients aws = new AwsClients(env);
        return new LibraryComponents(SessionCookies.fromEnvironment(env, DynamoSessionStore.fromEnvironment(env, aws.dynamoDb())),
                new LibraryImports(new DynamoRunnerLibraries(aws.dynamoDb(), env.require("LIBRARIES_TABLE")),
                        new SqsImportQueue(aws.sqs(), env.require("LIBRARY_IMPORT_QUEUE_URL")), Clock.systemUTC()),
                new DynamoProviderLinkStore(aws.dynamoDb(), env.require("PROVIDER_LINKS_TABLE"),
                        TokenCiphers.forKeyId(env.require("TOKEN_KEY_ID"), aws::kms)),
                FunctionMetrics.create(env));
    }
}
