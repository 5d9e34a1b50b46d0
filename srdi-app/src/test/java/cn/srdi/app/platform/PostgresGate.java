package cn.srdi.app.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points the integration tests at PostgreSQL in the {@code postgresql} failsafe execution
 * (system property {@code srdi.it.pg=true}; registered by JUnit's extension auto-detection, which
 * only that execution turns on). Once per JVM it connects to {@code srdi.it.pg.url} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}), creates nothing itself but
 * chooses a fresh schema {@code srdi_it_<UTC time>_<pid>} and sets the Spring datasource and Flyway
 * properties as system properties (they outrank every application*.yml), so every Spring context of
 * the run migrates and loads the demo region into that schema. The schema is dropped when the JVM
 * exits; schemas of runs older than six hours (killed runs) are dropped at start.
 *
 * <p>When PostgreSQL cannot be reached the tests are skipped with a message saying so, unless
 * {@code SRDI_PG_REQUIRED=true} (set by {@code .ci/run}): then every test class fails with that
 * message (ADR 0006).
 */
public final class PostgresGate implements ExecutionCondition, BeforeAllCallback {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static String unreachable;
    private static boolean started;

    static boolean active() {
        return Boolean.getBoolean("srdi.it.pg");
    }

    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("SRDI_PG_REQUIRED"))
                || Boolean.getBoolean("srdi.it.pg.required");
    }

    static String url() {
        return setting("srdi.it.pg.url", "SRDI_IT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    static String user() {
        return setting("srdi.it.pg.user", "SRDI_IT_PG_USER", "postgres");
    }

    static String password() {
        return setting("srdi.it.pg.password", "SRDI_IT_PG_PASSWORD", "");
    }

    private static String setting(String property, String env, String fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? fallback : v;
    }

    private static synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        String schema = "srdi_it_" + now.format(STAMP) + "_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(url(), user(), password())) {
            dropStale(c, now.minusHours(6).format(STAMP));
        } catch (SQLException e) {
            unreachable = "PostgreSQL " + url() + " (user " + user() + ") is unreachable: " + e.getMessage();
            System.err.println("\n*** " + unreachable + "\n*** "
                    + (required() ? "SRDI_PG_REQUIRED=true: the PostgreSQL integration tests FAIL."
                    : "The PostgreSQL run of the integration tests is SKIPPED (H2 run unaffected). "
                    + "Start PostgreSQL or set SRDI_IT_PG_URL/USER/PASSWORD; CI sets SRDI_PG_REQUIRED=true.") + "\n");
            return;
        }
        String sep = url().contains("?") ? "&" : "?";
        System.setProperty("spring.datasource.url", url() + sep + "currentSchema=" + schema);
        System.setProperty("spring.datasource.username", user());
        System.setProperty("spring.datasource.password", password());
        System.setProperty("spring.datasource.driver-class-name", "org.postgresql.Driver");
        System.setProperty("spring.flyway.schemas", schema);
        System.setProperty("spring.flyway.create-schemas", "true");
        System.setProperty("srdi.it.pg.schema", schema);
        System.err.println("PostgreSQL integration tests in schema " + schema + " of " + url());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(schema), "drop-" + schema));
    }

    private static void dropStale(Connection c, String olderThan) throws SQLException {
        List<String> stale = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select nspname from pg_namespace where nspname like 'srdi\\_it\\_%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String[] parts = name.split("_");
                if (parts.length >= 3 && parts[2].length() == 14 && parts[2].compareTo(olderThan) < 0) {
                    stale.add(name);
                }
            }
        }
        for (String name : stale) {
            try (Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + name + " cascade");
            }
        }
    }

    private static void drop(String schema) {
        try (Connection c = DriverManager.getConnection(url(), user(), password()); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            System.err.println("could not drop test schema " + schema + ": " + e.getMessage());
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!active()) {
            return ConditionEvaluationResult.enabled("not the PostgreSQL run");
        }
        start();
        if (unreachable != null && !required()) {
            return ConditionEvaluationResult.disabled("SKIPPED on PostgreSQL: " + unreachable);
        }
        return ConditionEvaluationResult.enabled("PostgreSQL run");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (active()) {
            start();
            if (unreachable != null) {
                throw new IllegalStateException("SRDI_PG_REQUIRED=true but " + unreachable);
            }
        }
    }
}
