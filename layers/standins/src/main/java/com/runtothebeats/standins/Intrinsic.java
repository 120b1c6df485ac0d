package com.runtothebeats.standins;

import java.util.List;
import java.util.Optional;

/**
 * A CloudFormation intrinsic function as written in the template, in either form: the YAML short tag
 * ({@code !GetAtt Table.StreamArn}) or the long form ({@code {"Fn::GetAtt": ["Table", "StreamArn"]}}).
 * {@code function} is the long name ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub}, {@code Condition}…);
 * {@code argument} is what followed it, with {@code Fn::GetAtt} always normalised to a two-element list.
 */
public record Intrinsic(String function, Object argument) {

    public static final String REF = "Ref";
    public static final String GET_ATT = "Fn::GetAtt";
    public static final String SUB = "Fn::Sub";

    /** The logical id a {@code Ref} or {@code Fn::GetAtt} points at. */
    public Optional<String> target() {
        if (function.equals(REF) && argument instanceof String name) {
            return Optional.of(name);
        }
        if (function.equals(GET_ATT) && argument instanceof List<?> parts && !parts.isEmpty()) {
            return Optional.of(String.valueOf(parts.get(0)));
        }
        return Optional.empty();
    }

    /** The attribute of a {@code Fn::GetAtt} ({@code StreamArn}, {@code Arn}…). */
    public Optional<String> attribute() {
        if (function.equals(GET_ATT) && argument instanceof List<?> parts && parts.size() > 1) {
            return Optional.of(String.valueOf(parts.get(1)));
        }
        return Optional.empty();
    }
}
