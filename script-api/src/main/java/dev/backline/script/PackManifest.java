package dev.backline.script;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A pack's {@code pack.yaml}: its name, version, the script API version it was written for, and the
 * entry module that registers everything.
 */
public record PackManifest(String name, String version, int apiVersion, String entry, String description) {
    public static final String FILE = "pack.yaml";
    /** The script API version this engine provides. Packs declaring another one are refused. */
    public static final int API_VERSION = 1;

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Set<String> KEYS = Set.of("name", "version", "apiVersion", "entry", "description");

    public PackManifest {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'name' must be a lower-case word with '-' (at most 40 characters), was " + name);
        }
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("'version' is required, e.g. 1.0.0");
        }
        if (apiVersion != API_VERSION) {
            throw new IllegalArgumentException("'apiVersion' is " + apiVersion + " but this engine provides script API "
                    + API_VERSION);
        }
        if (entry == null || !entry.endsWith(".js") && !entry.endsWith(".mjs") || entry.contains("..")) {
            throw new IllegalArgumentException("'entry' must name a .js or .mjs module inside the pack, was " + entry);
        }
        description = description == null ? "" : description;
    }

    /** Reads {@code dir/pack.yaml}. @throws PackLoadException naming the file and the problem */
    public static PackManifest read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new PackLoadException(file + ": missing; every pack directory needs a " + FILE);
        }
        Object parsed;
        try (Reader reader = Files.newBufferedReader(file)) {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException | RuntimeException e) {
            throw new PackLoadException(file + ": not readable YAML: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> raw)) {
            throw new PackLoadException(file + ": must be a YAML mapping with " + KEYS);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        raw.forEach((k, v) -> map.put(String.valueOf(k), v));
        for (String key : map.keySet()) {
            if (!KEYS.contains(key)) {
                throw new PackLoadException(file + ": unknown key '" + key + "'; allowed: " + List.copyOf(KEYS));
            }
        }
        try {
            Object api = map.get("apiVersion");
            if (!(api instanceof Integer)) {
                throw new IllegalArgumentException("'apiVersion' must be a whole number, was " + api);
            }
            PackManifest manifest = new PackManifest(str(map, "name"), str(map, "version"), (Integer) api,
                    str(map, "entry"), str(map, "description"));
            if (!manifest.name().equals(dir.getFileName().toString())) {
                throw new IllegalArgumentException("'name' is '" + manifest.name() + "' but the directory is '"
                        + dir.getFileName() + "'; they must match");
            }
            return manifest;
        } catch (IllegalArgumentException e) {
            throw new PackLoadException(file + ": " + e.getMessage());
        }
    }

    private static String str(Map<String, Object> map, String key) {
        Object v = map.get(key);
        return v == null ? null : String.valueOf(v);
    }
}
