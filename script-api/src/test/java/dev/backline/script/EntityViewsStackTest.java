package dev.backline.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.world.Entity;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySpec;
import dev.backline.world.World;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Near the end of the stack a view that must be built is refused ({@link EntityViews.NoStackRoom}, which the
 * facade answers with {@link HostBoundary#NO_ROOM}) rather than built by host code that could be cut off
 * halfway, while a view already built is still handed out; and whatever happened down there, the views are
 * whole and current afterwards.
 */
class EntityViewsStackTest {
    @TempDir
    Path root;

    private int refused;
    private int built;
    private int overflowed;
    private int guestOverflowed;
    private int hostOverflowed;
    private int deepest = -1;

    @Test
    void atTheEndOfTheStackAViewIsRefusedRatherThanHalfBuiltAndAllIsWellAfterwards() {
        World world = new World();
        Entity cached = world.create(EntitySpec.of(EntityId.of("test:cached"), "item").withProperty("name", "Amp"));
        Entity changing = world.create(EntitySpec.of(EntityId.of("test:changing"), "item")
                .withProperty("notes", Map.of("list", List.of(1, 2, 3), "deep", Map.of("a", Map.of("b", "c")))));
        try (Engine engine = ScriptRuntime.newEngine(); Context context = ScriptSandbox.newContext(engine, "probe", root)) {
            EntityViews views = new EntityViews(context, new GuestData(context), () -> 0);
            Value first = views.of(cached);

            dive(0, views, world, cached, changing, first);

            assertThat(refused).as("views refused for want of stack").isPositive();
            assertThat(hostOverflowed).as("stack overflows in the views' host code").isZero();
            assertThat(built).as("views built on the way up").isPositive();
            assertThat(views.of(cached)).isEqualTo(first);
            Value now = views.of(changing);
            assertThat(now.getMember("props").getMember("notes").getMember("deep").getMember("a").getMember("b").asString())
                    .isEqualTo("c");
            assertThat(now.getMember("props").getMember("seq").asLong()).isEqualTo(changing.property("seq"));
            assertThat(views.of(changing)).isEqualTo(now);
        }
    }

    // Each level changes the entity (so its view must be built again) and reads both views on the way back
    // up, from the deepest level, where nothing fits, to the levels where everything does.
    private void dive(int depth, EntityViews views, World world, Entity cached, Entity changing, Value first) {
        try {
            dive(depth + 1, views, world, cached, changing, first);
        } catch (StackOverflowError e) {
            overflowed++;
            deepest = Math.max(deepest, depth);
        }
        if (depth < deepest - 2_000) {
            return; // far enough up: the rest would only repeat what worked
        }
        try {
            world.setProperty(changing.id(), "seq", depth);
        } catch (StackOverflowError e) {
            overflowed++;
            return;
        }
        try {
            if (!views.of(cached).equals(first)) {
                throw new AssertionError("a built view changed without its entity changing");
            }
            views.of(changing);
            built++;
        } catch (EntityViews.NoStackRoom e) {
            refused++;
        } catch (StackOverflowError e) {
            hostOverflowed++;
        } catch (PolyglotException e) {
            // The view's conversion ran out of stack in JavaScript: the guest's RangeError, nothing stored.
            if (!e.isGuestException() || !String.valueOf(e.getMessage()).contains("Maximum call stack size exceeded")) {
                throw e;
            }
            guestOverflowed++;
        }
    }
}
