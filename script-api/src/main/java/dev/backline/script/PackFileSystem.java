package dev.backline.script;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.io.FileSystem;

/**
 * What a pack's scripts may read: the files of its own directory, read-only. Any path that leaves the
 * directory, by {@code ..}, an absolute path or a symbolic link, is refused, so one pack can neither read
 * the host's files nor another pack's.
 */
final class PackFileSystem implements FileSystem {
    private final Path root;
    private final FileSystem delegate = FileSystem.newReadOnlyFileSystem(FileSystem.newDefaultFileSystem());

    PackFileSystem(Path root) {
        try {
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("pack directory " + root + " is not readable: " + e.getMessage(), e);
        }
    }

    private Path confined(Path path) {
        Path absolute = (path.isAbsolute() ? path : root.resolve(path)).normalize();
        if (!absolute.startsWith(root)) {
            throw new SecurityException("'" + path + "' is outside the pack: scripts may only import files of their own pack");
        }
        return absolute;
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
        return confined(root.resolve(path));
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions) throws IOException {
        Path p = confined(path);
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
        Path p = confined(path);
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
        Path real = delegate.toRealPath(confined(path), linkOptions);
        return confined(real);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        return delegate.readAttributes(confined(path), attributes, options);
    }

    private void requireRealPathInside(Path p) throws IOException {
        if (!p.toRealPath().startsWith(root)) {
            throw new SecurityException("'" + root.relativize(p) + "' links outside the pack");
        }
    }
}
