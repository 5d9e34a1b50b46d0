package cn.srdi.app.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One line of the firm list: the card (contacts masked where the scope says so), the titles in
 * force, and, for scopes that read indicators, the latest fiscal year's key figures.
 */
public record FirmRow(Enterprise firm, String industryName, List<HeldTitle> titles, LocalDate nextExpiry,
                      Integer latestYear, BigDecimal revenue, BigDecimal rdExpense, Integer employees) {

    /** A title in force with its expiry date. */
    public record HeldTitle(String tier, LocalDate expiresOn) {
    }
}
