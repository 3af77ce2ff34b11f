package dev.backline.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load averages, printed beside every figure: a figure taken on a busy machine says so. */
public final class LoadAverage {
    private LoadAverage() {
    }

    /** The 1, 5 and 15 minute load averages, or "unknown" where there is no {@code /proc/loadavg}. */
    public static String now() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
