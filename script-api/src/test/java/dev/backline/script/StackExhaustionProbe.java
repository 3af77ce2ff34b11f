package dev.backline.script;

import dev.backline.script.testing.TestPlayer;
import dev.backline.script.testing.TestWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Runs one stack-exhaustion attack in a JVM of its own and prints one line per pack: {@code ATTACK ...} for
 * the attacker, {@code VICTIM ...} for a pack that then uses the same JavaScript at a normal depth, and
 * {@code BYSTANDER ...} for the {@link Bystander}. {@link StackExhaustionTest} starts it: what it
 * demonstrates can break classes for the whole JVM, so it must not run in the test JVM.
 */
final class StackExhaustionProbe {
    /** Ordinary JavaScript; each line's first execution creates and initialises classes in GraalJS and Truffle. */
    static final List<String> USES = List.of(
            "Number(String(n)) + parseFloat('1.5') + (+'7')",
            "'abc'.toUpperCase().padStart(5, '-')",
            "'a,b,c'.split(',').map((x) => x + '!').join('/')",
            "/(\\d+)-(\\d+)/.exec('12-34')[2]",
            "`${n}:${typeof n}`",
            "JSON.stringify({ a: [1, { b: 2 }] }) + JSON.parse('{\"x\":1}').x",
            "new Map([[1, 'one']]).get(1) + new Set([1, 2]).size",
            "String(new Error('e')) + new TypeError('t').message",
            "(10n ** 20n).toString()",
            "Symbol('s').toString() + Symbol.iterator.description",
            "[3, 1, 2].sort((a, b) => a - b).flat().includes(2)",
            "Object.entries({ a: 1 }).flat().join()",
            "Math.max(...[1, 2, 3]) + Math.hypot(3, 4)",
            "encodeURIComponent('å b') + decodeURIComponent('%20')",
            "new Date(0).toISOString()",
            "(() => { const { a, ...rest } = { a: 1, b: 2 }; return rest.b; })()",
            "new (class { #p = 1; get p() { return this.#p; } })().p",
            "Array.from({ length: 3 }, (_, i) => i * 2).reduce((a, b) => a + b)",
            "'x'.localeCompare('y') + (1234.5).toLocaleString('en')",
            "[...'héllo'].reverse().join('').normalize('NFD').length",
            "Object.freeze({ a: 1 }).a + Object.keys(Object.create(null)).length",
            "(function* () { yield 1; })().next().value",
            "new Int32Array([1, 2, 3]).subarray(1).length",
            "'aaa'.replaceAll('a', 'b') + 'abc'.at(-1)",
            "Number.isInteger(5.0) + (0.1 + 0.2).toFixed(2) + (255).toString(16)",
            "new WeakMap().has({}) + new WeakSet().has({})",
            "Reflect.ownKeys({ [Symbol('k')]: 1, a: 2 }).length",
            "new Proxy({}, { get: () => 7 }).anything",
            "Promise.resolve(1) instanceof Promise",
            "new Intl.NumberFormat('de-DE').format(1234.5)",
            "(() => { try { game.move('test:nobody', 42); } catch (e) { return e.message; } })()",
            "game.setProp('player:mallory', 'n', n) ?? game.prop('player:mallory', 'n')",
            "game.entity('player:mallory').props.n + game.contents('test:hall').length + game.isOnline('player:mallory')",
            "game.tag('player:mallory', 'dived', n % 2 === 0) ?? game.entity('player:mallory').tags.length");

    /**
     * For each use, recurses to the end of the stack and runs the use on the way back up, so its first
     * execution happens with almost no stack left, and each frame above retries with a little more.
     */
    static String firstUsesAtTheEndOfTheStack() {
        String dives = IntStream.range(0, USES.size()).mapToObj(i -> """
                    const dive%d = (n) => {
                      if (n < max + 50) { try { dive%d(n + 1); } catch (e) { /* the stack ran out below */ } }
                      sink += String(%s).length;
                    };
                    try { dive%d(0); } catch (e) { /* the attack goes on */ }
                """.formatted(i, i, USES.get(i), i)).collect(Collectors.joining());
        return """
                export function register(pack) {
                  pack.command({ name: 'attack', help: 'Exhausts the stack.', run: (ctx) => {
                    const depth = (n) => { try { return depth(n + 1); } catch (e) { return n; } };
                    const max = depth(0);
                    let sink = 0;
                %s
                    ctx.reply('dived to ' + max);
                  }});
                }
                """.formatted(dives);
    }

    /** The same uses at a normal depth, in another pack. */
    static String victim() {
        String uses = USES.stream().map(u -> "      (n) => " + u + ",").collect(Collectors.joining("\n"));
        return """
                const USES = [
                %s
                ];
                export function register(pack) {
                  pack.command({ name: 'use', help: 'Uses ordinary JavaScript.', run: (ctx) => {
                    const failed = USES.map((u, i) => { try { u(i); return null; } catch (e) { return i + ': ' + e; } })
                      .filter((f) => f !== null);
                    ctx.reply(failed.length === 0 ? 'all ' + USES.length + ' uses work' : failed.join('; '));
                  }});
                }
                """.formatted(uses);
    }

    /** A getter that calls the API that reads the getter: guest and host frames alternate until the stack ends. */
    static final String REENTERING_THE_API = """
            export function register(pack) {
              pack.command({ name: 'attack', help: 'Re-enters the API.', run: (ctx) => {
                const evil = { get a() { game.setProp(ctx.player, 'loot', evil); return 1; } };
                try { game.setProp(ctx.player, 'loot', evil); ctx.reply('no overflow'); }
                catch (e) { ctx.reply([e instanceof RangeError, e.name, e.message].join(' | ')); }
              }});
            }
            """;

    private StackExhaustionProbe() {
    }

    /** @param args the name of the attack: {@code first-uses} or {@code reentry} */
    public static void main(String[] args) throws IOException {
        String attack = switch (args[0]) {
            case "first-uses" -> firstUsesAtTheEndOfTheStack();
            case "reentry" -> REENTERING_THE_API;
            default -> throw new IllegalArgumentException("unknown attack " + args[0]);
        };
        Path scripts = Files.createTempDirectory("stack-exhaustion");
        try {
            TestPacks.pack(scripts, "attacker", Map.of("main.js", attack));
            TestPacks.pack(scripts, "victim", Map.of("main.js", victim()));
            Bystander.write(scripts);
            try (TestWorld w = TestWorld.builder().world(TestPacks::twoRooms).scripts(scripts).build()) {
                TestPlayer mallory = w.join("Mallory");
                System.out.println("ATTACK " + mallory.say("attack").replace('\n', ' '));
                System.out.println("VICTIM " + mallory.say("use").replace('\n', ' '));
                System.out.println("BYSTANDER " + mallory.say("ping").replace('\n', ' '));
                System.out.println("LOOT " + w.shard().world().get(mallory.id()).property("loot"));
            }
        } finally {
            try (Stream<Path> files = Files.walk(scripts)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
