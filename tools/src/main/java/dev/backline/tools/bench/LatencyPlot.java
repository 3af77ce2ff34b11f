package dev.backline.tools.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Latency against load as a standalone SVG: p50, p90 and p99 (milliseconds, logarithmic axis) over the
 * commands per second answered, with the target drawn as a dashed line. Hand-written SVG: three polylines and
 * their axes need no plotting library, and the file renders in browsers and on GitHub as it is.
 */
public final class LatencyPlot {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 160;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;

    private LatencyPlot() {
    }

    public static String svg(String title, List<LatencyStep> steps, double targetMillis) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("no steps to plot");
        }
        double maxX = niceCeiling(steps.stream().mapToDouble(LatencyStep::answeredPerSecond).max().orElse(1));
        double minY = Math.min(1, steps.stream().mapToDouble(LatencyStep::p50).min().orElse(1));
        double maxY = Math.max(targetMillis * 2, steps.stream().mapToDouble(LatencyStep::p99).max().orElse(1));
        double logMin = Math.floor(Math.log10(Math.max(0.1, minY)));
        double logMax = Math.ceil(Math.log10(maxY));
        Scale scale = new Scale(maxX, logMin, logMax);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"14\">%s</text>%n", LEFT, escape(title)));
        axes(svg, scale);
        double targetY = scale.y(targetMillis);
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#c00\" "
                + "stroke-dasharray=\"6 4\"/>%n", LEFT, targetY, WIDTH - RIGHT, targetY));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" fill=\"#c00\">target %s ms</text>%n",
                WIDTH - RIGHT + 8, targetY + 4, format(targetMillis)));
        series(svg, scale, steps, LatencyStep::p50, "#1f77b4", "p50", 0);
        series(svg, scale, steps, LatencyStep::p90, "#ff7f0e", "p90", 1);
        series(svg, scale, steps, LatencyStep::p99, "#2ca02c", "p99", 2);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private record Scale(double maxX, double logMin, double logMax) {
        double x(double value) {
            return LEFT + value / maxX * (WIDTH - LEFT - RIGHT);
        }

        double y(double millis) {
            double log = Math.log10(Math.max(Math.pow(10, logMin), millis));
            return HEIGHT - BOTTOM - (log - logMin) / (logMax - logMin) * (HEIGHT - TOP - BOTTOM);
        }
    }

    private static void axes(StringBuilder svg, Scale s) {
        int x0 = LEFT;
        int x1 = WIDTH - RIGHT;
        int y0 = HEIGHT - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", x0, y0, x1, y0));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", x0, TOP, x0, y0));
        for (int i = 0; i <= 5; i++) {
            double v = s.maxX() * i / 5;
            double x = s.x(v);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, y0, x, y0 + 5, x, y0 + 20, format(v)));
        }
        for (double p = s.logMin(); p <= s.logMax(); p++) {
            double y = s.y(Math.pow(10, p));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", x0, y, x1, y, x0 - 6, y + 4,
                    format(Math.pow(10, p))));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">commands answered per second</text>%n",
                (x0 + x1) / 2, HEIGHT - 18));
        svg.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 18 %d)\">"
                + "latency, send to answer (ms, log)</text>%n", (TOP + y0) / 2, (TOP + y0) / 2));
    }

    private static void series(StringBuilder svg, Scale s, List<LatencyStep> steps, ToDoubleFunction<LatencyStep> value,
                               String colour, String name, int index) {
        StringBuilder points = new StringBuilder();
        for (LatencyStep step : steps) {
            double x = s.x(step.answeredPerSecond());
            double y = s.y(value.applyAsDouble(step));
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s: %s ms at %s/s (%d players)</title></circle>%n",
                    x, y, colour, name, format(value.applyAsDouble(step)), format(step.answeredPerSecond()), step.players()));
        }
        svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                points.toString().trim(), colour));
        int legendY = TOP + 20 * index + 30;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>"
                + "<text x=\"%d\" y=\"%d\">%s</text>%n", WIDTH - RIGHT + 8, legendY, WIDTH - RIGHT + 30, legendY, colour,
                WIDTH - RIGHT + 36, legendY + 4, name));
    }

    static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (v <= m * magnitude) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String format(double v) {
        return v >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
