package dev.backline.script;

import dev.backline.script.testing.TestPlayer;
import dev.backline.script.testing.TestWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Run in a child JVM with a small heap by {@link MemoryGuardTest}: a pack allocates without bound, the
 * probe reports how it was stopped and whether the world still answers. Prints one result line.
 */
public final class MemoryBombProbe {
    private MemoryBombProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path scripts = Files.createTempDirectory("memory-bomb");
        TestPacks.pack(scripts, "hog", Map.of("main.js", """
                export function register(pack) {
                  pack.command({ name: 'hog', help: 'Allocates without end.', run: () => {
                    const keep = [];
                    while (true) { keep.push(new Array(100000).fill(keep.length)); }
                  }});
                }
                """));
        TestPacks.pack(scripts, "calm", Map.of("main.js", """
                export function register(pack) {
                  pack.command({ name: 'ping', help: 'Answers.', run: (ctx) => ctx.reply('pong') });
                }
                """));
        // A budget so long that only the memory guard can stop the hog.
        try (TestWorld w = TestWorld.builder().world(TestPacks::twoRooms).scripts(scripts)
                .limits(ScriptLimits.defaults().withCallBudget(Duration.ofMinutes(5))).build()) {
            TestPlayer p = w.join("Probe");
            String hog = p.say("hog");
            ScriptFault fault = w.scripts().faults().recent().stream()
                    .filter(f -> f.pack().equals("hog") && !f.hook().equals("quarantine")).findFirst().orElse(null);
            String after = p.say("ping");
            String again = p.say("hog");
            System.out.println("RESULT kind=" + (fault == null ? "none" : fault.kind())
                    + " quarantined=" + (w.scripts().packs().get("hog").quarantineReason() != null)
                    + " after=" + after + " again=" + again.replace('\n', ' ') + " hog=" + hog.replace('\n', ' '));
        }
    }
}
