package cn.srdi.app.registry.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

class PostgresBatchInsertsTest {

    static HikariDataSource pool(String url) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        return ds;
    }

    @Test
    void aPostgresPoolGetsBatchedInsertsRewritten() {
        HikariDataSource ds = pool("jdbc:postgresql://127.0.0.1:5432/srdi");
        assertThat(new PostgresBatchInserts().postProcessBeforeInitialization(ds, "dataSource")).isSameAs(ds);
        assertThat(ds.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true");
    }

    @Test
    void h2AndExplicitSettingsAreLeftAlone() {
        HikariDataSource h2 = pool("jdbc:h2:mem:x;MODE=PostgreSQL");
        assertThat(PostgresBatchInserts.apply(h2)).isFalse();
        assertThat(h2.getDataSourceProperties()).isEmpty();
        HikariDataSource off = pool("jdbc:postgresql://127.0.0.1/srdi?reWriteBatchedInserts=false");
        assertThat(PostgresBatchInserts.apply(off)).isFalse();
        assertThat(off.getDataSourceProperties()).isEmpty();
        HikariDataSource prop = pool("jdbc:postgresql://127.0.0.1/srdi");
        prop.addDataSourceProperty("reWriteBatchedInserts", "false");
        assertThat(PostgresBatchInserts.apply(prop)).isFalse();
        assertThat(prop.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "false");
    }
}
