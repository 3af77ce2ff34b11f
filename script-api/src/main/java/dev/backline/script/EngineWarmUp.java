package dev.backline.script;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;

/**
 * Initialises, once per JVM and before any script runs, every class of the JavaScript engine that has a
 * static initialiser.
 *
 * <p>Why: a script can recurse until the Java stack is nearly exhausted and then use JavaScript that GraalJS
 * has not used before. The first use initialises classes; if the stack runs out inside a class initialiser,
 * the JVM marks that class as failed for good, and every pack of the server then fails with
 * {@link NoClassDefFoundError} until a restart. GraalJS turns a stack overflow into a RangeError, but it cannot
 * undo that. The community edition has no limit on the depth of script calls that would leave room, so
 * instead no initialiser is left for a script to reach: every class of GraalJS, Truffle, TRegex, the
 * polyglot API and ICU (the jars of the classes below) is initialised here, under the server's start-up.
 * A warm-up script then runs ordinary JavaScript at a normal depth, so the JDK classes it relies on are
 * initialised with stack to spare, and overflows the stack once. JDK classes that only rarer paths reach are
 * not covered. Host code the scripts call is protected separately (see {@link HostBoundary}).
 */
final class EngineWarmUp {
    private static final Logger LOG = System.getLogger("backline.script");
    /** One class from each jar whose classes a script's code can reach. */
    private static final List<String> ANCHORS = List.of(
            "com.oracle.truffle.js.lang.JavaScriptLanguage",       // GraalJS
            "com.oracle.truffle.api.TruffleLanguage",               // Truffle
            "com.oracle.truffle.runtime.OptimizedCallTarget",       // Truffle's optimising runtime
            "com.oracle.truffle.regex.RegexLanguage",               // TRegex
            "org.graalvm.polyglot.Context",                         // the polyglot API
            "org.graalvm.shadowed.com.ibm.icu.util.ULocale");       // ICU, for Intl, dates and collation
    private static final byte[] CLINIT = "<clinit>".getBytes(StandardCharsets.US_ASCII);
    private static final String CACHE_FILE = "engine-classes.txt";
    private static boolean done;

    private EngineWarmUp() {
    }

    /**
     * Initialises the engine's classes (the first time) and runs the warm-up script on {@code engine}.
     *
     * @param cacheDir where the list of classes to initialise is kept between runs (finding them means reading
     *                 every class file of the engine's jars, a second of start-up); null to find them every time
     */
    static synchronized void run(Engine engine, Path cacheDir) {
        if (!done) {
            long started = System.nanoTime();
            List<Path> jars = ANCHORS.stream().map(EngineWarmUp::jarOf).filter(Objects::nonNull).toList();
            ClassListCache cache = cacheDir == null ? null : new ClassListCache(cacheDir.resolve(CACHE_FILE), jars);
            List<String> names = cache == null ? null : cache.read();
            boolean fromCache = names != null;
            if (names == null) {
                names = new ArrayList<>();
                for (Path jar : jars) {
                    names.addAll(classesWithInitialiser(jar));
                }
                if (cache != null) {
                    cache.write(names);
                }
            }
            int initialised = initialise(names);
            done = true;
            LOG.log(Level.INFO, "script engine: initialised " + initialised + " engine classes in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms" + (fromCache ? " (list from the cache)" : "")
                    + " (so a script's stack overflow cannot break one)");
        }
        warmUp(engine);
    }

    private static Path jarOf(String anchorName) {
        Path jar;
        try {
            CodeSource source = Class.forName(anchorName, false, EngineWarmUp.class.getClassLoader())
                    .getProtectionDomain().getCodeSource();
            jar = source == null ? null : Path.of(source.getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException | SecurityException e) {
            LOG.log(Level.WARNING, "script engine: cannot find the jar of " + anchorName + " to initialise: " + e);
            return null;
        }
        if (jar == null || !Files.isRegularFile(jar)) {
            LOG.log(Level.WARNING, "script engine: " + anchorName + " is not loaded from a jar; its classes are not initialised");
            return null;
        }
        return jar;
    }

    private static List<String> classesWithInitialiser(Path jar) {
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                String name = entry.getName();
                if (name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class")
                        && hasStaticInitialiser(file, entry)) {
                    names.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "script engine: cannot read " + jar + ": " + e);
        }
        return names;
    }

