package dev.backline.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassListCacheTest {
    @TempDir
    Path dir;

    private Path jar;
    private Path file;

    @BeforeEach
    void aJar() throws IOException {
        jar = Files.writeString(dir.resolve("engine.jar"), "not really a jar");
        file = dir.resolve("cache").resolve("classes.txt");
    }

    @Test
    void aListWrittenForTheSameJarsIsReadBack() {
        new ClassListCache(file, List.of(jar)).write(List.of("a.B", "c.D"));

        assertThat(new ClassListCache(file, List.of(jar)).read()).containsExactly("a.B", "c.D");
    }

    @Test
    void thereIsNoListBeforeTheFirstWrite() {
        assertThat(new ClassListCache(file, List.of(jar)).read()).isNull();
    }

    @Test
    void aChangedJarMakesTheListStale() throws IOException {
        new ClassListCache(file, List.of(jar)).write(List.of("a.B"));

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));

        assertThat(new ClassListCache(file, List.of(jar)).read()).isNull();
    }

    @Test
    void anotherSetOfJarsDoesNotUseTheList() throws IOException {
        new ClassListCache(file, List.of(jar)).write(List.of("a.B"));
        Path other = Files.writeString(dir.resolve("other.jar"), "x");

        assertThat(new ClassListCache(file, List.of(jar, other)).read()).isNull();
    }

    @Test
    void aListCutShortIsNotUsed() throws IOException {
        new ClassListCache(file, List.of(jar)).write(List.of("a.B", "c.D"));
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(0, lines.size() - 1));

        assertThat(new ClassListCache(file, List.of(jar)).read()).isNull();
    }

    @Test
    void aDirectoryThatCannotBeWrittenOnlyCostsTheCache() throws IOException {
        Path blocked = Files.writeString(dir.resolve("blocked"), "a file where the directory should be");

        new ClassListCache(blocked.resolve("classes.txt"), List.of(jar)).write(List.of("a.B"));

        assertThat(new ClassListCache(blocked.resolve("classes.txt"), List.of(jar)).read()).isNull();
    }
}
