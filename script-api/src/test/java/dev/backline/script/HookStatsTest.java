package dev.backline.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.script.testing.TestPlayer;
import dev.backline.script.testing.TestWorld;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a generation counts per hook: calls, CPU time, and the heap its calls allocate. */
class HookStatsTest {
    @TempDir
    Path scripts;

    @Test
    void aHookThatAllocatesShowsItsBytesAndAHookThatDoesNotShowsFarFewer() {
        TestPacks.pack(scripts, "meter", Map.of("main.js", """
                export function register(pack) {
                  // 100,000 small objects kept until the reply: several megabytes whatever the JIT makes of it.
                  pack.command({ name: 'heavy', help: 'Allocates.', run: (ctx) => {
                    const kept = [];
                    for (let i = 0; i < 100000; i++) kept.push({ i, twice: i * 2 });
                    ctx.reply(String(kept.length));
                  }});
                  pack.command({ name: 'light', help: 'Adds.', run: (ctx) => {
                    let sum = 0;
                    for (let i = 0; i < 1000; i++) sum += i;
                    ctx.reply(String(sum));
                  }});
                }
                """));
        try (TestWorld w = TestWorld.builder().world(TestPacks::twoRooms).scripts(scripts).build()) {
            TestPlayer ann = w.join("Ann");
            for (int i = 0; i < 3; i++) {
                assertThat(ann.say("heavy")).isEqualTo("100000");
                assertThat(ann.say("light")).isEqualTo("499500");
            }

            Map<String, HookStats> stats = new java.util.HashMap<>();
            w.scripts().packs().get("meter").hookStats().forEach(h -> stats.put(h.hook(), h));

            HookStats heavy = stats.get("command 'heavy'");
            HookStats light = stats.get("command 'light'");
            assertThat(heavy.calls()).isEqualTo(3);
            assertThat(heavy.allocatedBytes()).isGreaterThan(3 * 2_000_000L);
            assertThat(light.allocatedBytes()).isLessThan(heavy.allocatedBytes() / 10);
        }
    }
}
