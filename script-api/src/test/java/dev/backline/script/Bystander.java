package dev.backline.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.script.testing.TestPlayer;
import dev.backline.script.testing.TestWorld;
import java.nio.file.Path;
import java.util.Map;

/**
 * An innocent pack loaded beside the attacker in every escape test. Its {@code ping} command reports what
 * it sees of its own world, so one assertion proves that the attack did not stop it, did not stop the tick
 * loop and did not leak into its globals or prototypes.
 */
final class Bystander {
    static final String NAME = "bystander";

    /** What {@code ping} answers in a context nobody has tampered with. */
    static final String UNHARMED = "pong {\"polluted\":null,\"arrayPolluted\":null,\"leak\":\"undefined\","
            + "\"mathIsEngine\":true,\"dateIsEngine\":true,\"mapGet\":\"one\",\"errorText\":\"Error: e\","
            + "\"json\":\"{\\\"a\\\":1}\",\"numbers\":\"42,1.5,7\"}";

    private Bystander() {
    }

    static void write(Path scripts) {
        TestPacks.pack(scripts, NAME, Map.of("main.js", """
                export function register(pack) {
                  pack.command({ name: 'ping', help: 'Answers pong and what it sees.', run: (ctx) => ctx.reply('pong ' + JSON.stringify({
                    polluted: ({}).polluted ?? null,
                    arrayPolluted: [].polluted ?? null,
                    leak: typeof globalThis.leak,
                    mathIsEngine: String(Math.random).includes('host.random'),
                    dateIsEngine: Date.now() === game.now() && new Date().getTime() === game.now(),
                    mapGet: new Map([[1, 'one']]).get(1),
                    errorText: String(new Error('e')),
                    json: JSON.stringify({ a: 1 }),
                    numbers: [Number('42'), parseFloat('1.5'), +'7'].join(),
                  })) });
                }
                """));
    }

    /**
     * Asserts that the bystander still answers, unharmed and not quarantined, and that the tick loop went on.
     */
    static void assertCarriesOn(TestWorld w, TestPlayer player) {
        long before = w.shard().currentTick();
        assertThat(player.say("ping")).as("the bystander pack still answers, and nothing leaked into it").isEqualTo(UNHARMED);
        assertThat(w.shard().currentTick()).as("the tick loop went on").isGreaterThan(before);
        assertThat(w.scripts().packs().get(NAME).quarantineReason()).as("the bystander is not quarantined").isNull();
        assertThat(w.scripts().faults().recent()).as("no fault is charged to the bystander")
                .noneMatch(f -> f.pack().equals(NAME));
    }
}
