package com.runtothebeats.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.runtothebeats.core.storage.JsonCodec;
import java.io.IOException;

/** The core's {@link JsonCodec} port on the shared {@link Json#MAPPER} (records serialise by their components). */
public final class JacksonJsonCodec implements JsonCodec {

    @Override
    public byte[] write(Object value) {
        try {
            return Json.MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    @Override
    public <T> T read(byte[] json, Class<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
