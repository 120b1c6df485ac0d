package com.runtothebeats.standins;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads CloudFormation/SAM YAML, which plain YAML loaders reject because of the short-form intrinsic tags
 * ({@code !Ref}, {@code !GetAtt}, {@code !Sub}…). Every intrinsic, short or long form, comes out as an
 * {@link Intrinsic}; everything else as unmodifiable maps (in document order), lists and scalars.
 */
final class CloudFormationYaml {

    private static final List<String> SHORT_TAGS = List.of(
            "Ref", "Condition", "GetAtt", "Sub", "Join", "If", "Select", "GetAZs", "ImportValue", "Equals", "Not",
            "And", "Or", "FindInMap", "Base64", "Split", "Cidr", "Transform", "Length", "ToJsonString");

    private CloudFormationYaml() {
    }

    static Map<String, Object> parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object document = new Yaml(new Constructor(options)).load(yaml);
        if (!(document instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("a template must be a YAML mapping");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> normalised = (Map<String, Object>) normalise(document);
        return normalised;
    }

    /** Long-form intrinsics become {@link Intrinsic}s; collections become unmodifiable. */
    private static Object normalise(Object value) {
        if (value instanceof Intrinsic intrinsic) {
            return intrinsic(intrinsic.function(), normalise(intrinsic.argument()));
        }
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                String key = String.valueOf(map.keySet().iterator().next());
                if (key.equals("Ref") || key.startsWith("Fn::")) {
                    return intrinsic(key, normalise(map.values().iterator().next()));
                }
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), normalise(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(normalise(item)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    private static Intrinsic intrinsic(String function, Object argument) {
        if (function.equals(Intrinsic.GET_ATT) && argument instanceof String dotted) {
            int dot = dotted.indexOf('.');
            if (dot < 0) {
                throw new IllegalArgumentException("!GetAtt needs Resource.Attribute, got " + dotted);
            }
            return new Intrinsic(function, List.of(dotted.substring(0, dot), dotted.substring(dot + 1)));
        }
        return new Intrinsic(function, argument);
    }

    private static final class Constructor extends SafeConstructor {

        Constructor(LoaderOptions options) {
            super(options);
            for (String name : SHORT_TAGS) {
                String function = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
                yamlConstructors.put(new Tag("!" + name), new ConstructIntrinsic(function));
            }
        }

        private final class ConstructIntrinsic extends AbstractConstruct {
            private final String function;

            ConstructIntrinsic(String function) {
                this.function = function;
            }

            @Override
            public Object construct(Node node) {
                Object argument;
                if (node instanceof ScalarNode scalar) {
                    argument = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    argument = constructSequence(sequence);
                } else if (node instanceof MappingNode mapping) {
                    argument = constructMapping(mapping);
                } else {
                    throw new IllegalArgumentException("unexpected YAML node under !" + function);
                }
                return new Intrinsic(function, argument);
            }
        }
    }
}
