package dev.backline.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON request and response bodies for the HTTP API. Anything malformed becomes an {@link ApiException}
 * with status 400 and a message naming the problem, never a 500.
 */
public final class JsonBody {
    // A shared buffer pool, not Jackson's per-thread default: the thread that serves a request on a kept-alive
    // connection may go on to serve a /play WebSocket on it, and would keep the buffers for as long as it is open.
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonBody() {
    }

    /** Reads the request body as a JSON object. */
    public static ObjectNode readObject(ServerRequest request) {
        byte[] bytes;
        try {
            bytes = request.content().inputStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length == 0) {
            throw ApiException.badRequest("the request body must be a JSON object");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("the request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** A field that must be present and a string. */
    public static String requiredString(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest("'" + field + "' is required");
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("'" + field + "' must be a string");
        }
        return value.textValue();
    }

    /** Sends {@code body} (a map, list or record Jackson can write) as JSON. */
    public static void send(ServerResponse response, Status status, Object body) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response body is not serializable: " + e.getOriginalMessage(), e);
        }
        response.status(status).header(HeaderValues.CONTENT_TYPE_JSON).send(bytes);
    }

    /** Sends {@code {"error": message}}. */
    public static void sendError(ServerResponse response, Status status, String message) {
        send(response, status, Map.of("error", message));
    }
}
