package dev.backline.script.testing;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.graalvm.polyglot.Context;

/**
 * Stops a test that runs too long. The budget is CPU time of the thread running the test (JIT compiler
 * and garbage collector threads do not count against it), with a wall-clock backstop of three times the
 * budget. A test over budget is interrupted with {@link Context#interrupt}; the host calls the test makes
 * ({@code w.advance}, {@code w.tick}, …) also stop early once it is {@link Run#expired()}, because an
 * interrupt only lands when the thread is back in JavaScript. The runner throws each test's context away
 * afterwards, so an interrupt that lands late cannot hit another test.
 */
final class TestBudget implements AutoCloseable {
    private static final Logger LOG = System.getLogger("backline.script.testing");
    private static final long CHECK_INTERVAL_NANOS = 5_000_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** One guarded stretch of a test's code. */
    final class Run implements AutoCloseable {
        private final Context context;
        private final Duration budget;
        private final Thread tester = Thread.currentThread();
        private final long threadId = tester.threadId();
        private final long startedNanos = System.nanoTime();
        private final long cpuAtStart = cpuTime(threadId);
        private volatile boolean expired;
        private boolean done;

        private Run(Context context, Duration budget) {
            this.context = context;
            this.budget = budget;
        }

        Duration budget() {
            return budget;
        }

        /** Whether the test used up its budget (it is being stopped). */
        boolean expired() {
            return expired;
        }

        /** Throws if the test is over budget; host calls that loop check it so they stop promptly. */
        void check(String call) {
            if (expired) {
                throw new IllegalStateException(call + ": the test ran past its budget of " + budget.toMillis()
                        + " ms and is being stopped");
            }
        }

        private boolean overBudget() {
            long wall = System.nanoTime() - startedNanos;
            if (wall > budget.toNanos() * 3) {
                return true;
            }
            long cpu = cpuTime(threadId);
            return cpu >= 0 && cpuAtStart >= 0 ? cpu - cpuAtStart > budget.toNanos() : wall > budget.toNanos();
        }

        @Override
        public void close() {
            synchronized (this) {
                done = true;
            }
            synchronized (TestBudget.this) {
                if (active == this) {
                    active = null;
                }
            }
        }
    }

    private final Thread thread;
    private volatile Run active;
    private volatile boolean running = true;

    TestBudget() {
        if (THREADS.isThreadCpuTimeSupported() && !THREADS.isThreadCpuTimeEnabled()) {
            THREADS.setThreadCpuTimeEnabled(true);
        }
        thread = Thread.ofPlatform().name("script-test-budget").daemon(true).unstarted(this::watch);
        thread.start();
    }

    /** Starts guarding code about to run in {@code context} on the calling thread. One run at a time. */
    synchronized Run start(Context context, Duration budget) {
        if (active != null) {
            throw new IllegalStateException("a test is already running under this budget");
        }
        Run run = new Run(context, budget);
        active = run;
        return run;
    }

    private void watch() {
        while (running) {
            LockSupport.parkNanos(CHECK_INTERVAL_NANOS);
            Run run = active;
            if (run == null || run.expired || !run.overBudget()) {
                continue;
            }
            synchronized (run) {
                if (run.done) {
                    continue;
                }
                run.expired = true;
            }
            try {
                // Waits until the interrupt lands: the test's host calls notice `expired` and return to JavaScript.
                run.context.interrupt(Duration.ofSeconds(30));
            } catch (TimeoutException e) {
                StringBuilder where = new StringBuilder();
                for (StackTraceElement frame : run.tester.getStackTrace()) {
                    where.append("\n  at ").append(frame);
                }
                LOG.log(Level.WARNING, "a script test ran past its budget and did not stop within 30 s of being "
                        + "interrupted; its thread is stuck in host code:" + where);
            } catch (RuntimeException e) {
                // The test finished and its context was closed meanwhile.
                LOG.log(Level.DEBUG, "interrupting a script test failed: " + e);
            }
        }
    }

    private static long cpuTime(long threadId) {
        return THREADS.isThreadCpuTimeSupported() ? THREADS.getThreadCpuTime(threadId) : -1;
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
    }
}
