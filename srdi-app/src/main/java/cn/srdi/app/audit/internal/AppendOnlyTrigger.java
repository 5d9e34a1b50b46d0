package cn.srdi.app.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2 trigger of migration V2: refuses every UPDATE and DELETE on {@code audit_event}. On
 * PostgreSQL a PL/pgSQL trigger does the same.
 */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_event is append-only: " + (newRow == null ? "DELETE" : "UPDATE")
                + " refused (审计日志只可追加)", "27000");
    }
}