    private static int initialise(List<String> classNames) {
        ClassLoader loader = EngineWarmUp.class.getClassLoader();
        List<String> failed = new ArrayList<>();
        int count = 0;
        for (String className : classNames) {
            try {
                Class.forName(className, true, loader);
                count++;
            } catch (ClassNotFoundException | LinkageError | AssertionError e) {
                // A class that cannot be initialised here cannot be initialised by a script either: it needs a
                // module export this JVM lacks, or (with -ea) asserts a debugging mode is on.
                failed.add(className + " (" + e + ")");
            }
        }
        if (!failed.isEmpty()) {
            LOG.log(Level.DEBUG, "script engine: " + failed.size() + " engine classes cannot be initialised on this JVM: " + failed);
        }
        return count;
    }

    /** Whether the class file declares a static initialiser; only those can fail when first used. */
    private static boolean hasStaticInitialiser(JarFile file, JarEntry entry) throws IOException {
        try (InputStream in = file.getInputStream(entry)) {
            byte[] bytes = in.readAllBytes();
            outer:
            for (int i = 0; i <= bytes.length - CLINIT.length; i++) {
                for (int j = 0; j < CLINIT.length; j++) {
                    if (bytes[i + j] != CLINIT[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }

    /**
     * Runs ordinary JavaScript, errors and stack traces included, in a throwaway context at a normal depth, so
     * what the JDK contributes is initialised with the stack to spare; then overflows the stack once, so the
     * first stack overflow of the process is not a script's either.
     */
    private static void warmUp(Engine engine) {
        try (Context context = ScriptSandbox.newContext(engine, "warm-up", Path.of(System.getProperty("java.io.tmpdir")))) {
            context.eval("js", """
                    const uses = async () => {
                      const e = new RangeError('warm');
                      const out = [String(e), e.stack, JSON.stringify({ a: [1, 'b', null, 1.5] }), JSON.parse('{"x":[1]}').x,
                        `${1.5}`.padStart(4), 'AbC'.toLowerCase().toUpperCase().trim().at(-1), 'é'.normalize('NFD').codePointAt(0),
                        10n ** 20n + BigInt('7'), (255).toString(16), (0.1).toFixed(2), Number('1e3'), parseFloat('2.5'), +'7',
                        Math.max(...[1, 2]), Math.hypot(3, 4), new Map([[1, 2]]).get(1), new Set([1]).has(1), new WeakMap().has({}),
                        /a(?<x>b)\\1?/u.exec('abb').groups.x, /(?<=a)b/y.test('ab'), 'a,b;c'.split(/[,;]/),
                        'aaa'.replace(/a/g, (m) => m + '!'), 'x'.replaceAll('x', 'y'), /^(a+)+\\1$/.test('aaaa!'),
                        Symbol('s').toString(), [3, 1, 2].sort((a, b) => a - b).flat(), Array.from({ length: 3 }, (_, i) => i),
                        Object.entries({ a: 1 }), Reflect.ownKeys({ b: 1 }), new Proxy({}, { get: () => 1 }).x,
                        new Int32Array([1, 2]).subarray(1).length, new Float64Array(2).fill(0.5)[1], new DataView(new ArrayBuffer(8)).getInt8(0),
                        new Date(0).toISOString(), new Date(0).toString(), Date.parse('2020-01-01T00:00:00Z'),
                        'a'.localeCompare('b', 'de'), (1234.5).toLocaleString('en'), new Intl.NumberFormat('de-DE').format(1234.5),
                        new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' }).format(0), new Intl.Collator('sv').compare('a', 'ä'),
                        new Intl.PluralRules('en').select(2), new Intl.ListFormat('en').format(['a', 'b']),
                        new Intl.RelativeTimeFormat('en').format(-1, 'day'), encodeURIComponent('å b'), decodeURIComponent('%20'),
                        new (class { #p = 1; get p() { return this.#p; } })().p, (function* () { yield 1; })().next().value,
                        await Promise.all([Promise.resolve(1), (async () => 2)()])];
                      try { null.x; } catch (err) { out.push(err.message, err.stack); }
                      return out.join();
                    };
                    uses();
                    const dive = (n) => dive(n + 1) + 1;
                    try { dive(0); } catch (e) { e.stack; }
                    """);
        } catch (PolyglotException e) {
            LOG.log(Level.WARNING, "script engine: the warm-up failed: " + e.getMessage());
        }
    }
}
