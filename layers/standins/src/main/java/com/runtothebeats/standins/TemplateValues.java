package com.runtothebeats.standins;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves template values the way CloudFormation would, but to the names of the local stand-ins: a
 * {@code !Ref DataBucket} becomes the local bucket's name, {@code !GetAtt TracksTable.Arn} a local ARN,
 * {@code !Ref Stage} the parameter's default (or an override). Conditions ({@code !If}, {@code !Equals}…)
 * are evaluated; {@code !ImportValue} has no local meaning and fails with the export's name.
 */
public final class TemplateValues {

    /** What resources are called locally. */
    public interface ResourceNames {
        /** The value of {@code !Ref logicalId} for a resource (a table name, a bucket name, a function name…). */
        String ref(String logicalId);

        /** The value of {@code !GetAtt logicalId.attribute}. */
        String getAtt(String logicalId, String attribute);
    }

    /** The marker {@code !Ref AWS::NoValue} resolves to; maps and lists drop it, as CloudFormation does. */
    private static final Object NO_VALUE = new Object();
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{(!?)([^}]*)}");

    private final SamTemplate template;
    private final Map<String, String> parameterOverrides;
    private final ResourceNames resourceNames;
    private final String region;
    private final String accountId;
    private final String stackName;

    public TemplateValues(SamTemplate template, Map<String, String> parameterOverrides, ResourceNames resourceNames,
                          String region, String accountId, String stackName) {
        this.template = template;
        this.parameterOverrides = Map.copyOf(parameterOverrides);
        this.resourceNames = resourceNames;
        this.region = region;
        this.accountId = accountId;
        this.stackName = stackName;
    }

    /** The value with every intrinsic replaced: strings, numbers, booleans, lists and maps. */
    public Object resolve(Object value) {
        Object resolved = resolveOrNoValue(value);
        return resolved == NO_VALUE ? null : resolved;
    }

    public String resolveString(Object value) {
        Object resolved = resolve(value);
        return resolved == null ? null : scalarText(resolved);
    }

    /** Each variable resolved to text, as Lambda sees environment variables; {@code AWS::NoValue} drops one. */
    public Map<String, String> resolveVariables(Map<String, Object> variables) {
        Map<String, String> resolved = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            Object v = resolveOrNoValue(value);
            if (v != NO_VALUE && v != null) {
                resolved.put(name, scalarText(v));
            }
        });
        return resolved;
    }

    public boolean condition(String name) {
        Object definition = template.conditions().get(name);
        if (definition == null) {
            throw new IllegalArgumentException("template.yaml has no condition " + name);
        }
        return truth(resolve(definition));
    }

    private Object resolveOrNoValue(Object value) {
        if (value instanceof Intrinsic intrinsic) {
            return apply(intrinsic);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object r = resolveOrNoValue(v);
                if (r != NO_VALUE) {
                    out.put(String.valueOf(k), r);
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                Object r = resolveOrNoValue(item);
                if (r != NO_VALUE) {
                    out.add(r);
                }
            }
            return out;
        }
        return value;
    }

    private Object apply(Intrinsic intrinsic) {
        Object argument = intrinsic.argument();
        return switch (intrinsic.function()) {
            case "Ref" -> ref(String.valueOf(argument));
            case "Fn::GetAtt" -> {
                List<?> parts = (List<?>) argument;
                yield resourceNames.getAtt(String.valueOf(resolve(parts.get(0))), String.valueOf(resolve(parts.get(1))));
            }
            case "Fn::Sub" -> sub(argument);
            case "Fn::Join" -> {
                List<?> parts = list(resolve(argument), "Fn::Join");
                List<?> items = list(parts.get(1), "Fn::Join");
                List<String> texts = items.stream().map(TemplateValues::scalarText).toList();
                yield String.join(String.valueOf(parts.get(0)), texts);
            }
            case "Fn::Select" -> {
                List<?> parts = list(resolve(argument), "Fn::Select");
                int index = Integer.parseInt(scalarText(parts.get(0)));
                yield list(parts.get(1), "Fn::Select").get(index);
            }
            case "Fn::Split" -> {
                List<?> parts = list(resolve(argument), "Fn::Split");
                yield List.of(scalarText(parts.get(1)).split(Pattern.quote(scalarText(parts.get(0))), -1));
            }
            case "Fn::If" -> {
                List<?> parts = list(argument, "Fn::If");
                yield resolveOrNoValue(condition(String.valueOf(parts.get(0))) ? parts.get(1) : parts.get(2));
            }
            case "Fn::Equals" -> {
                List<?> parts = list(resolve(argument), "Fn::Equals");
                yield Objects.equals(scalarText(parts.get(0)), scalarText(parts.get(1)));
            }
            case "Fn::Not" -> !truth(list(resolve(argument), "Fn::Not").get(0));
            case "Fn::And" -> list(resolve(argument), "Fn::And").stream().allMatch(TemplateValues::truth);
            case "Fn::Or" -> list(resolve(argument), "Fn::Or").stream().anyMatch(TemplateValues::truth);
            case "Condition" -> condition(String.valueOf(argument));
            case "Fn::GetAZs" -> List.of(region + "a", region + "b", region + "c");
            case "Fn::Base64" -> Base64.getEncoder().encodeToString(scalarText(resolve(argument)).getBytes(StandardCharsets.UTF_8));
            case "Fn::FindInMap" -> {
                List<?> parts = list(resolve(argument), "Fn::FindInMap");
                Object found = SamTemplate.asMap(SamTemplate.asMap(template.mappings().get(scalarText(parts.get(0))))
                        .get(scalarText(parts.get(1)))).get(scalarText(parts.get(2)));
                if (found == null) {
                    throw new IllegalArgumentException("Fn::FindInMap found nothing at " + parts);
                }
                yield resolveOrNoValue(found);
            }
            case "Fn::ImportValue" -> throw new IllegalStateException(
                    "Fn::ImportValue " + resolve(argument) + " refers to another stack, which has no local counterpart");
            default -> throw new IllegalStateException(intrinsic.function() + " is not supported by the local stack");
        };
    }

    private Object ref(String name) {
        switch (name) {
            case "AWS::Region":
                return region;
            case "AWS::AccountId":
                return accountId;
            case "AWS::StackName":
                return stackName;
            case "AWS::StackId":
                return "arn:aws:cloudformation:" + region + ":" + accountId + ":stack/" + stackName + "/local";
            case "AWS::Partition":
                return "aws";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            case "AWS::NotificationARNs":
                return List.of();
            case "AWS::NoValue":
                return NO_VALUE;
            default:
                break;
        }
        if (parameterOverrides.containsKey(name)) {
            return parameterOverrides.get(name);
        }
        SamTemplate.Parameter parameter = template.parameters().get(name);
        if (parameter != null) {
            return parameter.defaultValue().orElseThrow(() ->
                    new IllegalStateException("parameter " + name + " has no Default and no local value"));
        }
        return resourceNames.ref(name);
    }

    private String sub(Object argument) {
        String text;
        Map<String, Object> locals = Map.of();
        if (argument instanceof List<?> parts) {
            text = String.valueOf(parts.get(0));
            if (parts.size() > 1) {
                locals = SamTemplate.asMap(parts.get(1));
            }
        } else {
            text = String.valueOf(argument);
        }
        Matcher m = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            String variable = m.group(2).trim();
            if (!m.group(1).isEmpty()) {
                replacement = "${" + m.group(2) + "}"; // ${!Literal} is written out as ${Literal}
            } else if (locals.containsKey(variable)) {
                replacement = scalarText(resolve(locals.get(variable)));
            } else if (variable.indexOf('.') > 0 && !variable.startsWith("AWS::")) {
                int dot = variable.indexOf('.');
                replacement = resourceNames.getAtt(variable.substring(0, dot), variable.substring(dot + 1));
            } else {
                replacement = scalarText(ref(variable));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<?> list(Object value, String function) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException(function + " expects a list, got " + value);
    }

    private static boolean truth(Object value) {
        return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
    }

    private static String scalarText(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            throw new IllegalArgumentException("expected a single value, got " + value);
        }
        return String.valueOf(value);
    }
}
