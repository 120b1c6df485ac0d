package com.runtothebeats.standins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Least privilege as template.yaml grants it (issue 15, point 7): IAM is not enforced by the local stack, so
 * the template is read as data. A SAM policy template this test does not know counts as granting everything.
 */
class TemplatePoliciesTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load(ProjectFiles.template());

    private static final Set<String> S3_READ = Set.of("s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation",
            "s3:GetObjectVersion", "s3:GetLifecycleConfiguration");
    /** What SAM's policy templates expand to (the ones this template uses for S3), by template name. */
    private static final Map<String, Set<String>> S3_TEMPLATES = Map.of(
            "S3ReadPolicy", S3_READ,
            "S3WritePolicy", Set.of("s3:PutObject", "s3:PutObjectAcl", "s3:PutLifecycleConfiguration"),
            "S3CrudPolicy", union(S3_READ, Set.of("s3:PutObject", "s3:PutObjectAcl", "s3:PutLifecycleConfiguration",
                    "s3:DeleteObject")));

    record Grant(boolean allow, Set<String> actions, List<String> resources) {
        boolean covers(String action, String resource) {
            return actions.stream().anyMatch(pattern -> glob(pattern).matcher(action).matches())
                    && resources.stream().anyMatch(pattern -> glob(pattern).matcher(resource).matches());
        }
    }

    @Test
    void harvestWritesOnlyItsRawSnapshots() {
        assertTrue(may("HarvestFunction", "s3:PutObject", "DataBucket.Arn/raw/2026-12-05T18-00-00Z/tracks.csv"));
        assertTrue(may("HarvestFunction", "s3:GetObject", "DataBucket.Arn/datasets/playlists.csv"), "reads datasets");
        for (String key : List.of("models/current.json", "models/v7/model.params", "catalog/current.json",
                "transform/current.json")) {
            for (String action : List.of("s3:PutObject", "s3:DeleteObject", "s3:PutObjectAcl")) {
                assertFalse(may("HarvestFunction", action, "DataBucket.Arn/" + key), action + " " + key);
            }
        }
    }

    @Test
    void onlyPromoteMakesAModelCurrentAndOnlyTrainStoresModels() {
        List<String> writers = new ArrayList<>();
        List<String> storers = new ArrayList<>();
        for (SamTemplate.FunctionDefinition function : TEMPLATE.functions()) {
            if (may(function.logicalId(), "s3:PutObject", "DataBucket.Arn/models/current.json")) {
                writers.add(function.logicalId());
            }
            if (may(function.logicalId(), "s3:PutObject", "DataBucket.Arn/models/20261205/model.params")) {
                storers.add(function.logicalId());
            }
        }
        assertEquals(List.of("PromoteFunction"), writers);
        assertEquals(List.of("TrainFunction"), storers);
    }

    @Test
    void runnerShowsLinkStatusesWithoutAnyWayToOpenAToken() {
        assertFalse(TEMPLATE.function("RunnerFunction").environment().containsKey("TOKEN_KEY_ID"));
        for (String action : List.of("kms:Decrypt", "kms:GenerateDataKey", "kms:ReEncryptFrom")) {
            assertFalse(may("RunnerFunction", action, "TokenKey.Arn"), action);
        }
        assertTrue(may("RunnerFunction", "dynamodb:GetItem", "ProviderLinksTable.Arn"), "reads the status");
    }

    @Test
    void everyFunctionThatSealsTokensMayStoreThemAndClaimARefresh() {
        // TokenRefresher stores a refreshed token with a PutItem conditional on the version, claims with UpdateItem.
        List<String> sealers = TEMPLATE.functions().stream().map(SamTemplate.FunctionDefinition::logicalId)
                .filter(id -> may(id, "kms:GenerateDataKey", "TokenKey.Arn")).toList();
        assertTrue(sealers.containsAll(List.of("PublishFunction", "LibraryImportFunction", "HealthSyncFunction", "AuthFunction")),
                sealers.toString());
        for (String function : sealers) {
            assertTrue(may(function, "dynamodb:PutItem", "ProviderLinksTable.Arn"), function + " PutItem");
            assertTrue(may(function, "dynamodb:UpdateItem", "ProviderLinksTable.Arn"), function + " UpdateItem");
        }
    }

    @Test
    void everyFunctionThatOpensTokensMayMarkALinkWhoseTokensNoLongerOpen() {
        for (SamTemplate.FunctionDefinition function : TEMPLATE.functions()) {
            if (function.environment().containsKey("TOKEN_KEY_ID")) {
                assertTrue(may(function.logicalId(), "dynamodb:UpdateItem", "ProviderLinksTable.Arn"), function.logicalId());
            }
        }
    }

    /** Allowed by some statement and denied by none. */
    private static boolean may(String functionId, String action, String resource) {
        List<Grant> grants = grants(functionId);
        return grants.stream().anyMatch(g -> g.allow() && g.covers(action, resource))
                && grants.stream().noneMatch(g -> !g.allow() && g.covers(action, resource));
    }

    private static List<Grant> grants(String functionId) {
        List<Grant> grants = new ArrayList<>();
        Object policies = TEMPLATE.resource(functionId).property("Policies").orElse(List.of());
        for (Object policy : SamTemplate.asList(policies)) {
            if (policy instanceof Intrinsic ref && ref.target().isPresent()) {
                Object document = TEMPLATE.resource(ref.target().get()).property("PolicyDocument").orElseThrow();
                statements(SamTemplate.asMap(document), grants);
            } else if (policy instanceof Map<?, ?> map && map.containsKey("Statement")) {
                statements(SamTemplate.asMap(policy), grants);
            } else if (policy instanceof Map<?, ?> map && map.size() == 1) {
                String name = String.valueOf(map.keySet().iterator().next());
                Set<String> actions = S3_TEMPLATES.get(name);
                if (actions == null) {
                    // Not an S3 template: what it grants is out of this test's reach, but never S3 or KMS.
                    assertFalse(name.startsWith("S3") || name.startsWith("KMS"), functionId + ": unknown " + name);
                    continue;
                }
                String bucket = render(SamTemplate.asMap(map.get(name)).get("BucketName"));
                grants.add(new Grant(true, actions, List.of(bucket + ".Arn", bucket + ".Arn/*")));
            } else {
                grants.add(new Grant(true, Set.of("*"), List.of("*")));
            }
        }
        return grants;
    }

    private static void statements(Map<String, Object> document, List<Grant> grants) {
        for (Object element : SamTemplate.asList(document.get("Statement"))) {
            Map<String, Object> statement = SamTemplate.asMap(element);
            Set<String> actions = new TreeSet<>();
            for (Object action : asList(statement.get("Action"))) {
                actions.add(String.valueOf(action));
            }
            List<String> resources = asList(statement.get("Resource")).stream().map(TemplatePoliciesTest::render).toList();
            grants.add(new Grant("Allow".equals(statement.get("Effect")), actions, resources));
        }
    }

    /** {@code !GetAtt X.Arn} → {@code X.Arn}; {@code !Sub "${X.Arn}/raw/*"} → {@code X.Arn/raw/*}; {@code !Ref X} → X. */
    private static String render(Object value) {
        if (value instanceof Intrinsic intrinsic) {
            if (intrinsic.function().equals(Intrinsic.SUB) && intrinsic.argument() instanceof String text) {
                return text.replaceAll("\\$\\{([^}]+)}", "$1");
            }
            return intrinsic.target().orElseThrow() + intrinsic.attribute().map(a -> "." + a).orElse("");
        }
        return String.valueOf(value);
    }

    private static List<Object> asList(Object value) {
        return value instanceof List<?> list ? new ArrayList<>(list) : List.of(value);
    }

    private static Pattern glob(String pattern) {
        return Pattern.compile(Pattern.quote(pattern).replace("*", "\\E.*\\Q"));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
