package dev.backline.persist.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.persist.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoreFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "57P01", "57P03", "53300"})
    void connectionAndShutdownStatesMeanTheDatabaseIsAway(String state) {
        RuntimeException wrapped = new RuntimeException("mybatis", new SQLException("gone", state));

        RuntimeException classified = StoreFailures.classify("writing 3 rows", wrapped);

        assertThat(classified).isInstanceOf(StoreUnavailableException.class)
                .hasMessage("writing 3 rows: the database is unavailable: gone")
                .hasCause(wrapped);
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "22P02", "42P01"})
    void whatTheDatabaseRefusesIsNotAnOutage(String state) {
        RuntimeException wrapped = new RuntimeException("mybatis", new SQLException("refused", state));

        assertThat(StoreFailures.classify("writing", wrapped)).isSameAs(wrapped);
    }

    @Test
    void thePoolTimingOutIsAnOutage() {
        RuntimeException wrapped = new RuntimeException(new SQLTransientConnectionException("pool timed out"));

        assertThat(StoreFailures.classify("reading", wrapped)).isInstanceOf(StoreUnavailableException.class);
    }
}
