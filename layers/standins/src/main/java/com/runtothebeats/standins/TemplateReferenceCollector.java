package com.runtothebeats.standins;

import static com.runtothebeats.standins.SamTemplate.asList;
import static com.runtothebeats.standins.SamTemplate.asMap;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Walks template values for {@code Ref}, {@code Fn::GetAtt} and {@code ${Name}} inside {@code Fn::Sub}. */
final class TemplateReferenceCollector {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    private TemplateReferenceCollector() {
    }

    static void collect(String location, Object value, List<SamTemplate.Reference> out) {
        if (value instanceof Intrinsic intrinsic) {
            switch (intrinsic.function()) {
                case Intrinsic.REF, Intrinsic.GET_ATT -> intrinsic.target().ifPresent(target ->
                        out.add(new SamTemplate.Reference(location, target, intrinsic.attribute())));
                case Intrinsic.SUB -> {
                    String text;
                    Map<String, Object> locals = Map.of();
                    if (intrinsic.argument() instanceof List<?> parts && !parts.isEmpty()) {
                        text = String.valueOf(parts.get(0));
                        locals = parts.size() > 1 ? asMap(parts.get(1)) : Map.of();
                        collect(location, locals, out);
                    } else {
                        text = String.valueOf(intrinsic.argument());
                    }
                    Matcher m = SUB_VARIABLE.matcher(text);
                    while (m.find()) {
                        String variable = m.group(1).trim();
                        if (locals.containsKey(variable)) {
                            continue;
                        }
                        int dot = variable.indexOf('.');
                        out.add(dot < 0 || variable.startsWith("AWS::")
                                ? new SamTemplate.Reference(location, variable, Optional.empty())
                                : new SamTemplate.Reference(location, variable.substring(0, dot), Optional.of(variable.substring(dot + 1))));
                    }
                    return;
                }
                default -> {
                    // other functions only contain references
                }
            }
            collect(location, intrinsic.argument(), out);
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collect(location + "." + k, v, out));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(location + "[" + i + "]", list.get(i), out);
            }
        }
    }
}
