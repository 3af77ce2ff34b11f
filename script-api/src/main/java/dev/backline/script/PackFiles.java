package dev.backline.script;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The files of a pack with their SHA-256, to tell what a reload changed and to audit it. */
final class PackFiles {
    static final int MAX_FILES = 10_000;

    private PackFiles() {
    }

    /** Relative path to hex SHA-256 of every regular file in the pack (hidden files and folders skipped). */
    static Map<String, String> hash(Path root) {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Path relative = root.relativize(file);
                if (isHidden(relative)) {
                    continue;
                }
                if (hashes.size() == MAX_FILES) {
                    throw new PackLoadException(root + ": more than " + MAX_FILES + " files in the pack");
                }
                hashes.put(relative.toString().replace('\\', '/'), sha256(file));
            }
        } catch (IOException e) {
            throw new PackLoadException(root + ": cannot read the pack's files: " + e.getMessage());
        }
        return hashes;
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
