package dev.backline.shard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GcPausesTest {

    @Test
    void aFullCollectionIsCountedAsPauseTime() {
        GcPauses pauses = new GcPauses();
        // Enough live objects that marking and compacting them takes milliseconds, not the bean's 0 ms.
        List<long[]> live = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            live.add(new long[32]);
        }
        long before = pauses.totalMillis();
        System.gc();
        assertThat(pauses.totalMillis()).as("after System.gc() with %d live arrays", live.size()).isGreaterThan(before);
    }
}
