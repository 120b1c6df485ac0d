package com.runtothebeats.aws;

import java.util.function.Function;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.lambda.powertools.parameters.ssm.SSMProvider;

/**
 * Secrets kept as SecureString parameters in SSM Parameter Store, read through Powertools parameters
 * (decrypted; callers read them once per container, in their constructors). Values are never logged.
 */
public final class SsmSecureParameters implements Function<String, String> {

    private final SSMProvider provider;

    public SsmSecureParameters(SsmClient ssm) {
        this.provider = SSMProvider.builder().withClient(ssm).build();
    }

    @Override
    public String apply(String parameterName) {
        String value = provider.withDecryption().get(parameterName);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("SSM parameter " + parameterName + " is empty or missing");
        }
        return value;
    }
}
