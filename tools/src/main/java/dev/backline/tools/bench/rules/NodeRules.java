package dev.backline.tools.bench.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The rule under Node's V8: {@code node-rules.mjs} with the pack's own {@code rule.js}, in a child process. */
final class NodeRules {
    record Result(String engine, double medianNsPerEntity, double checksum) {
    }

    private final String node;

    NodeRules(String node) {
        this.node = node;
    }

    /** The Node version, or null when there is no Node to run. */
    String version() {
        try {
            Process p = new ProcessBuilder(node, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    Result run(int entities, int warmups, int rounds, int stepsPerRound) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("backline-rules-node");
        try {
            Files.createDirectories(dir.resolve("pack"));
            copy("node-rules.mjs", dir.resolve("node-rules.mjs"));
            copy("pack/rule.js", dir.resolve("pack/rule.js"));
            Process p = new ProcessBuilder(List.of(node, dir.resolve("node-rules.mjs").toString(), String.valueOf(entities),
                    String.valueOf(warmups), String.valueOf(rounds), String.valueOf(stepsPerRound),
                    String.valueOf(RulePack.DT_HOURS))).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException("node failed: " + out);
            }
            JsonNode json = new ObjectMapper().readTree(out.substring(out.lastIndexOf('\n') + 1));
            return new Result(json.get("engine").asText(), json.get("median").asDouble(), json.get("checksum").asDouble());
        } finally {
            for (String f : List.of("pack/rule.js", "pack", "node-rules.mjs", "")) {
                Files.deleteIfExists(dir.resolve(f));
            }
        }
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = NodeRules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from the tools jar");
            }
            Files.copy(in, to);
        }
    }
}
