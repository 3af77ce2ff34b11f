package dev.backline.tools.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a child JVM holds at one moment, read from outside it so the reading costs it nothing between readings:
 * its live heap by class (jcmd, after a full collection), its resident memory, its operating-system threads (the
 * platform threads; virtual threads are heap objects, counted in the histogram) and its open file descriptors,
 * from {@code /proc} (Linux).
 */
record ServerReading(ClassHistogram heap, long rssKib, int threads, int openFiles, String histogramText) {
    private static final long JCMD_WAIT_SECONDS = 300;

    /**
     * Reads the process {@code pid}.
     *
     * @throws IllegalStateException when jcmd fails or {@code /proc} has no such process
     */
    static ServerReading of(long pid) throws IOException, InterruptedException {
        String histogram = jcmd(pid, "GC.class_histogram");
        ClassHistogram heap;
        try {
            heap = ClassHistogram.parse(histogram);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("jcmd " + pid + " GC.class_histogram: " + e.getMessage());
        }
        return new ServerReading(heap, statusValue(pid, "VmRSS"), (int) statusValue(pid, "Threads"), openFiles(pid), histogram);
    }

    /** The soft limit on open files of process {@code pid} ({@code Max open files} in /proc/PID/limits). */
    static long openFilesLimit(long pid) throws IOException {
        for (String line : Files.readAllLines(proc(pid).resolve("limits"), StandardCharsets.UTF_8)) {
            if (line.startsWith("Max open files")) {
                String soft = line.substring("Max open files".length()).strip().split("\\s+")[0];
                return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
            }
        }
        throw new IllegalStateException("no 'Max open files' in /proc/" + pid + "/limits");
    }

    static int openFiles(long pid) throws IOException {
        try (Stream<Path> fds = Files.list(proc(pid).resolve("fd"))) {
            return (int) fds.count();
        }
    }

    private static long statusValue(long pid, String key) throws IOException {
        for (String line : Files.readAllLines(proc(pid).resolve("status"), StandardCharsets.UTF_8)) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.substring(key.length() + 1).strip().split("\\s+")[0]);
            }
        }
        throw new IllegalStateException("no " + key + " in /proc/" + pid + "/status");
    }

    private static Path proc(long pid) {
        Path dir = Path.of("/proc", Long.toString(pid));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no process " + pid + " in /proc (the benchmark reads Linux's /proc)");
        }
        return dir;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            throw new IllegalStateException("no jcmd at " + jcmd + ": the benchmark needs a full JDK, not a JRE");
        }
        Process p = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), command)).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(JCMD_WAIT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("jcmd " + pid + " " + command + " took more than " + JCMD_WAIT_SECONDS + " s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + text.strip());
        }
        return text;
    }
}
