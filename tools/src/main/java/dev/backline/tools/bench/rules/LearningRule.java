package dev.backline.tools.bench.rules;

/**
 * The rules benchmark's rule in Java: the twin of {@code rule.js}, line for line, over the same four columns,
 * so the benchmark compares engines and not algorithms. Only the benchmark uses it; the game's own rules are
 * scripts.
 */
final class LearningRule {
    private static final double BASE_XP_PER_HOUR = 12;
    private static final double[] XP_TO_NEXT = {0, 100, 250, 450, 700, 1000, 1400, 1900, 2500, 3200};
    private static final double SESSION_HOURS = 8;
    private static final double REST_RELIEF = 20;

    final double[] xp;
    final double[] level;
    final double[] burnout;
    final double[] hours;

    LearningRule(int entities) {
        xp = new double[entities];
        level = new double[entities];
        burnout = new double[entities];
        hours = new double[entities];
        for (int i = 0; i < entities; i++) {
            level[i] = 1 + (i % 10);
            xp[i] = (i * 37) % 90;
            burnout[i] = (i * 13) % 100;
            hours[i] = i % 9;
        }
    }

    static double methodPercent(double level) {
        return level <= 3 ? 100 : level <= 7 ? 150 : 200;
    }

    static double hoursPercent(double hours) {
        return hours < 2 ? 50 : hours < 5 ? 100 : hours < 7 ? 120 : 150;
    }

    static double burnoutPerHour(double hours) {
        return hours < 2 ? 0 : hours < 5 ? 2 : hours < 7 ? 8 : 30;
    }

    static double burnoutPercent(double burnout) {
        return burnout >= 80 ? 25 : burnout >= 50 ? 60 : 100;
    }

    void step(int i, double dt) {
        double h = hours[i] + dt;
        double b = burnout[i];
        double lv = level[i];
        double x = xp[i] + BASE_XP_PER_HOUR * dt * methodPercent(lv) * hoursPercent(h) * burnoutPercent(b) / 1e6;
        b += burnoutPerHour(h) * dt;
        if (h >= SESSION_HOURS) {
            h = 0;
            b -= REST_RELIEF;
        }
        if (lv < 10 && x >= XP_TO_NEXT[(int) lv]) {
            x -= XP_TO_NEXT[(int) lv];
            level[i] = lv + 1;
        }
        xp[i] = x;
        burnout[i] = Math.min(Math.max(b, 0), 100);
        hours[i] = h;
    }

    void stepAll(double dt) {
        for (int i = 0; i < xp.length; i++) {
            step(i, dt);
        }
    }

    double checksum() {
        double sum = 0;
        for (int i = 0; i < xp.length; i++) {
            sum += xp[i] + level[i] * 1000 + burnout[i] * 10 + hours[i];
        }
        return sum;
    }
}
