package dev.backline.script;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A list of class names worked out from a set of jars, kept in a file for the next run. It is valid while the
 * jars are the same files (path, size, modification time) on the same Java version; anything else, a missing
 * or damaged file included, makes it work the list out again. A cache that cannot be written only costs
 * time, so writing failures are logged and otherwise ignored.
 */
final class ClassListCache {
    private static final Logger LOG = System.getLogger("backline.script");
    private static final String KEY_PREFIX = "# key ";

    private final Path file;
    private final String key;

    ClassListCache(Path file, List<Path> jars) {
        this.file = file;
        this.key = keyOf(jars);
    }

    /** The cached names, or null when there are none for these jars. */
    List<String> read() {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 2 || !lines.getFirst().equals(KEY_PREFIX + key) || !lines.getLast().equals("# end")) {
                return null;
            }
            return List.copyOf(lines.subList(1, lines.size() - 1));
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "cannot read " + file + ": " + e);
            return null;
        }
    }

    void write(List<String> names) {
        List<String> lines = new ArrayList<>(names.size() + 2);
        lines.add(KEY_PREFIX + key);
        lines.addAll(names);
        lines.add("# end");
        try {
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial");
            Files.write(partial, lines, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.INFO, "cannot keep " + file + " for the next start (" + e + "); it is worked out again then");
        }
    }

    private static String keyOf(List<Path> jars) {
        StringBuilder identity = new StringBuilder(Runtime.version().toString());
        for (Path jar : jars) {
            identity.append('\n').append(jar.toAbsolutePath());
            try {
                identity.append(' ').append(Files.size(jar)).append(' ').append(Files.getLastModifiedTime(jar).toMillis());
            } catch (IOException e) {
                identity.append(" unreadable");
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(identity.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
