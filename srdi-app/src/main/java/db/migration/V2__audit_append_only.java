package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The audit trail is append-only in the database itself: a trigger refuses UPDATE and DELETE on
 * {@code audit_event} (and TRUNCATE on PostgreSQL). The trigger language differs between the two
 * databases (PL/pgSQL on PostgreSQL, a Java trigger class on H2), hence a Java migration that
 * issues the statements of the database it runs on (ADR 0007).
 */
public class V2__audit_append_only extends BaseJavaMigration {

    static final String H2_TRIGGER = "cn.srdi.app.audit.internal.AppendOnlyTrigger";

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        String product = c.getMetaData().getDatabaseProductName();
        try (Statement s = c.createStatement()) {
            if (product.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
                s.execute("create or replace function audit_event_append_only() returns trigger language plpgsql as $$ "
                        + "begin raise exception 'audit_event is append-only: % refused (审计日志只可追加)', tg_op; end $$");
                s.execute("create trigger audit_event_no_change before update or delete on audit_event "
                        + "for each row execute function audit_event_append_only()");
                s.execute("create trigger audit_event_no_truncate before truncate on audit_event "
                        + "for each statement execute function audit_event_append_only()");
            } else if (product.equalsIgnoreCase("H2")) {
                s.execute("create trigger audit_event_no_update before update on audit_event for each row call '"
                        + H2_TRIGGER + "'");
                s.execute("create trigger audit_event_no_delete before delete on audit_event for each row call '"
                        + H2_TRIGGER + "'");
            } else {
                throw new IllegalStateException("unsupported database for the audit trigger: " + product);
            }
        }
    }
}
