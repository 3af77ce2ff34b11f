package dev.backline.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.script.testing.TestPlayer;
import dev.backline.script.testing.TestWorld;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The attacker of the escape suite: a pack named {@value #NAME} whose commands run named probes, each a
 * JavaScript function. {@code try <probe>} catches what the probe throws and answers {@code blocked: <name>:
 * <message>} or {@code ok: <result>}; {@code run <probe>} lets it escape, so the engine charges a fault;
 * {@code async <probe>} awaits the promise the probe returns. Every probe pack also has the harmless probe
 * {@value #FINE}. The module keeps the registrar it was given in {@code registrar}, so probes can try to
 * register after start-up.
 */
final class ProbePack {
    static final String NAME = "probe";
    /** A probe every probe pack has: it answers {@code fine}. */
    static final String FINE = "fine";

    private ProbePack() {
    }

    static Path write(Path scripts, Map<String, String> probes) {
        return write(scripts, probes, "", "");
    }

    /**
     * @param inRegister  extra statements for {@code register(pack)}
     * @param atTopLevel  extra module-level statements, run when the module is evaluated
     */
    static Path write(Path scripts, Map<String, String> probes, String inRegister, String atTopLevel) {
        Map<String, String> all = new TreeMap<>(probes);
        all.putIfAbsent(FINE, "() => 'fine'");
        String table = all.entrySet().stream()
                .map(e -> "  '" + e.getKey() + "': " + e.getValue() + ",")
                .collect(Collectors.joining("\n"));
        return TestPacks.pack(scripts, NAME, Map.of("main.js", """
                let registrar;
                const PROBES = {
                %s
                };
                %s
                export function register(pack) {
                  registrar = pack;
                  pack.command({ name: 'try', help: 'Runs a probe and tells what happened.', run: (ctx) => {
                    let answer;
                    try { answer = 'ok: ' + describe(PROBES[ctx.args]()); } catch (e) { answer = blocked(e); }
                    ctx.reply(answer);
                  }});
                  pack.command({ name: 'run', help: 'Runs a probe and lets it fail.', run: (ctx) => ctx.reply('ok: ' + describe(PROBES[ctx.args]())) });
                  pack.command({ name: 'async', help: 'Awaits a probe.', run: async (ctx) => {
                    let answer;
                    try { answer = 'ok: ' + describe(await PROBES[ctx.args]()); } catch (e) { answer = blocked(e); }
                    ctx.reply(answer);
                  }});
                  %s
                }
                function blocked(e) { return 'blocked: ' + (e && e.name) + ': ' + (e && e.message); }
                function describe(v) { return typeof v === 'string' ? v : typeof v + ' ' + String(v); }
                """.formatted(table, atTopLevel, inRegister)));
    }

    /** A world with the two test rooms, the {@link Bystander} and whatever packs the test wrote. */
    static TestWorld world(Path scripts) {
        Bystander.write(scripts);
        return TestWorld.builder().world(TestPacks::twoRooms).scripts(scripts).build();
    }

    static TestWorld world(Path scripts, ScriptLimits limits) {
        Bystander.write(scripts);
        return TestWorld.builder().world(TestPacks::twoRooms).scripts(scripts).limits(limits).build();
    }

    /**
     * Runs a harmless probe through {@code try} and {@code run} a few times, so that the next runaway probe
     * meets the call budget rather than the more generous budget the first calls of a hook may get.
     */
    static void warmUp(TestPlayer player) {
        for (int i = 0; i < 5; i++) {
            assertThat(player.say("try " + FINE)).isEqualTo("ok: fine");
            assertThat(player.say("run " + FINE)).isEqualTo("ok: fine");
        }
    }

    static ScriptFault lastFault(TestWorld w) {
        return w.scripts().faults().recent().getLast();
    }
}
