package dev.backline.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.script.testing.TestWorld;
import java.io.IOException;
import java.lang.reflect.Method;
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
import org.junit.jupiter.api.io.TempDir;

/** Keeps {@code types/backline.d.ts} and the engine's script API in step, in both directions. */
class ApiContractTest {
    private static final Path DTS = Path.of("types/backline.d.ts");

    @TempDir
    Path scripts;

    @Test
    void theGameObjectHasExactlyTheDeclaredMembers() throws IOException {
        TestPacks.pack(scripts, "keys", Map.of("main.js", """
                export function register(pack) {
                  pack.command({ name: 'keys', help: 'Lists game keys.', run: (ctx) => ctx.reply(Object.keys(game).join(',')) });
                }
                """));
        try (TestWorld w = TestWorld.builder().world(TestPacks::twoRooms).scripts(scripts).build()) {
            Set<String> live = Set.of(w.join("Ann").say("keys").split(","));
            assertThat(live).as("keys of the global 'game' vs interface Game in backline.d.ts")
                    .containsExactlyInAnyOrderElementsOf(members("Game"));
        }
    }

    @Test
    void everyExportedFacadeMethodIsReachableFromTheGameObject() throws IOException {
        Set<String> declared = members("Game");
        Set<String> hostOnlyForPrelude = Set.of("random");
        for (String method : exported(GameFacade.class)) {
            if (!hostOnlyForPrelude.contains(method)) {
                assertThat(declared).as("GameFacade.%s is exported but not in interface Game", method).contains(method);
            }
        }
    }

    @Test
    void thePackInterfaceMatchesTheRegistrar() throws IOException {
        assertThat(members("Pack")).containsExactlyInAnyOrderElementsOf(exported(PackRegistrar.class));
    }

    @Test
    void aColumnsTableHasTheDeclaredPropertiesAndExactlyTheDocumentedMembers() throws IOException {
        TestPacks.pack(scripts, "keys", Map.of("main.js", """
                export function register(pack) {
                  pack.columns('herd', { kind: 'npc', props: { energy: 1, mood: 2 } });
                  pack.command({ name: 'keys', help: 'Lists table keys.', run: (ctx) => ctx.reply(Object.keys(game.columns('herd')).join(',')) });
                }
                """));
        String text = Files.readString(DTS);
        String type = text.substring(text.indexOf("type Columns<"), text.indexOf("\n};", text.indexOf("type Columns<")));
        Matcher m = Pattern.compile("(?m)^  (?:readonly )?(\\w+)[(:]").matcher(type);
        Set<String> documented = new LinkedHashSet<>();
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertThat(documented).as("members of type Columns in backline.d.ts").containsExactlyInAnyOrderElementsOf(ColumnsSpec.RESERVED);
        try (TestWorld w = TestWorld.builder().world(TestPacks::twoRooms).scripts(scripts).build()) {
            assertThat(w.join("Ann").say("keys").split(",")).containsExactlyInAnyOrder("count", "id", "row", "energy", "mood");
        }
    }

    @Test
    void theEventMapMatchesTheEventsTheEngineRaises() throws IOException {
        assertThat(members("EventMap")).containsExactlyInAnyOrderElementsOf(PackRegistrar.EVENTS);
    }

    @Test
    void everyApiMemberDocumentsSinceAndGameAndPackMembersDocumentThrowsWhereTheyCanThrow() throws IOException {
        String body = interfaceBody("Pack");
        assertThat(body.split("@since").length - 1).isEqualTo(members("Pack").size());
        String game = interfaceBody("Game");
        assertThat(game.split("@since").length - 1).isEqualTo(members("Game").size());
    }

    private static Set<String> exported(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(HostAccess.Export.class))
                .map(Method::getName)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<String> members(String interfaceName) throws IOException {
        Matcher m = Pattern.compile("(?m)^  (\\w+)(<[^>]*>)?\\??[(:]").matcher(interfaceBody(interfaceName));
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
        int end = text.indexOf("\n}", start);
        return text.substring(start, end);
    }
}
