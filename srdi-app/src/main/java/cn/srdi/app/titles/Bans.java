package cn.srdi.app.titles;

import cn.srdi.app.web.BilingualException;
import cn.srdi.engine.model.Tier;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The public API of bans for other modules (cultivation checks it when a firm applies):
 * {@code bans.activeBan(creditCode, tier, onDate)} gives the ban in force, with its ground and
 * end date; {@link #requireNoBan} refuses with a bilingual 409.
 */
@Service
public class Bans {

    private final JdbcClient jdbc;

    Bans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ban that forbids the firm applying for the tier on the date (the one ending last), if any. */
    public Optional<Ban> activeBan(String creditCode, Tier tier, LocalDate onDate) {
        return jdbc.sql("select id, credit_code, tier, ground, reason, starts_on, ends_on, title_id from title_ban "
                        + "where credit_code = ? and (tier is null or tier = ?) and starts_on <= ? and ends_on > ? "
                        + "order by ends_on desc, id fetch first 1 rows only")
                .params(creditCode, tier.name(), Date.valueOf(onDate), Date.valueOf(onDate))
                .query((rs, n) -> map(rs)).optional();
    }

    /** Refuses (409, Chinese and English) when a ban is in force for the firm and tier on the date. */
    public void requireNoBan(String creditCode, Tier tier, LocalDate onDate) {
        activeBan(creditCode, tier, onDate).ifPresent(b -> {
            throw new BilingualException(HttpStatus.CONFLICT, b.messageZh(), b.messageEn());
        });
    }

    /** Every ban of a firm, newest first. */
    public List<Ban> of(String creditCode) {
        return jdbc.sql("select id, credit_code, tier, ground, reason, starts_on, ends_on, title_id from title_ban "
                        + "where credit_code = ? order by starts_on desc, id desc")
                .param(creditCode).query((rs, n) -> map(rs)).list();
    }

    static Ban map(java.sql.ResultSet rs) throws java.sql.SQLException {
        String tier = rs.getString(3);
        long title = rs.getLong(8);
        return new Ban(rs.getLong(1), rs.getString(2), tier == null ? null : Tier.valueOf(tier),
                RevocationGround.valueOf(rs.getString(4)), rs.getString(5), rs.getDate(6).toLocalDate(),
                rs.getDate(7).toLocalDate(), rs.wasNull() ? null : title);
    }
}
