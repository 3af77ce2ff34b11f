package dev.backline.script;

import java.util.HashMap;
import java.util.Map;

/**
 * Start-up first, compilation later. The Truffle runtime gives its compiler thread the highest Java priority,
 * and where the launcher maps priorities to the OS (root with {@code -XX:ThreadPriorityPolicy=1}) it then
 * outranks the threads that start the server: on two cores the first compilations of a JVM (the Graal
 * compiler itself still cold, C1 and C2 compiling it as it runs) took most of the CPU of a start-up. Between
 * {@link #begin()} and {@link #close()} the calling thread and the threads made with {@link #thread} run at
 * the highest priority and the compiler threads at the lowest; they still compile whenever a core is idle,
 * and get their priority back afterwards. Measured in {@code docs/benchmarks.md} (start-up).
 *
 * <pre>{@code
 * try (StartupPriority startup = StartupPriority.begin()) {
 *     startup.thread("script-engine-start", () -> ...);
 *     ...
 * }
 * }</pre>
 */
public final class StartupPriority implements AutoCloseable {
    private static final String COMPILER_THREAD_PREFIX = "TruffleCompilerThread";
    private static final long POLL_MILLIS = 20;

    private final Thread caller = Thread.currentThread();
    private final int callerPriority = caller.getPriority();
    private final Map<Thread, Integer> demoted = new HashMap<>();
    private final Thread watcher;
    private volatile boolean starting = true;

    private StartupPriority() {
        caller.setPriority(Thread.MAX_PRIORITY);
        // Truffle starts its compiler threads on the first compilation, whenever that is: look for them.
        watcher = Thread.ofPlatform().name("startup-priority").daemon(true).priority(Thread.MAX_PRIORITY).start(this::watch);
    }

    public static StartupPriority begin() {
        return new StartupPriority();
    }

    /** Starts a thread that does start-up work, at the start-up priority. */
    public Thread thread(String name, Runnable work) {
        return Thread.ofPlatform().name(name).daemon(true).priority(Thread.MAX_PRIORITY).start(work);
    }

    private void watch() {
        while (starting) {
            demoteCompilerThreads();
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void demoteCompilerThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        synchronized (demoted) {
            for (int i = 0; i < count; i++) {
                Thread thread = threads[i];
                if (thread.getName().startsWith(COMPILER_THREAD_PREFIX) && !demoted.containsKey(thread)) {
                    demoted.put(thread, thread.getPriority());
                    thread.setPriority(Thread.MIN_PRIORITY);
                }
            }
        }
    }

    /** Start-up is over: everything gets its own priority back. */
    @Override
    public void close() {
        starting = false;
        watcher.interrupt();
        try {
            watcher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (demoted) {
            demoted.forEach(Thread::setPriority);
            demoted.clear();
        }
        caller.setPriority(callerPriority);
    }
}
