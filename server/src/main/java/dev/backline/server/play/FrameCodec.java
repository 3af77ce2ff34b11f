package dev.backline.server.play;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.backline.session.OutboundEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Protocol v1 on the wire: parses client frames and writes server frames. Thread-safe.
 *
 * <p>Server frames are {@code {"v":1,"type":...,"text":...,"payload":...,"id":...}} with null fields left
 * out; an error event becomes {@code {"v":1,"type":"error","code":...,"message":...,"id":...}}.
 */
final class FrameCodec {
    static final int VERSION = 1;
    static final int MAX_ID = 64;
    static final int MAX_TEXT = 1000;
    static final int MAX_TOKEN = 512;

    // Jackson's default keeps a buffer recycler (about 20 KB of char and byte arrays once used) per thread that
    // parses or writes. Each connection has threads of its own that stay parked while the player is idle, so that
    // cost would be paid per connection; a shared pool holds as many as parse or write at the same moment.
    private final ObjectMapper mapper = JsonMapper.builder(JsonFactory.builder()
                    .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    // Frames of the events written last, by the event's identity: game.toRoom hands the same event to every
    // player in the room, whose outboxes write it within moments of each other. Events are immutable, so a
    // frame found here is the frame; a slot another event took only costs a second encoding.
    private static final int RECENT_SLOTS = 256;

    private record Encoded(OutboundEvent event, String frame) {
    }

    private final AtomicReferenceArray<Encoded> recent = new AtomicReferenceArray<>(RECENT_SLOTS);

    /** @throws FrameException with the code and message to send back */
    ClientFrame decode(String text) {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new FrameException(ErrorCode.BAD_JSON, "the frame is not valid JSON: " + e.getOriginalMessage(), null);
        }
        if (node == null || !node.isObject()) {
            throw new FrameException(ErrorCode.BAD_JSON, "a frame must be a JSON object", null);
        }
        String id = requestId(node.get("id"));
        JsonNode v = node.get("v");
        if (v == null || !v.isIntegralNumber()) {
            throw badFrame("'v' must be the protocol version, " + VERSION, id);
        }
        if (!v.canConvertToInt() || v.intValue() != VERSION) {
            throw badFrame("protocol version " + v.asText() + " is not supported; this server speaks " + VERSION, id);
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            throw badFrame("'type' must be a string", id);
        }
        return switch (type.textValue()) {
            case "auth" -> new ClientFrame.Auth(id, string(node, "token", MAX_TOKEN, id),
                    node.has("character") ? string(node, "character", MAX_ID, id) : null);
            case "cmd" -> new ClientFrame.Command(id, string(node, "text", MAX_TEXT, id));
            case "ping" -> new ClientFrame.Ping(id);
            default -> throw new FrameException(ErrorCode.UNKNOWN_TYPE,
                    "unknown frame type '" + abbreviate(type.textValue()) + "'; expected auth, cmd or ping", id);
        };
    }

    /** Writes an event as a server frame; an event sent to a whole room is written once, not once per player. */
    String encode(OutboundEvent event) {
        int slot = System.identityHashCode(event) & (RECENT_SLOTS - 1);
        Encoded recent = this.recent.get(slot);
        if (recent != null && recent.event() == event) {
            return recent.frame();
        }
        String frame = write(event);
        this.recent.set(slot, new Encoded(event, frame));
        return frame;
    }

    private String write(OutboundEvent event) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("v", VERSION);
        frame.put("type", event.type());
        if (event.isError()) {
            Object code = event.payload() == null ? null : event.payload().get("code");
            frame.put("code", code instanceof String s ? s : "error");
            frame.put("message", event.text() != null ? event.text() : frame.get("code"));
        } else {
            putIfPresent(frame, "text", event.text());
            putIfPresent(frame, "payload", event.payload());
        }
        putIfPresent(frame, "id", event.requestId());
        try {
            return mapper.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            // Payloads are frozen JSON-compatible values, so this means a bug in the engine.
            throw new IllegalStateException("event '" + event.type() + "' cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static String requestId(JsonNode id) {
        if (id == null || id.isNull()) {
            return null;
        }
        if (!id.isTextual() || id.textValue().length() > MAX_ID) {
            throw badFrame("'id' must be a string of at most " + MAX_ID + " characters", null);
        }
        return id.textValue();
    }

    private static String string(JsonNode frame, String field, int max, String id) {
        JsonNode value = frame.get(field);
        if (value == null || !value.isTextual()) {
            throw badFrame("'" + field + "' must be a string", id);
        }
        String s = value.textValue();
        if (s.isBlank()) {
            throw badFrame("'" + field + "' must not be empty", id);
        }
        if (s.length() > max) {
            throw badFrame("'" + field + "' must be at most " + max + " characters", id);
        }
        return s;
    }

    private static FrameException badFrame(String message, String id) {
        return new FrameException(ErrorCode.BAD_FRAME, message, id);
    }

    private static String abbreviate(String s) {
        return s.length() <= 32 ? s : s.substring(0, 32) + "...";
    }

    private static void putIfPresent(Map<String, Object> frame, String key, Object value) {
        if (value != null) {
            frame.put(key, value);
        }
    }
}
