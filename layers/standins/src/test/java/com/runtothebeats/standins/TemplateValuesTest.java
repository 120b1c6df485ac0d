package com.runtothebeats.standins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateValuesTest {

    private static final TemplateValues.ResourceNames LOCAL_NAMES = new TemplateValues.ResourceNames() {
        @Override
        public String ref(String logicalId) {
            return "local-" + logicalId;
        }

        @Override
        public String getAtt(String logicalId, String attribute) {
            return "arn:local:" + logicalId + ":" + attribute;
        }
    };

    private static TemplateValues values(Map<String, String> overrides) {
        return new TemplateValues(SamTemplateTest.sample(), overrides, LOCAL_NAMES, "eu-west-1", "000000000000", "beats-local");
    }

    @Test
    void environmentResolvesToLocalNames() {
        SamTemplate template = SamTemplateTest.sample();
        Map<String, String> env = values(Map.of()).resolveVariables(template.function("ThingFunction").environment());
        assertEquals("local-Things", env.get("THINGS_TABLE"));
        assertEquals("arn:local:Things:Arn", env.get("THINGS_ARN"));
        assertEquals("s3://local-Bucket/dev/${Literal}", env.get("BUCKET_URL"));
        assertFalse(env.containsKey("ONLY_IN_PROD"), "AWS::NoValue removes the variable");
        assertEquals("yes", env.get("NOT_PROD"));
        assertEquals("a-dev-b", env.get("JOINED"));
        assertEquals("eu-west-1a", env.get("FIRST_AZ"));
        assertEquals("arn:local:Bucket:Arn", env.get("LONG_FORM"));
    }

    @Test
    void parameterOverridesDriveConditions() {
        TemplateValues prod = values(Map.of("Stage", "prod"));
        assertTrue(prod.condition("IsProd"));
        Map<String, String> env = prod.resolveVariables(SamTemplateTest.sample().function("ThingFunction").environment());
        assertEquals("yes", env.get("ONLY_IN_PROD"));
        assertEquals("no", env.get("NOT_PROD"));
    }

    @Test
    void mappingsAndPseudoParametersResolve() {
        SamTemplate template = SamTemplateTest.sample();
        Object memory = template.resource("ThingFunction").properties().get("MemorySize");
        assertEquals("512", values(Map.of()).resolveString(memory));
        assertEquals("https://local-Api.execute-api.eu-west-1.amazonaws.com/dev",
                values(Map.of()).resolveString(template.document().get("Outputs") instanceof Map<?, ?> o
                        ? ((Map<?, ?>) o.get("Url")).get("Value") : null));
    }

    @Test
    void aParameterWithoutDefaultOrOverrideIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> values(Map.of()).resolve(new Intrinsic("Ref", "Secret")));
        assertTrue(e.getMessage().contains("Secret"));
        assertEquals("s3cr3t", values(Map.of("Secret", "s3cr3t")).resolve(new Intrinsic("Ref", "Secret")));
    }

    @Test
    void importValueHasNoLocalMeaning() {
        assertThrows(IllegalStateException.class, () -> values(Map.of()).resolve(new Intrinsic("Fn::ImportValue", "Shared")));
    }
}
