package dev.backline.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClassHistogramTest {
    private static final String BEFORE = """
            12806:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:         15396         758008  [B (java.base@25.0.3)
               2:          3302         425688  java.lang.Class (java.base@25.0.3)
               3:            10            160  com.example.Session
            Total         18708        1183856
            """;
    private static final String AFTER = """
            12806:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:         25396        1758008  [B (java.base@25.0.3)
               2:          3302         425688  java.lang.Class (java.base@25.0.3)
               3:          1010          16160  com.example.Session
               4:           500          84000  java.lang.VirtualThread (java.base@25.0.3)
               5:             2             32  com.example.Session
            Total         30210        2283888
            """;

    @Test
    void readsTheTotalAndEveryClassSummingNamesThatOccurTwice() {
        ClassHistogram h = ClassHistogram.parse(AFTER);

        assertThat(h.bytes()).isEqualTo(2_283_888);
        assertThat(h.instances()).isEqualTo(30_210);
        assertThat(h.instancesOf("java.lang.VirtualThread")).isEqualTo(500);
        assertThat(h.instancesOf("com.example.Session")).as("two class loaders, one name").isEqualTo(1012);
        assertThat(h.instancesOf("com.example.Missing")).isZero();
    }

    @Test
    void growthListsTheClassesThatGrewLargestFirst() {
        ClassHistogram before = ClassHistogram.parse(BEFORE);
        ClassHistogram after = ClassHistogram.parse(AFTER);

        assertThat(after.growthSince(before, 2)).containsExactly(
                new ClassHistogram.Change("[B", 10_000, 1_000_000),
                new ClassHistogram.Change("java.lang.VirtualThread", 500, 84_000));
    }

    @Test
    void jcmdErrorsAreNotHistograms() {
        assertThatThrownBy(() -> ClassHistogram.parse("12806:\ncom.sun.tools.attach.AttachNotSupportedException: Unable to open socket file"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a class histogram");
    }
}
