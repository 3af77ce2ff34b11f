package dev.backline.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GameEventTest {

    @ParameterizedTest
    @ValueSource(strings = {"tick", "playerEnter", "roomExit", "custom:bandFormed", "pack2:event_1.x"})
    void acceptsLowerCamelNames(String name) {
        assertThat(GameEvent.of(name, Map.of()).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "PlayerEnter", "player_enter", "player-enter", "1tick", "a:", "a:b:c"})
    void rejectsOtherNames(String name) {
        assertThatThrownBy(() -> GameEvent.of(name, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lowerCamel");
    }

    @Test
    void freezesItsData() {
        Map<String, Object> data = new HashMap<>(Map.of("n", 1));
        GameEvent event = GameEvent.of("x", data);
        data.put("n", 2);
        assertThat(event.data()).containsEntry("n", 1L);
        assertThatThrownBy(() -> event.data().put("m", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> GameEvent.of("x", Map.of("bad", Double.NaN))).hasMessageContaining("value.bad");
    }

    @Test
    void missingDataIsAnEmptyMap() {
        assertThat(GameEvent.of("x", null).data()).isEmpty();
    }
}
