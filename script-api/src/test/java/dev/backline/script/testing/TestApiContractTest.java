package dev.backline.script.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.script.testing.ScriptTestResult.Status;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.graalvm.polyglot.HostAccess;
import org.junit.jupiter.api.Test;

/** Keeps {@code types/backline-test.d.ts} and the test API that test modules really get in step. */
class TestApiContractTest extends RunnerFixture {
    private static final Path DTS = Path.of("types/backline-test.d.ts");

    @Test
    void theHandlesHaveExactlyTheDeclaredMembers() throws IOException {
        pack("demo", Map.of("tests/keys.test.js", """
                let declared;
                export default (t) => {
                  declared = Object.keys(t).sort();
                  t.test('keys', (w) => {
                    w.expect(declared, 'Tests').toEqual(TESTS);
                    w.expect(Object.keys(w).sort(), 'TestWorld').toEqual(WORLD);
                    w.expect(Object.keys(w.join('Ann')).sort(), 'TestPlayer').toEqual(PLAYER);
                    w.expect(Object.keys(w.expect(1)).sort(), 'Matchers').toEqual(MATCHERS);
                  });
                };
                """.replace("TESTS", list("Tests")).replace("WORLD", list("TestWorld"))
                .replace("PLAYER", list("TestPlayer")).replace("MATCHERS", list("Matchers"))));
        ScriptTestResult r = named(run(), "keys");
        assertThat(r.status()).as(r.message()).isEqualTo(Status.PASSED);
    }

    @Test
    void everyExportedFacadeMethodIsUsedByThePrelude() throws IOException {
        String prelude;
        try (InputStream in = TestModule.class.getResourceAsStream("test-prelude.js")) {
            prelude = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> exported = Arrays.stream(TestWorldFacade.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(HostAccess.Export.class)).map(Method::getName)
                .collect(Collectors.toSet());
        assertThat(exported).isNotEmpty().allSatisfy(name ->
                assertThat(prelude).as("TestWorldFacade.%s is exported but the prelude never calls it", name).contains("h." + name + "("));
    }

    @Test
    void everyMemberDocumentsSince() throws IOException {
        for (String type : new String[] {"Tests", "TestPlayer", "Matchers"}) {
            assertThat(interfaceBody(type).split("@since").length - 1).as(type).isEqualTo(members(type).size()
                    - (type.equals("TestPlayer") ? 2 : 0));
        }
        assertThat(interfaceBody("TestWorld").split("@since").length - 1).isEqualTo(members("TestWorld").size());
    }

    private static String list(String interfaceName) throws IOException {
        return members(interfaceName).stream().sorted().map(n -> "'" + n + "'").collect(Collectors.joining(", ", "[", "]"));
    }

    private static Set<String> members(String interfaceName) throws IOException {
        Matcher m = Pattern.compile("(?m)^  (?:readonly )?(\\w+)(<[^>]*>)?\\??[(:]").matcher(interfaceBody(interfaceName));
        Set<String> names = new LinkedHashSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String interfaceBody(String interfaceName) throws IOException {
        String text = Files.readString(DTS);
        int start = text.indexOf("interface " + interfaceName + " {");
        assertThat(start).as("interface %s in %s", interfaceName, DTS).isNotNegative();
        return text.substring(start, text.indexOf("\n}", start));
    }
}
