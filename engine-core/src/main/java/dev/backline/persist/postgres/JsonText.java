package dev.backline.persist.postgres;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backline.world.PropertyValues;

/**
 * JSON text for {@code jsonb} columns: property values out, and back in through {@link PropertyValues}, so
 * what is read is exactly what the world accepts (integral numbers as {@code Long}, immutable maps and lists).
 */
final class JsonText {
    // A shared buffer pool, not Jackson's per-thread default: audit rows are written from request threads, and the
    // thread of a kept-alive connection that registered a player may go on to hold that player's WebSocket.
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                    .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonText() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // Values are frozen by PropertyValues, which admits only what JSON can hold.
            throw new IllegalStateException("cannot write a value as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @throws IllegalArgumentException if the text is not JSON or holds what the world does not accept
     */
    static Object read(String json) {
        Object raw;
        try {
            raw = MAPPER.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        return PropertyValues.freeze(raw);
    }
}
