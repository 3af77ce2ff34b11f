package dev.backline.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.script.testing.TestPlayer;
import dev.backline.script.testing.TestWorld;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySpec;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Escape suite: the column sets of {@code game.columns}. The typed arrays lie over the engine's own buffers, and
 * the host access lets byte buffers' contents through for them; yet from the arrays no Java object, class or the
 * prelude's host handle is reachable, their buffers cannot be detached, globals a pack replaces are never handed
 * the engine's buffers, and an array held past a change of rows cannot write into another entity.
 */
class EscapeColumnsTest {
    private static final String DECLARE = "pack.columns('herd', { kind: 'npc', props: { energy: 100 } });";

    @TempDir
    Path scripts;

    private TestWorld world(Map<String, String> probes, String atTopLevel) {
        ProbePack.write(scripts, probes, DECLARE, atTopLevel);
        Bystander.write(scripts);
        return TestWorld.builder().world(w -> {
            TestPacks.twoRooms(w);
            for (String id : new String[] {"npc:a", "npc:b"}) {
                w.create(EntitySpec.of(EntityId.of(id), "npc").withContainer(EntityId.of("test:hall")).withProperty("energy", 5L));
            }
        }).scripts(scripts).build();
    }

    @Test
    void theArraysAndTheirBuffersLeadToNoHostObject() {
        try (TestWorld w = world(Map.of("p", """
                () => { const t = game.columns('herd'); const b = t.energy.buffer;
                        return [Object.getPrototypeOf(b) === ArrayBuffer.prototype, Reflect.ownKeys(b).length,
                                typeof b.getClass, typeof t.energy.getClass, typeof t.id.getClass, Object.isFrozen(t),
                                Reflect.ownKeys(t).join(' '), Object.getPrototypeOf(t) === Object.prototype,
                                t.energy instanceof Float64Array, JSON.stringify(b), b.byteLength >= 16].join(); }"""), "")) {
            TestPlayer mallory = w.join("Mallory");

            assertThat(mallory.say("try p"))
                    .isEqualTo("ok: true,0,undefined,undefined,undefined,true,count id row energy,true,true,{},true");
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    @Test
    void theEnginesBuffersCannotBeDetachedOrTransferred() {
        try (TestWorld w = world(Map.of(
                "transfer", "() => game.columns('herd').energy.buffer.transfer()",
                "slice", "() => { const t = game.columns('herd'); const copy = t.energy.buffer.slice(0); "
                        + "new Float64Array(copy)[0] = 77; return String(t.energy[0]); }"), "")) {
            TestPlayer mallory = w.join("Mallory");

            assertThat(mallory.say("try transfer")).startsWith("blocked: TypeError: ").contains("transfer");
            assertThat(mallory.say("try slice")).as("a slice is the script's own copy").isEqualTo("ok: 5");
            assertThat(w.shard().world().get(EntityId.of("npc:a")).property("energy")).isEqualTo(5L);
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    @Test
    void replacedGlobalsAreNeverHandedTheEnginesBuffers() {
        try (TestWorld w = world(Map.of("p", """
                () => { const t = game.columns('herd');
                        return seen.length + ' ' + t.energy.length + ' ' + Object.prototype.toString.call(t.energy); }"""),
                """
                const seen = [];
                globalThis.ArrayBuffer = function (x) { seen.push(x); return new Uint8Array(8).buffer; };
                globalThis.Float64Array = function (...args) { seen.push(args); return []; };
                """)) {
            TestPlayer mallory = w.join("Mallory");

            assertThat(mallory.say("try p")).isEqualTo("ok: 0 2 [object Float64Array]");
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    @Test
    void theArraysCrossBackOnlyAsPlainData() {
        try (TestWorld w = world(Map.of(
                "buffer", "() => { const t = game.columns('herd'); game.setProp('player:mallory', 'loot', { b: t.energy.buffer, a: t.energy }); "
                        + "return JSON.stringify(game.prop('player:mallory', 'loot')); }",
                "name", "() => game.columns({ toString() { return 'herd'; } })"), "")) {
            TestPlayer mallory = w.join("Mallory");

            assertThat(mallory.say("try buffer")).isEqualTo("ok: {\"b\":{},\"a\":[5,5]}");
            assertThat(mallory.say("try name")).startsWith("blocked: ").contains("game.columns: 'name' must be a string");
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    @Test
    void anArrayHeldPastAChangeOfRowsWritesIntoNoOtherEntity() {
        try (TestWorld w = world(Map.of(
                "hold", "() => { held = game.columns('herd'); return held.id(0); }",
                "cull", "() => { game.remove('npc:a'); return 'gone'; }",
                "stale", "() => { held.energy[0] = 555; return game.columns('herd').id(0) + ' ' + game.columns('herd').energy[0]; }"),
                "let held;")) {
            TestPlayer mallory = w.join("Mallory");

            assertThat(mallory.say("try hold")).isEqualTo("ok: npc:a");
            assertThat(mallory.say("try cull")).isEqualTo("ok: gone");
            assertThat(mallory.say("try stale")).isEqualTo("ok: npc:b 5");
            assertThat(w.shard().world().get(EntityId.of("npc:b")).property("energy")).isEqualTo(5L);
            Bystander.assertCarriesOn(w, mallory);
        }
    }
}
