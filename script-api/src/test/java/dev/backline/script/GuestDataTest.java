package dev.backline.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The host's own check of what crosses (the backstop behind the prelude's copy): the data it builds, and an
 * error that names where in the argument the bad value sits.
 */
class GuestDataTest {
    private static Context context;

    @BeforeAll
    static void open() {
        context = Context.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
    }

    @AfterAll
    static void close() {
        context.close();
    }

    private static Object toHost(String js) {
        return GuestData.toHost(context.eval("js", "(" + js + ")"), "game.setProp: value");
    }

    @Test
    void buildsPlainJavaData() {
        assertThat(toHost("{ a: [1, 2.5, 'x', true, null], b: { c: {} } }"))
                .isEqualTo(Map.of("a", Arrays.asList(1L, 2.5, "x", true, null), "b", Map.of("c", Map.of())));
        assertThat(toHost("[]")).isEqualTo(List.of());
    }

    @Test
    void namesThePathOfTheFirstBadValue() {
        assertThatThrownBy(() -> toHost("{ list: [1, { text: 'x'.repeat(70000) }] }"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("game.setProp: value.list[1].text is a string of 70000 characters; at most 65536 can be passed");
        assertThatThrownBy(() -> toHost("{ a: [0, [() => 1]] }"))
                .hasMessage("game.setProp: value.a[1][0] is a function; only plain data (objects, arrays, strings, numbers, "
                        + "booleans, null) can be passed");
        assertThatThrownBy(() -> toHost("{ a: { ['k'.repeat(70000)]: 1 } }"))
                .hasMessage("game.setProp: value.a key is a string of 70000 characters; at most 65536 can be passed");
        assertThatThrownBy(() -> toHost("{ a: [1, NaN] }")).hasMessage("game.setProp: value.a[1] is NaN, which is not plain data");
        assertThatThrownBy(() -> toHost("Symbol('s')")).hasMessage("game.setProp: value is not plain data: Symbol(s)");
    }

    @Test
    void namesTheWholeArgumentForItsLimits() {
        assertThatThrownBy(() -> toHost("{ deep: " + "[".repeat(40) + "]".repeat(40) + " }"))
                .hasMessage("game.setProp: value.deep" + "[0]".repeat(32) + " is nested deeper than 32 levels");
        assertThatThrownBy(() -> toHost("{ many: new Array(100001).fill(0) }"))
                .hasMessage("game.setProp: value.many has more than 100000 elements");
    }
}
