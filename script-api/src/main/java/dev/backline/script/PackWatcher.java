package dev.backline.script;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Development mode: watches every pack's directory tree and reloads a pack shortly after its files stop
 * changing (editors write a file in several steps). Reloads are the same transactional reloads live-ops
 * trigger, recorded in the audit trail with the actor {@code file-watcher}.
 */
public final class PackWatcher implements AutoCloseable {
    private static final Logger LOG = System.getLogger("backline.script");
    static final long QUIET_MILLIS = 300;

    private final ScriptRuntime scripts;
    private final WatchService watcher;
    private final Map<WatchKey, String> keys = new HashMap<>();
    private final Map<String, Long> dueAt = new LinkedHashMap<>();
    private final Thread thread;

    private PackWatcher(ScriptRuntime scripts) throws IOException {
        this.scripts = scripts;
        this.watcher = FileSystems.getDefault().newWatchService();
        for (LoadedPack pack : scripts.packs().values()) {
            register(pack.name(), pack.root());
        }
        this.thread = Thread.ofPlatform().name("pack-watcher").daemon(true).unstarted(this::run);
    }

    /** Starts watching the packs loaded so far. */
    public static PackWatcher start(ScriptRuntime scripts) {
        try {
            PackWatcher w = new PackWatcher(scripts);
            w.thread.start();
            LOG.log(Level.INFO, "watching " + scripts.packs().size() + " packs for changes (development mode)");
            return w;
        } catch (IOException e) {
            throw new IllegalStateException("cannot watch the pack files: " + e.getMessage(), e);
        }
    }

    private void register(String pack, Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                if (!root.relativize(dir).toString().startsWith(".")) {
                    keys.put(dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE), pack);
                }
            }
        }
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = watcher.poll(QUIET_MILLIS / 3, TimeUnit.MILLISECONDS);
                long now = System.currentTimeMillis();
                if (key != null) {
                    String pack = keys.get(key);
                    for (var event : key.pollEvents()) {
                        Path changed = ((Path) key.watchable()).resolve(String.valueOf(event.context()));
                        if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
                            register(pack, changed);
                        }
                    }
                    key.reset();
                    if (pack != null) {
                        dueAt.put(pack, now + QUIET_MILLIS);
                    }
                }
                for (var it = dueAt.entrySet().iterator(); it.hasNext(); ) {
                    var due = it.next();
                    if (due.getValue() <= now) {
                        it.remove();
                        reload(due.getKey());
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        } catch (IOException e) {
            LOG.log(Level.ERROR, "the pack watcher stopped: " + e.getMessage());
        }
    }

    private void reload(String pack) {
        try {
            scripts.reload(pack, "file-watcher").get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "reload of " + pack + " after a file change did not finish: " + e);
        }
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing the watch service: " + e);
        }
        thread.interrupt();
    }
}
