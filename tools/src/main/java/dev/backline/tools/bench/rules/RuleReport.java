package dev.backline.tools.bench.rules;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The rules benchmark's table: every figure per entity count, with its ratio to Java at the same count. */
final class RuleReport {
    private final List<RuleFigure> figures;

    RuleReport(List<RuleFigure> figures) {
        this.figures = figures;
    }

    static String label(String method, String mode) {
        String what = switch (method) {
            case "java" -> "Java, double[] columns";
            case "scriptColumns" -> "GraalJS pack, typed columns";
            case "scriptEntityApi" -> "GraalJS pack, game.prop/setProp per entity";
            case "bareOwnEngine" -> "rule.js alone, context on its own engine";
            case "bareSharedEngine" -> "rule.js alone, context on a shared engine";
            default -> method;
        };
        return "interpreter".equals(mode) ? what + " (interpreter)" : what;
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
        m.put("java", Runtime.version().toString());
        m.put("vm", ManagementFactory.getRuntimeMXBean().getVmName());
        return m;
    }

    void print(PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "%-52s %9s %14s %8s%n", "learning rule, one tick", "entities", "ns/entity", "x Java");
        for (RuleFigure f : figures) {
            Double java = figures.stream().filter(j -> j.id().equals("java") && j.entities() == f.entities())
                    .map(RuleFigure::nsPerEntity).findFirst().orElse(null);
            String ratio = java == null ? "-" : String.format(Locale.ROOT, "%.2f", f.nsPerEntity() / java);
            String ns = f.errorNs() > 0 ? String.format(Locale.ROOT, "%.2f ± %.2f", f.nsPerEntity(), f.errorNs())
                    : String.format(Locale.ROOT, "%.2f", f.nsPerEntity());
            out.printf(Locale.ROOT, "%-52s %9d %14s %8s%n", f.label(), f.entities(), ns, ratio);
        }
        out.println("machine: " + machine());
    }
}
