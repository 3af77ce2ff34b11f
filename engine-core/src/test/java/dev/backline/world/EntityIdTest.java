package dev.backline.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntityIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"city:rehearsal-room", "player:alice", "item:7", "a:b", "zone_1:sub/room.2", "x9:9_lives"})
    void acceptsNamespacedIds(String value) {
        assertThat(EntityId.isValid(value)).isTrue();
        assertThat(EntityId.of(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "city", ":room", "city:", "City:room", "city:Room", "city room:x", "city:a b",
            "-city:room", "city:-room", "city:room:extra", "ci.ty:room", "city:räum",
            "city:_hidden", "_city:room"})
    void rejectsMalformedIds(String value) {
        assertThat(EntityId.isValid(value)).isFalse();
        assertThatThrownBy(() -> EntityId.of(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining("namespace:name");
    }

    @Test
    void agreesWithTheDocumentedShapeOnRandomText() {
        Pattern shape = Pattern.compile("[a-z0-9][a-z0-9_-]*:[a-z0-9][a-z0-9_.\\-/]*");
        String alphabet = "az09_-./:A ä";
        Random random = new Random(42);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(9);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = text.toString();
            assertThat(EntityId.isValid(value)).as("'%s'", value).isEqualTo(shape.matcher(value).matches());
        }
    }

    @Test
    void rejectsNull() {
        assertThat(EntityId.isValid(null)).isFalse();
        assertThatThrownBy(() -> EntityId.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void limitsLengthTo128Characters() {
        String longest = "n:" + "a".repeat(126);
        assertThat(EntityId.of(longest).value()).hasSize(128);
        assertThat(EntityId.isValid(longest + "a")).isFalse();
        assertThatThrownBy(() -> EntityId.of(longest + "a")).hasMessageContaining("128");
    }

    @Test
    void splitsNamespaceAndLocalName() {
        EntityId id = EntityId.of("city:bar/back-room");
        assertThat(id.namespace()).isEqualTo("city");
        assertThat(id.localName()).isEqualTo("bar/back-room");
        assertThat(id).hasToString("city:bar/back-room");
    }

    @Test
    void comparesAndEqualsByValue() {
        assertThat(EntityId.of("a:x")).isEqualTo(EntityId.of("a:x")).isLessThan(EntityId.of("a:y"));
        assertThat(EntityId.of("b:a")).isGreaterThan(EntityId.of("a:z"));
    }
}
