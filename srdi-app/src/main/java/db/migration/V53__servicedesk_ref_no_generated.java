package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A request's reference number ({@code SQ<yyyyMMdd>-<id, six digits or more>}) becomes a column
 * the database computes from {@code created_at} and {@code id} as it inserts the row. Until now
 * the intake inserted a unique placeholder and then updated the new row with the number; that
 * second write changed an indexed column, so on PostgreSQL it wrote a new row version and an
 * entry in every index of {@code sd_request} (docs/PERFORMANCE.md, issue 5's intake). The values
 * are the same as before for every existing row. The syntax of a stored generated column differs
 * between the two databases ({@code STORED} is required on PostgreSQL, unknown to H2), hence a
 * Java migration.
 */
public class V53__servicedesk_ref_no_generated extends BaseJavaMigration {

    /** Immutable on both databases (no to_char, which PostgreSQL marks stable): SQ, the date as digits, '-', the padded id. */
    public static final String EXPRESSION = "'SQ' || cast(cast(extract(year from created_at) * 10000 + extract(month from created_at) * 100 "
            + "+ extract(day from created_at) as bigint) as varchar) || '-' "
            + "|| case when id < 1000000 then lpad(cast(id as varchar), 6, '0') else cast(id as varchar) end";

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        try (Statement s = c.createStatement()) {
            s.execute("alter table sd_request drop column ref_no");
            s.execute("alter table sd_request add column ref_no varchar(20) generated always as (" + EXPRESSION + ")"
                    + (postgres ? " stored" : ""));
            s.execute("alter table sd_request add constraint sd_request_ref_no_key unique (ref_no)");
        }
    }
}
