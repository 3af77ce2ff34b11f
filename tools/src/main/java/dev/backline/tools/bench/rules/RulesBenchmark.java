package dev.backline.tools.bench.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.graalvm.polyglot.PolyglotException;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench rules}: the learning rule over N entities per tick in Java, in a pack script over typed columns,
 * in a pack script through the per-entity API, {@code rule.js} alone in a plain context on its own engine and on a
 * shared one (all JMH, one run, same JVM build), and under Node's V8 in the same run; the script on the
 * interpreter too, for contrast. First checks that all of them compute the same numbers. Prints nanoseconds per
 * entity and the ratios to Java.
 */
@Command(name = "bench rules", sortOptions = false, usageHelpAutoWidth = true,
        description = "Script rules against Java and V8 (issue 9, item 1): one tick of a learning/burnout rule over N entities.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:measured", "1:the implementations disagree or a run failed",
            "2:bad usage, or a --probe file that cannot be read or run"})
public final class RulesBenchmark implements Callable<Integer> {
    private static final int CHECK_ENTITIES = 1_000;
    private static final int CHECK_STEPS = 50;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    private boolean help;

    @Option(names = "--entities", split = ",", paramLabel = "N", defaultValue = "10000,100000",
            description = "entities per tick for Java, the typed-column script and Node (default: ${DEFAULT-VALUE})")
    private List<Integer> entities;

    @Option(names = "--api-entities", split = ",", paramLabel = "N", defaultValue = "10000",
            description = "entities per tick for the per-entity API script (default: ${DEFAULT-VALUE})")
    private List<Integer> apiEntities;

    @Option(names = "--forks", defaultValue = "1", description = "JMH forks per benchmark (default: ${DEFAULT-VALUE})")
    private int forks;

    @Option(names = "--warmups", defaultValue = "8", description = "JMH warm-up iterations (default: ${DEFAULT-VALUE})")
    private int warmups;

    @Option(names = "--iterations", defaultValue = "8", description = "JMH measured iterations (default: ${DEFAULT-VALUE})")
    private int iterations;

    @Option(names = "--seconds", defaultValue = "2", description = "seconds per JMH iteration (default: ${DEFAULT-VALUE})")
    private int seconds;

    @Option(names = "--no-interpreter", description = "skip the interpreter-mode run")
    private boolean noInterpreter;

    @Option(names = "--node", defaultValue = "node", description = "the Node.js executable (default: ${DEFAULT-VALUE})")
    private String node;

    @Option(names = "--probe", paramLabel = "FILE",
            description = "instead of the benchmark: time FILE (a module exporting seed, stepAll and checksum as rule.js does) "
                    + "alone, without JMH, on an engine of its own and on a shared one, with the bytes it allocates")
    private Path probe;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the figures as JSON to FILE")
    private Path json;

