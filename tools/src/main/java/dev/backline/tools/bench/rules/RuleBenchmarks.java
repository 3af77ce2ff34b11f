package dev.backline.tools.bench.rules;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The JMH benchmarks behind {@code ./backline bench rules}: one tick of the learning rule over N entities, in
 * Java, in a pack script over typed columns, in a pack script through the per-entity API, and {@code rule.js}
 * alone in a plain context (own engine, shared engine). Each score is the time of one tick; {@link RulesBenchmark}
 * divides by N.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RuleBenchmarks {
    @State(Scope.Benchmark)
    public static class JavaColumns {
        @Param({"10000"})
        public int entities;
        LearningRule rule;

        @Setup(Level.Trial)
        public void setUp() {
            rule = new LearningRule(entities);
        }
    }

    @State(Scope.Benchmark)
    public static class ScriptColumns {
        @Param({"10000"})
        public int entities;
        RulePack pack;

        @Setup(Level.Trial)
        public void setUp() {
            pack = new RulePack(RulePack.Mode.BATCH, entities);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            pack.close();
        }
    }

    @State(Scope.Benchmark)
    public static class ScriptEntities {
        @Param({"10000"})
        public int apiEntities;
        RulePack pack;

        @Setup(Level.Trial)
        public void setUp() {
            pack = new RulePack(RulePack.Mode.ENTITY, apiEntities);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            pack.close();
        }
    }

    /** {@code rule.js} alone in a plain context; {@link #shared()} says on what kind of engine. */
    @State(Scope.Benchmark)
    public abstract static class BareState {
        @Param({"10000"})
        public int entities;
        BareRule rule;

        abstract boolean shared();

        @Setup(Level.Trial)
        public void setUp() {
            rule = new BareRule(shared(), entities);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            rule.close();
        }
    }

    public static class BareOwnEngine extends BareState {
        @Override
        boolean shared() {
            return false;
        }
    }

    public static class BareSharedEngine extends BareState {
        @Override
        boolean shared() {
            return true;
        }
    }

    @Benchmark
    public double java(JavaColumns state) {
        state.rule.stepAll(RulePack.DT_HOURS);
        return state.rule.xp[0];
    }

    @Benchmark
    public void scriptColumns(ScriptColumns state) {
        state.pack.tick();
    }

    @Benchmark
    public void bareOwnEngine(BareOwnEngine state) {
        state.rule.tick();
    }

    @Benchmark
    public void bareSharedEngine(BareSharedEngine state) {
        state.rule.tick();
    }

    @Benchmark
    public void scriptEntityApi(ScriptEntities state) {
        state.pack.tick();
    }
}
