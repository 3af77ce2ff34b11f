package dev.backline.script;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.FileSystem;

/**
 * What a pack's scripts may read: the files of its own directory, read-only. Any path that leaves the
 * directory, by {@code ..}, an absolute path or a symbolic link, is refused, so one pack can neither read
 * the host's files nor another pack's.
 *
 * <p>Scripts see the pack under a virtual root, {@code /<pack>/} ({@code import.meta.url} is
 * {@code file:///backline-city/main.js}, and so are the file names in {@code error.stack}): where the server
 * keeps its files is none of a script's business, and a stack trace a modder pastes into a bug report
 * reads the same on every machine.
 */
final class PackFileSystem implements FileSystem {
    private static final String MODULE_MIME_TYPE = "application/javascript+module";

    private final Path root;
    private final Path guestRoot;
    private final FileSystem delegate = FileSystem.newReadOnlyFileSystem(FileSystem.newDefaultFileSystem());

    PackFileSystem(String pack, Path root) {
        try {
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("pack directory " + root + " is not readable: " + e.getMessage(), e);
        }
        this.guestRoot = guestRoot(pack);
    }

    /** The directory a pack's scripts see their pack as. */
    static Path guestRoot(String pack) {
        return Path.of("/", pack);
    }

    /**
     * The module at {@code file} (a real path inside {@code root}) as the pack's scripts must see it: named
     * by its path under {@link #guestRoot}, so its own imports resolve through this file system.
     */
    static Source moduleSource(String pack, Path root, Path file) throws IOException {
        Path guestFile = guestRoot(pack).resolve(root.relativize(file).toString());
        return Source.newBuilder("js", guestFile.toFile())
                .content(Files.readString(file, StandardCharsets.UTF_8))
                .mimeType(MODULE_MIME_TYPE)
                .build();
    }

    private Path confined(Path path) {
        Path absolute = (path.isAbsolute() ? path : guestRoot.resolve(path)).normalize();
        if (!absolute.startsWith(guestRoot)) {
            throw new SecurityException("'" + path + "' is outside the pack: scripts may only import files of their own pack");
        }
        return absolute;
    }

    private Path onHost(Path guestPath) {
        return root.resolve(guestRoot.relativize(guestPath).toString());
    }

    @Override
    public Path parsePath(URI uri) {
        if (!"file".equals(uri.getScheme())) {
            throw new UnsupportedOperationException("only files of the pack can be imported, not " + uri);
        }
        return confined(Path.of(uri));
    }

    @Override
    public Path parsePath(String path) {
        return confined(guestRoot.resolve(path));
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions) throws IOException {
        Path p = onHost(confined(path));
        if (modes.contains(AccessMode.WRITE) || modes.contains(AccessMode.EXECUTE)) {
            throw new SecurityException("scripts may not write or execute files");
        }
        delegate.checkAccess(p, modes, linkOptions);
        requireRealPathInside(p);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) {
        throw new SecurityException("scripts may not create directories");
    }

    @Override
    public void delete(Path path) {
        throw new SecurityException("scripts may not delete files");
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        Path p = onHost(confined(path));
        requireRealPathInside(p);
        return delegate.newByteChannel(p, options, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) {
        throw new SecurityException("scripts may not list directories");
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return confined(path);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... linkOptions) throws IOException {
        Path guestPath = confined(path);
        Path real = delegate.toRealPath(onHost(guestPath), linkOptions);
        if (!real.startsWith(root)) {
            throw new SecurityException("'" + guestRoot.relativize(guestPath) + "' links outside the pack");
        }
        return guestRoot.resolve(root.relativize(real).toString());
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        return delegate.readAttributes(onHost(confined(path)), attributes, options);
    }

    private void requireRealPathInside(Path p) throws IOException {
        if (!p.toRealPath().startsWith(root)) {
            throw new SecurityException("'" + root.relativize(p) + "' links outside the pack");
        }
    }
}
