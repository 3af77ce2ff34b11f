package dev.backline.server.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backline.session.OutboundEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameCodecTest {
    private final FrameCodec codec = new FrameCodec();

    @Test
    void decodesTheThreeFrameTypes() {
        assertThat(codec.decode("{\"v\":1,\"type\":\"auth\",\"token\":\"abc\"}")).isEqualTo(new ClientFrame.Auth(null, "abc", null));
        assertThat(codec.decode("{\"v\":1,\"type\":\"cmd\",\"id\":\"c1\",\"text\":\"go north\"}"))
                .isEqualTo(new ClientFrame.Command("c1", "go north"));
        assertThat(codec.decode("{\"type\":\"ping\",\"v\":1,\"id\":\"p\",\"extra\":true}")).isEqualTo(new ClientFrame.Ping("p"));
        assertThat(codec.decode("{\"v\":1,\"type\":\"ping\",\"id\":null}")).isEqualTo(new ClientFrame.Ping(null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nope|BAD_JSON",
            "''|BAD_JSON",
            "null|BAD_JSON",
            "42|BAD_JSON",
            "{\"v\":1,\"type\":\"ping\"}{}|BAD_JSON",
            "{\"v\":1,\"type\":\"ping\",\"type\":\"cmd\"}|BAD_JSON",
            "{\"v\":1.0,\"type\":\"ping\"}|BAD_FRAME",
            "{\"v\":99999999999,\"type\":\"ping\"}|BAD_FRAME",
            "{\"v\":0,\"type\":\"ping\"}|BAD_FRAME",
            "{\"v\":1,\"type\":null}|BAD_FRAME",
            "{\"v\":1,\"type\":\"auth\"}|BAD_FRAME",
            "{\"v\":1,\"type\":\"auth\",\"token\":\"  \"}|BAD_FRAME",
            "{\"v\":1,\"type\":\"cmd\",\"text\":[\"go\"]}|BAD_FRAME",
            "{\"v\":1,\"type\":\"cmd\",\"text\":\"   \"}|BAD_FRAME",
            "{\"v\":1,\"type\":\"ping\",\"id\":{}}|BAD_FRAME",
            "{\"v\":1,\"type\":\"PING\"}|UNKNOWN_TYPE"})
    void refusesBadFramesWithTheirCode(String frame, ErrorCode code) {
        assertThatThrownBy(() -> codec.decode(frame))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessageNotContaining("\n");
    }

    @Test
    void keepsTheRequestIdOfARefusedFrameWhenItIsValid() {
        assertThatThrownBy(() -> codec.decode("{\"v\":1,\"type\":\"cmd\",\"id\":\"c7\"}"))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.requestId()).isEqualTo("c7"));
        assertThatThrownBy(() -> codec.decode("{\"v\":1,\"type\":\"cmd\",\"id\":\"" + "x".repeat(65) + "\",\"text\":\"l\"}"))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.requestId()).isNull());
    }

    @Test
    void acceptsLimitsExactly() {
        String id = "i".repeat(FrameCodec.MAX_ID);
        String text = "t".repeat(FrameCodec.MAX_TEXT);
        assertThat(codec.decode("{\"v\":1,\"type\":\"cmd\",\"id\":\"" + id + "\",\"text\":\"" + text + "\"}"))
                .isEqualTo(new ClientFrame.Command(id, text));
        assertThatThrownBy(() -> codec.decode("{\"v\":1,\"type\":\"cmd\",\"text\":\"" + text + "t\"}"))
                .isInstanceOf(FrameException.class);
    }

    @Test
    void encodesEventsLeavingOutNullFields() {
        assertThat(codec.encode(OutboundEvent.message("hi"))).isEqualTo("{\"v\":1,\"type\":\"message\",\"text\":\"hi\"}");
        assertThat(codec.encode(new OutboundEvent("room", null, Map.of("exits", List.of("north")), "c1")))
                .isEqualTo("{\"v\":1,\"type\":\"room\",\"payload\":{\"exits\":[\"north\"]},\"id\":\"c1\"}");
        assertThat(codec.encode(new OutboundEvent("pong", null, null, null))).isEqualTo("{\"v\":1,\"type\":\"pong\"}");
    }

    @Test
    void writesAnEventSentToManyOnceAndEqualEventsEachAsTheirOwn() {
        OutboundEvent toRoom = OutboundEvent.message("Ann arrives.");
        String first = codec.encode(toRoom);
        assertThat(codec.encode(toRoom)).isSameAs(first);
        OutboundEvent again = OutboundEvent.message("Ann arrives.");
        assertThat(codec.encode(again)).isEqualTo(first).isNotSameAs(first);
        OutboundEvent answer = toRoom.withRequestId("c7");
        assertThat(codec.encode(answer)).isEqualTo("{\"v\":1,\"type\":\"message\",\"text\":\"Ann arrives.\",\"id\":\"c7\"}");
        for (int i = 0; i < 1000; i++) {
            OutboundEvent other = OutboundEvent.message("line " + i);
            assertThat(codec.encode(other)).as("a slot taken by another event").contains("line " + i + "\"");
        }
        assertThat(codec.encode(toRoom)).isEqualTo(first);
    }

    @Test
    void encodesErrorEventsWithCodeAndMessage() {
        assertThat(codec.encode(OutboundEvent.error("unknown_command", "Unknown command 'x'.", "c2")))
                .isEqualTo("{\"v\":1,\"type\":\"error\",\"code\":\"unknown_command\",\"message\":\"Unknown command 'x'.\",\"id\":\"c2\"}");
        assertThat(codec.encode(OutboundEvent.error("script_error", null, null)))
                .isEqualTo("{\"v\":1,\"type\":\"error\",\"code\":\"script_error\",\"message\":\"script_error\"}");
    }

    @Test
    void escapesTextSafely() {
        assertThat(codec.encode(OutboundEvent.message("say \"hi\"\n</script>")))
                .isEqualTo("{\"v\":1,\"type\":\"message\",\"text\":\"say \\\"hi\\\"\\n</script>\"}");
    }
}
