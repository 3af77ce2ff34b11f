package dev.backline.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PropertyValuesTest {

    @Test
    void keepsNullBooleansAndStrings() {
        assertThat(PropertyValues.freeze(null)).isNull();
        assertThat(PropertyValues.freeze(true)).isEqualTo(true);
        assertThat(PropertyValues.freeze("hi")).isEqualTo("hi");
    }

    @Test
    void normalisesIntegralNumbersToLong() {
        assertThat(PropertyValues.freeze(3)).isEqualTo(3L);
        assertThat(PropertyValues.freeze((short) 4)).isEqualTo(4L);
        assertThat(PropertyValues.freeze((byte) 5)).isEqualTo(5L);
        assertThat(PropertyValues.freeze(6L)).isEqualTo(6L);
        assertThat(PropertyValues.freeze(7.0)).as("a whole double, as JavaScript numbers arrive").isEqualTo(7L);
        assertThat(PropertyValues.freeze(-2.0f)).isEqualTo(-2L);
    }

    @Test
    void keepsFractionsAndHugeNumbersAsDouble() {
        assertThat(PropertyValues.freeze(1.5)).isEqualTo(1.5);
        assertThat(PropertyValues.freeze(1e20)).isEqualTo(1e20);
    }

    @Test
    void rejectsNaNAndInfinityNamingThePath() {
        Map<String, Object> value = Map.of("stats", Map.of("skill", List.of(1, Double.NaN)));
        assertThatThrownBy(() -> PropertyValues.freeze(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value.stats.skill[1]")
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> PropertyValues.freeze(Double.POSITIVE_INFINITY))
                .hasMessageContaining("Infinity");
        assertThatThrownBy(() -> PropertyValues.freeze(Float.NEGATIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNonStringKeys() {
        Map<Object, Object> bad = new HashMap<>();
        bad.put(1, "one");
        assertThatThrownBy(() -> PropertyValues.freeze(Map.of("inner", bad)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value.inner")
                .hasMessageContaining("not a string");
        Map<Object, Object> nullKey = new HashMap<>();
        nullKey.put(null, "x");
        assertThatThrownBy(() -> PropertyValues.freeze(nullKey)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsOtherTypesNamingThem() {
        assertThatThrownBy(() -> PropertyValues.freeze(Map.of("when", new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value.when has type Object");
        assertThatThrownBy(() -> PropertyValues.freeze('c')).hasMessageContaining("Character");
    }

    @Test
    void limitsNestingDepth() {
        Object deepestAllowed = nested(PropertyValues.MAX_DEPTH);
        assertThat(PropertyValues.freeze(deepestAllowed)).isEqualTo(deepestAllowed);
        assertThatThrownBy(() -> PropertyValues.freeze(nested(PropertyValues.MAX_DEPTH + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deeper than " + PropertyValues.MAX_DEPTH);
    }

    @Test
    void rejectsCyclesThroughTheDepthLimit() {
        List<Object> loop = new ArrayList<>();
        loop.add(loop);
        assertThatThrownBy(() -> PropertyValues.freeze(loop)).hasMessageContaining("deeper than");
    }

    @Test
    void rejectsOverlongStrings() {
        String tooLong = "x".repeat(PropertyValues.MAX_STRING_LENGTH + 1);
        assertThatThrownBy(() -> PropertyValues.freeze(List.of(tooLong))).hasMessageContaining("value[0]");
    }

    @Test
    void copiesIntoImmutableStructures() {
        List<Object> list = new ArrayList<>(List.of(1, 2));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("list", list);
        map.put("none", null);

        @SuppressWarnings("unchecked")
        Map<String, Object> frozen = (Map<String, Object>) PropertyValues.freeze(map);
        list.add(3);
        map.put("later", true);

        assertThat(frozen).containsOnlyKeys("list", "none");
        assertThat(frozen.get("list")).isEqualTo(List.of(1L, 2L));
        assertThatThrownBy(() -> frozen.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        List<Object> frozenList = (List<Object>) frozen.get("list");
        assertThatThrownBy(() -> frozenList.add(4)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void keepsMapOrderAndNullsInLists() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("b", 1);
        map.put("a", Arrays.asList(null, "x"));
        @SuppressWarnings("unchecked")
        Map<String, Object> frozen = (Map<String, Object>) PropertyValues.freeze(map);
        assertThat(frozen.keySet()).containsExactly("b", "a");
        assertThat(frozen.get("a")).isEqualTo(Arrays.asList(null, "x"));
    }

    private static Object nested(int levels) {
        Object value = "leaf";
        for (int i = 0; i < levels; i++) {
            value = List.of(value);
        }
        return value;
    }

    @Test
    void refusesTheNulCharacterWhichPostgresqlCannotStore() {
        assertThatThrownBy(() -> PropertyValues.freeze("a\0b")).hasMessageContaining("value contains the NUL character");
        assertThatThrownBy(() -> PropertyValues.freeze(Map.of("k\0", 1))).hasMessageContaining("a key with the NUL character");
        assertThatThrownBy(() -> PropertyValues.freeze(List.of("ok", "\0"))).hasMessageContaining("value[1] contains");
    }

    @Test
    void aFrozenValueIsNotCopiedAgainButOneNestedInANewValueIs() {
        Object frozen = PropertyValues.freeze(Map.of("amp", Map.of("watts", 50), "picks", List.of(1, 2)));
        @SuppressWarnings("unchecked")
        Map<String, Object> asMap = (Map<String, Object>) frozen;
        Object frozenList = PropertyValues.freeze(List.of("a", "b"));

        assertThat(PropertyValues.freeze(frozen)).isSameAs(frozen);
        assertThat(PropertyValues.freeze(frozenList)).isSameAs(frozenList);
        assertThat(PropertyValues.freeze(Map.of("gear", frozen))).isEqualTo(Map.of("gear", frozen));
        assertThat(asMap).isEqualTo(Map.of("amp", Map.of("watts", 50L), "picks", List.of(1L, 2L)));
        assertThatThrownBy(() -> asMap.put("amp", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> asMap.entrySet().iterator().remove()).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> ((List<?>) frozenList).clear()).isInstanceOf(UnsupportedOperationException.class);

        Map<String, Object> deep = Map.of("leaf", 1);
        for (int i = 0; i < 30; i++) {
            deep = Map.of("next", deep);
        }
        Object frozenDeep = PropertyValues.freeze(deep);
        assertThatThrownBy(() -> PropertyValues.freeze(Map.of("a", Map.of("b", frozenDeep))))
                .as("frozen values nested into new ones still count towards the depth")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nested deeper than");
    }
}
