package dev.backline.tools.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code bench connections} measured. Heap figures are live bytes after a full collection
 * ({@link ClassHistogram}); {@code before} is the server with no player yet, {@code held} with the connections
 * held, {@code after} once they have all closed (the accounts and characters they made are still there).
 *
 * @param connections       connections asked for
 * @param established       players that joined: registered, logged in, authenticated on {@code /play}
 * @param failures          why the others did not, and how often
 * @param connectSeconds    from the first join to the last, in the slowest player process
 * @param holdSeconds       how long the connections were held idle before the heap was read
 * @param alive             players that answered a command at the end, through the world thread
 * @param disconnects       connections lost while held, by reason
 * @param heapBefore        live heap bytes before any player
 * @param heapHeld          live heap bytes with the connections held
 * @param heapAfter         live heap bytes after they closed
 * @param growth            the classes that grew most from before to held
 */
public record ConnectionsReport(String game, int connections, int established, Map<String, Long> failures,
                                double connectSeconds, double holdSeconds, int alive, Map<String, Long> disconnects,
                                long heapBefore, long heapHeld, long heapAfter, int threadsBefore, int threadsHeld,
                                long virtualThreadsHeld, long rssKibBefore, long rssKibHeld, int openFilesBefore,
                                int openFilesHeld, List<ClassHistogram.Change> growth) {
    public ConnectionsReport {
        failures = Map.copyOf(failures);
        disconnects = Map.copyOf(disconnects);
        growth = List.copyOf(growth);
    }

    /** Heap per connection, all in: what the server holds with them over what it held before any player came. */
    public double bytesPerConnection() {
        return established == 0 ? 0 : (double) (heapHeld - heapBefore) / established;
    }

    /** Heap per connection that closing them gives back: the connection itself, without the account and character. */
    public double bytesFreedPerConnection() {
        return established == 0 ? 0 : (double) (heapHeld - heapAfter) / established;
    }

    /** Every connection was established and answered at the end. */
    public boolean clean() {
        return established == connections && alive == established && disconnects.isEmpty();
    }

    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "connections: %d of %d established in %.1f s (%.0f/s)%s%n", established, connections,
                connectSeconds, connectSeconds > 0 ? established / connectSeconds : 0.0,
                failures.isEmpty() ? "" : "; failed: " + failures));
        b.append(String.format(Locale.ROOT, "held idle for %.0f s; alive at the end (answered a command): %d of %d; "
                + "lost while held: %s%n", holdSeconds, alive, established, disconnects.isEmpty() ? "none" : disconnects));
        b.append(String.format(Locale.ROOT, "server live heap after a full GC: %s before, %s with the connections, %s after they closed%n",
                mb(heapBefore), mb(heapHeld), mb(heapAfter)));
        b.append(String.format(Locale.ROOT, "heap per connection: %.1f KB all in (%.1f KB freed when it closes; 1 KB = 1,000 bytes)%n",
                bytesPerConnection() / 1000, bytesFreedPerConnection() / 1000));
        b.append(String.format(Locale.ROOT, "server threads (OS): %d before, %d held; virtual threads held: %d%n", threadsBefore,
                threadsHeld, virtualThreadsHeld));
        b.append(String.format(Locale.ROOT, "server RSS: %s before, %s held; open files: %d before, %d held%n",
                mb(rssKibBefore * 1024), mb(rssKibHeld * 1024), openFilesBefore, openFilesHeld));
        b.append("what grew most (bytes per connection, instances per connection, class):\n");
        for (ClassHistogram.Change c : growth) {
            b.append(String.format(Locale.ROOT, "  %8.0f %7.2f  %s%n", established == 0 ? 0.0 : (double) c.bytes() / established,
                    established == 0 ? 0.0 : (double) c.instances() / established, c.className()));
        }
        return b.toString();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
