package dev.backline.persist.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The embedded PostgreSQL: real PostgreSQL binaries from Maven Central (zonky), run as a child process with
 * the data in a directory of ours, so a second start finds the same world. As root it runs the server
 * through {@code unshare -U} (PostgreSQL refuses to run as root; zonky does this by itself).
 *
 * <p>A server left running by a process that was killed (SIGKILL leaves no chance to stop it) is stopped
 * before starting a new one on the same directory; PostgreSQL itself keeps every committed transaction.
 *
 * <pre>{@code
 * EmbeddedServer pg = EmbeddedServer.start(Path.of("data/postgres"), true);
 * String url = pg.jdbcUrl();   // jdbc:postgresql://localhost:PORT/postgres, user postgres, no password
 * pg.stop();
 * }</pre>
 */
public final class EmbeddedServer implements AutoCloseable {
    private static final Logger LOG = System.getLogger("backline.database");
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);
    /** The database superuser initdb creates; trust authentication on localhost only. */
    public static final String USER = "postgres";

    private final Path dataDir;
    private final boolean durable;
    private int port;
    private EmbeddedPostgres postgres;

    private EmbeddedServer(Path dataDir, boolean durable) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.durable = durable;
    }

    /**
     * Starts PostgreSQL on {@code dataDir}, creating the cluster on first use.
     *
     * @param durable fsync on (production); tests turn it off for speed
     * @throws IllegalStateException if another live process uses the directory or PostgreSQL cannot start
     */
    public static EmbeddedServer start(Path dataDir, boolean durable) {
        LibraryLogs.quiet();
        EmbeddedServer server = new EmbeddedServer(dataDir, durable);
        server.startOnPort(0);
        return server;
    }

    /** Starts again after {@link #stop()}, on the same directory and port (so open pools reconnect). */
    public synchronized void restart() {
        if (postgres != null) {
            throw new IllegalStateException("the embedded PostgreSQL is running");
        }
        startOnPort(port);
    }

    private synchronized void startOnPort(int wanted) {
        try {
            Files.createDirectories(dataDir);
            requireNotInUse();
            stopOrphan();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(STARTUP_WAIT)
                    // zonky starts PostgreSQL with -F (no fsync); this comes later on the command line and wins.
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", "")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
            if (wanted > 0) {
                builder.setPort(wanted);
            }
            postgres = builder.start();
            port = postgres.getPort();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the embedded PostgreSQL did not start in " + dataDir + ": " + e.getMessage()
                    + " (its log: " + logFile() + ")", e);
        }
    }

    private Path logFile() {
        return dataDir.resolveSibling(dataDir.getFileName() + ".log");
    }

    /** zonky holds a file lock in the data directory while a server runs; a live lock means another process. */
    private void requireNotInUse() throws IOException {
        Path lock = dataDir.resolve("epg-lock");
        if (!Files.exists(lock)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE);
             FileLock held = channel.tryLock()) {
            if (held == null) {
                throw new IllegalStateException("another running process uses the embedded database in " + dataDir
                        + "; stop it first, or give this one its own BACKLINE_DATA_DIR");
            }
        }
    }

    private void stopOrphan() throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid;
        try {
            pid = lines.isEmpty() ? -1 : Long.parseLong(lines.getFirst().strip());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        LOG.log(Level.WARNING, "a PostgreSQL left running by an earlier run (pid " + pid + ") holds " + dataDir
                + "; stopping it first (everything it committed is kept)");
        ProcessHandle process = orphan.get();
        process.destroy(); // SIGTERM: a smart shutdown, quick since its client died
        try {
            process.onExit().get(ORPHAN_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.log(Level.WARNING, "the old PostgreSQL (pid " + pid + ") did not stop in " + ORPHAN_STOP_WAIT.toSeconds()
                    + " s; killing it (it recovers from its write-ahead log on the next start)");
            process.destroyForcibly();
            process.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping an old PostgreSQL", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not stop the old PostgreSQL (pid " + pid + ")", e);
        }
    }

    /** The JDBC URL of the running server's {@code postgres} database. */
    public String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    /** The JDBC URL of one of the server's databases. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the server (a fast shutdown: open connections are cut, committed work is kept). Idempotent. */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL in " + dataDir, e);
        } finally {
            postgres = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
