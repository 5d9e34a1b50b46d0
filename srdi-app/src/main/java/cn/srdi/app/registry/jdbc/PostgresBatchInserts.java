package cn.srdi.app.registry.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Turns on the PostgreSQL driver's {@code reWriteBatchedInserts} for the platform's connection
 * pool: a JDBC batch of single-row INSERTs (import staging, the records of a region grade) then
 * goes to the server as multi-row INSERTs instead of one statement per row. Nothing changes on
 * H2, nor when the URL or the pool's data-source properties already say otherwise.
 */
@Component
class PostgresBatchInserts implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(PostgresBatchInserts.class);
    static final String PROPERTY = "reWriteBatchedInserts";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource ds) {
            apply(ds);
        }
        return bean;
    }

    static boolean apply(HikariDataSource ds) {
        String url = ds.getJdbcUrl();
        if (url == null || !url.startsWith("jdbc:postgresql:") || url.toLowerCase(java.util.Locale.ROOT)
                .contains(PROPERTY.toLowerCase(java.util.Locale.ROOT)) || ds.getDataSourceProperties().containsKey(PROPERTY)) {
            return false;
        }
        ds.addDataSourceProperty(PROPERTY, "true");
        log.info("PostgreSQL: batched INSERTs rewritten to multi-row INSERTs ({}=true)", PROPERTY);
        return true;
    }
}
