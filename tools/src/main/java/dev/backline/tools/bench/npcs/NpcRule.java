package dev.backline.tools.bench.npcs;

import dev.backline.world.EntityColumns;
import java.nio.ByteBuffer;

/**
 * The Java twin of the benchmark pack's needs model ({@code needs.js}), line for line, over the same engine
 * columns the script gets as typed arrays: what the same rule costs without the script engine, on the same
 * open/settle path.
 */
final class NpcRule {
    static final String[] PROPS = {"energy", "hunger", "mood", "x", "y", "heading", "activity"};
    static final double[] DEFAULTS = {80, 20, 50, 0, 0, 0, 0};
    private static final int IDLE = 0;
    private static final int WANDER = 1;
    private static final int EAT = 2;
    private static final int SLEEP = 3;
    private static final double SIZE = 500;
    private static final double WALK = 4300;
    private static final double TIRED = 15;
    private static final double RESTED = 95;
    private static final double HUNGRY = 70;
    private static final double FED = 10;

    private NpcRule() {
    }

    private static int next(int s) {
        s ^= s << 13;
        s ^= s >>> 17;
        s ^= s << 5;
        return s;
    }

    /** One step of {@code dt} game hours for the first {@code n} rows; returns the generator's state. */
    static int step(EntityColumns columns, int n, double dt, int seed) {
        ByteBuffer energy = columns.buffer(0);
        ByteBuffer hunger = columns.buffer(1);
        ByteBuffer mood = columns.buffer(2);
        ByteBuffer x = columns.buffer(3);
        ByteBuffer y = columns.buffer(4);
        ByteBuffer heading = columns.buffer(5);
        ByteBuffer activity = columns.buffer(6);
        int s = seed;
        for (int i = 0; i < n; i++) {
            int at = i * Double.BYTES;
            double e = energy.getDouble(at);
            double h = hunger.getDouble(at);
            double a = activity.getDouble(at);
            s = next(s);
            double roll = (s & 0xffffffffL) / 4294967296.0;
            if (a == SLEEP) {
                e += 15 * dt;
                h += 3 * dt;
                if (e >= RESTED) {
                    a = IDLE;
                }
            } else if (a == EAT) {
                h -= 60 * dt;
                e -= 2 * dt;
                if (h <= FED) {
                    a = IDLE;
                }
            } else {
                e -= (a == WANDER ? 6 : 2) * dt;
                h += 8 * dt;
                if (e < TIRED) {
                    a = SLEEP;
                } else if (h > HUNGRY) {
                    a = EAT;
                } else if (roll < 0.02) {
                    a = a == WANDER ? IDLE : WANDER;
                }
            }
            if (a == WANDER) {
                double dir = heading.getDouble(at) + (roll - 0.5) * 0.6;
                double px = x.getDouble(at) + Math.cos(dir) * WALK * dt;
                double py = y.getDouble(at) + Math.sin(dir) * WALK * dt;
                if (px < 0 || px > SIZE || py < 0 || py > SIZE) {
                    dir += Math.PI;
                    px = px < 0 ? 0 : px > SIZE ? SIZE : px;
                    py = py < 0 ? 0 : py > SIZE ? SIZE : py;
                }
                x.putDouble(at, px);
                y.putDouble(at, py);
                heading.putDouble(at, dir);
            }
            double m = mood.getDouble(at);
            double target = 50 + (e - 50) * 0.3 - (h - 50) * 0.4;
            mood.putDouble(at, m + (target - m) * 0.05);
            energy.putDouble(at, e < 0 ? 0 : e > 100 ? 100 : e);
            hunger.putDouble(at, h < 0 ? 0 : h > 100 ? 100 : h);
            activity.putDouble(at, a);
        }
        return s;
    }
}
