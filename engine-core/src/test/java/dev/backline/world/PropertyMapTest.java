package dev.backline.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PropertyMapTest {

    @Test
    void withReplacesInPlaceOrAppendsAndLeavesTheOriginalAlone() {
        PropertyMap one = PropertyMap.EMPTY.with("a", 1L).with("b", 2L);
        PropertyMap two = one.with("a", 10L).with("c", 3L);

        assertThat(one).containsExactly(Map.entry("a", 1L), Map.entry("b", 2L));
        assertThat(two).containsExactly(Map.entry("a", 10L), Map.entry("b", 2L), Map.entry("c", 3L));
    }

    @Test
    void withoutRemovesOnlyThatKey() {
        PropertyMap map = PropertyMap.EMPTY.with("a", 1L).with("b", 2L).with("c", 3L);

        assertThat(map.without("b")).containsExactly(Map.entry("a", 1L), Map.entry("c", 3L));
        assertThat(map.without("zzz")).isSameAs(map);
        assertThat(PropertyMap.EMPTY.with("a", 1L).without("a")).isSameAs(PropertyMap.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 16, 17, 100})
    void looksUpSmallAndLargeMapsAlike(int size) {
        Map<String, Object> expected = new LinkedHashMap<>();
        PropertyMap map = PropertyMap.EMPTY;
        for (int i = 0; i < size; i++) {
            map = map.with("k" + i, (long) i);
            expected.put("k" + i, (long) i);
        }
        map = map.with("k1", "changed").without("k2");
        expected.put("k1", "changed");
        expected.remove("k2");

        assertThat(map).isEqualTo(expected);
        assertThat(map.keySet()).containsExactlyElementsOf(expected.keySet());
        for (String key : expected.keySet()) {
            assertThat(map.get(key)).as(key).isEqualTo(expected.get(key));
        }
        assertThat(map.get("k2")).isNull();
        assertThat(map.containsKey(new String("k0"))).as("equal, not identical, key").isTrue();
    }
}
