package cn.srdi.app.registry;

import java.time.LocalDateTime;

/** A firm of the registry (一企一档), keyed by its 统一社会信用代码. */
public record Enterprise(String creditCode, String name, String industryCode, String regionCode, String regionName,
                         String parkId, String focusIndustry, String contactName, String contactPhone,
                         String contactEmail, String chainNodes, LocalDateTime createdAt, LocalDateTime updatedAt) {

    /** This firm with contacts masked (for roles that must not see them). */
    public Enterprise masked() {
        return new Enterprise(creditCode, name, industryCode, regionCode, regionName, parkId, focusIndustry,
                mask(contactName, 1), mask(contactPhone, 3), maskEmail(contactEmail), chainNodes, createdAt, updatedAt);
    }

    /** Keeps the first {@code keep} characters and, for long values, the last four. */
    static String mask(String s, int keep) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        int head = Math.min(keep, s.length() - 1);
        int tail = s.length() >= 8 ? 4 : 0;
        return s.substring(0, head) + "*".repeat(Math.max(1, s.length() - head - tail)) + s.substring(s.length() - tail);
    }

    static String maskEmail(String s) {
        if (s == null || s.indexOf('@') < 1) {
            return s == null ? null : mask(s, 1);
        }
        int at = s.indexOf('@');
        return s.charAt(0) + "***" + s.substring(at);
    }
}
