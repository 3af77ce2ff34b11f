package dev.backline.script;

import org.graalvm.polyglot.HostAccess.Export;
import org.graalvm.polyglot.Value;

/**
 * What the prelude asks the host before a call crosses into it: whether a value is a host object (which
 * only the host can tell for sure), and whether enough stack is left to run host code to its end.
 *
 * <p>A script can recurse until the Java stack is nearly exhausted and call the API from there. Host code
 * cut off by a {@link StackOverflowError} halfway through could leave the world half-changed, or fail a
 * class initialiser for good; so the prelude refuses the call, with the RangeError of a stack overflow,
 * unless {@link #stackHasRoom()} finds room for it.
 */
public final class HostBoundary {
    /**
     * Calls the probe makes; about 32 KiB of stack once compiled (measured on JDK 25, x86-64), more while
     * interpreted. What host code may use below the caller is this, on top of the JVM's own shadow zone.
     */
    static final int PROBE_CALLS = 1024;
    /**
     * The probe before a read ({@code game.entity} and its kin), whose host code on its usual path only looks
     * up what it already has: an eighth of the full probe. Where the read turns out to need more (a view to
     * build), the host probes again in full and answers {@link #NO_ROOM} if that fails. The full probe was a
     * fifth of the world thread's time per command in the reference game, nearly all of it before reads.
     */
    static final int READ_PROBE_CALLS = PROBE_CALLS / 8;

    /**
     * What a read answers instead of its result when its host code needed more stack than its probe made
     * sure of; the prelude throws the RangeError of a stack overflow, and no script ever sees this object.
     */
    static final Object NO_ROOM = new Object();

    HostBoundary() {
    }

    /** Whether {@code value} is a Java object (an exception the API threw, say) rather than JavaScript data. */
    @Export
    public boolean isHostObject(Value value) {
        return value != null && (value.isHostObject() || value.isProxyObject() || value.isNativePointer());
    }

    /** Whether host code can run here without running out of stack; see {@link #stackHasRoom()}. */
    @Export
    public boolean hasRoom() {
        return stackHasRoom();
    }

    /** Whether a read's usual path can run here; see {@link #READ_PROBE_CALLS}. */
    @Export
    public boolean hasRoomToRead() {
        return stackHasRoom(READ_PROBE_CALLS);
    }

    /** {@link #NO_ROOM}, for the prelude to recognise. */
    @Export
    public Object noRoom() {
        return NO_ROOM;
    }

    /**
     * Whether the calling thread has room for host code below this frame. The probe descends
     * {@link #PROBE_CALLS} calls: every Java method entry checks that the JVM's shadow zone is still free
     * beyond it, so if the deepest probe call got in, whatever the probe used is free for the host code that
     * follows at this depth. Costs about 2.5 µs compiled.
     */
    static boolean stackHasRoom() {
        return stackHasRoom(PROBE_CALLS);
    }

    private static boolean stackHasRoom(int calls) {
        try {
            return descend(calls, 1, 2, 3, 4, 5, 6, 7, 8) != 0;
        } catch (StackOverflowError e) {
            return false;
        }
    }

    // Eight longs keep each compiled frame from shrinking to nothing; the sum keeps the calls from being optimised away.
    private static long descend(int n, long a, long b, long c, long d, long e, long f, long g, long h) {
        if (n <= 0) {
            return a + h;
        }
        return descend(n - 1, b, c, d, e, f, g, h, a) + h;
    }
}
