package dev.backline.server.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FrameAssemblerTest {
    private final FrameAssembler assembler = new FrameAssembler(300);

    @Test
    void aSingleFrameIsTheMessage() {
        assertThat(assembler.add("{\"v\":1}", true)).isEqualTo("{\"v\":1}");
    }

    @Test
    void fragmentsAreJoined() {
        assertThat(assembler.add("ab", false)).isNull();
        assertThat(assembler.add("", false)).isNull();
        assertThat(assembler.add("cd", true)).isEqualTo("abcd");
        assertThat(assembler.add("next", true)).isEqualTo("next");
    }

    @Test
    void anOversizedMessageIsReportedOnceAtItsEnd() {
        assertThat(assembler.add("x".repeat(200), false)).isNull();
        assertThat(assembler.add("x".repeat(200), false)).isNull();
        assertThatThrownBy(() -> assembler.add("x", true))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE));
        assertThat(assembler.add("fine", true)).as("the next message starts clean").isEqualTo("fine");
    }

    @Test
    void theLimitCountsUtf8Bytes() {
        assertThat(assembler.add("é".repeat(150), true)).hasSize(150);
        assertThatThrownBy(() -> assembler.add("é".repeat(151), true)).isInstanceOf(FrameException.class);
        assertThat(FrameAssembler.utf8Length("a\u00e9\u20ac\uD83C\uDFB8")).isEqualTo(1 + 2 + 3 + 4);
    }
}
