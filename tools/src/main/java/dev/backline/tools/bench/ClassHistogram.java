package dev.backline.tools.bench;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live objects of a JVM by class, as {@code jcmd <pid> GC.class_histogram} prints them. That command runs a
 * full collection first, so {@link #bytes()} is the heap that live objects take: the figure a per-connection
 * cost is taken from, without the collector's free space or its region slack.
 *
 * @param bytes     the size of every live object
 * @param instances the number of live objects
 * @param classes   per class name (the module suffix dropped): instances and bytes
 */
public record ClassHistogram(long bytes, long instances, Map<String, Entry> classes) {
    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)");

    /** Instances and bytes of one class. */
    public record Entry(long instances, long bytes) {
    }

    /** One class's change between two histograms. */
    public record Change(String className, long instances, long bytes) {
    }

    public ClassHistogram {
        classes = Map.copyOf(classes);
    }

    /**
     * Parses the output of {@code GC.class_histogram}.
     *
     * @throws IllegalArgumentException when it has no {@code Total} line (not a histogram: an error of jcmd's)
     */
    public static ClassHistogram parse(String text) {
        Map<String, Entry> classes = new HashMap<>();
        long bytes = -1;
        long instances = -1;
        for (String line : text.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                // A class name can occur twice (two class loaders); what the connections cost is their sum.
                classes.merge(row.group(3), new Entry(Long.parseLong(row.group(1)), Long.parseLong(row.group(2))),
                        (a, b) -> new Entry(a.instances() + b.instances(), a.bytes() + b.bytes()));
                continue;
            }
            Matcher total = TOTAL.matcher(line);
            if (total.find()) {
                instances = Long.parseLong(total.group(1));
                bytes = Long.parseLong(total.group(2));
            }
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("not a class histogram: " + text.lines().findFirst().orElse("(empty)"));
        }
        return new ClassHistogram(bytes, instances, classes);
    }

    /** Live instances of {@code className} (e.g. {@code java.lang.VirtualThread}); 0 if none. */
    public long instancesOf(String className) {
        Entry e = classes.get(className);
        return e == null ? 0 : e.instances();
    }

    /** The {@code top} classes whose bytes grew most from {@code before} to this one, largest first. */
    public List<Change> growthSince(ClassHistogram before, int top) {
        return classes.entrySet().stream()
                .map(e -> {
                    Entry was = before.classes().getOrDefault(e.getKey(), new Entry(0, 0));
                    return new Change(e.getKey(), e.getValue().instances() - was.instances(), e.getValue().bytes() - was.bytes());
                })
                .filter(c -> c.bytes() > 0)
                .sorted(Comparator.comparingLong(Change::bytes).reversed().thenComparing(Change::className))
                .limit(top)
                .toList();
    }
}