    private final PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new RulesBenchmark());
        cl.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        System.exit(cl.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (probe != null) {
            return probe(probe);
        }
        NodeRules nodeRules = new NodeRules(node);
        String nodeVersion = nodeRules.version();
        String disagreement = disagreement(CHECK_ENTITIES, CHECK_STEPS, nodeVersion == null ? null : nodeRules);
        if (disagreement != null) {
            out.println("bench rules: " + disagreement);
            return 1;
        }
        List<RuleFigure> figures = new ArrayList<>();
        List<String> jit = ManagementFactory.getRuntimeMXBean().getInputArguments();
        String sizes = join(entities);
        figures.addAll(jmh("java|scriptColumns|bareOwnEngine|bareSharedEngine", Map.of("entities", sizes), jit, "JIT"));
        figures.addAll(jmh("scriptEntityApi", Map.of("apiEntities", join(apiEntities)), jit, "JIT"));
        if (nodeVersion != null) {
            for (int n : entities) {
                NodeRules.Result r = nodeRules.run(n, warmups, iterations * 3, Math.max(1, 2_000_000 / n));
                figures.add(new RuleFigure("node", r.engine() + " (V8), typed columns", n, r.medianNsPerEntity(), 0, "JIT"));
            }
        } else {
            out.println("bench rules: no Node.js at '" + node + "'; the V8 figure is left out");
        }
        if (!noInterpreter) {
            List<String> interpreted = jit.stream().filter(a -> !a.contains("JVMCI") && !a.startsWith("--upgrade-module-path")
                    && !a.startsWith("-XX:StartFlightRecording")).toList();
            figures.addAll(jmh("scriptColumns", Map.of("entities", String.valueOf(entities.getFirst())), interpreted,
                    "interpreter"));
        }
        RuleReport report = new RuleReport(figures);
        report.print(out);
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("machine", RuleReport.machine());
            doc.put("figures", figures);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), doc);
        }
        return 0;
    }

    private int probe(Path file) {
        try {
            String source = Files.readString(file);
            RuleProbe.run(source, file.getFileName().toString(), false, out);
            RuleProbe.run(source, file.getFileName().toString(), true, out);
            return 0;
        } catch (IOException | IllegalArgumentException | PolyglotException e) {
            out.println("bench rules: " + file + ": " + e.getMessage());
            return 2;
        }
    }

    /**
     * Null when Java, the pack (both modes) and Node (when given) compute the same numbers for {@code entities}
     * after the same number of steps; else what differs.
     */
    static String disagreement(int entities, int steps, NodeRules nodeRules) throws Exception {
        Map<String, RulePack.Status> scripts = new LinkedHashMap<>();
        try (RulePack batch = new RulePack(RulePack.Mode.BATCH, entities);
             RulePack perEntity = new RulePack(RulePack.Mode.ENTITY, entities)) {
            for (int s = 0; s < steps; s++) {
                batch.tick();
                perEntity.tick();
            }
            scripts.put("the typed-column script", batch.status());
            scripts.put("the per-entity API script", perEntity.status());
        }
        for (boolean shared : new boolean[] {false, true}) {
            try (BareRule bare = new BareRule(shared, entities)) {
                for (int s = 0; s < steps; s++) {
                    bare.tick();
                }
                scripts.put("rule.js alone on " + (shared ? "a shared engine" : "its own engine"),
                        new RulePack.Status(steps, bare.checksum()));
            }
        }
        for (var e : scripts.entrySet()) {
            String differs = differs(e.getKey(), entities, e.getValue().checksum(), e.getValue().steps());
            if (differs != null) {
                return differs;
            }
        }
        return nodeRules == null ? null
                : differs("Node", entities, nodeRules.run(entities, 0, 1, steps).checksum(), steps);
    }

    private static String differs(String who, int entities, double checksum, int steps) {
        LearningRule java = new LearningRule(entities);
        for (int s = 0; s < steps; s++) {
            java.stepAll(RulePack.DT_HOURS);
        }
        double expected = java.checksum();
        return Math.abs(checksum - expected) <= 1e-9 * Math.abs(expected) ? null
                : who + " computes " + checksum + " where Java computes " + expected + " after " + steps + " steps of "
                        + entities + " entities";
    }

    private List<RuleFigure> jmh(String methods, Map<String, String> params, List<String> jvmArgs, String mode)
            throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(RuleBenchmarks.class.getName() + "\\.(" + methods + ")$")
                .forks(forks).warmupIterations(warmups).measurementIterations(iterations)
                .warmupTime(TimeValue.seconds(seconds)).measurementTime(TimeValue.seconds(seconds))
                .jvmArgs(jvmArgs.toArray(String[]::new))
                .verbosity(VerboseMode.NORMAL);
        params.forEach((name, values) -> options.param(name, values.split(",")));
        List<RuleFigure> figures = new ArrayList<>();
        for (RunResult result : new Runner(options.build()).run()) {
            String method = result.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            String paramName = params.keySet().iterator().next();
            int n = Integer.parseInt(result.getParams().getParam(paramName));
            double perEntityNs = result.getPrimaryResult().getScore() * 1000 / n;
            double errorNs = result.getPrimaryResult().getScoreError() * 1000 / n;
            figures.add(new RuleFigure(method, RuleReport.label(method, mode), n, perEntityNs,
                    Double.isNaN(errorNs) ? 0 : errorNs, mode));
        }
        return figures;
    }

    private static String join(List<Integer> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }
}
