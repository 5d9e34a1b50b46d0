package cn.srdi.app.registry;

import cn.srdi.app.web.BilingualException;
import cn.srdi.engine.model.Tier;
import cn.srdi.engine.reference.IndustryCatalog;
import java.util.Locale;
import java.util.Map;

/**
 * The filters, sort and page of the firm list (page {@code /firms}, API {@code /api/v1/enterprises},
 * the XLSX export): free text (name or credit code), park, industry prefix (GB/T 4754 门类 letter or
 * 大类/中类/小类 digits, with or without the letter), title held, title expiring within N days.
 *
 * @param q            part of the name, or the start of the credit code
 * @param park         park id, or {@code NONE} for firms outside every park
 * @param industry     GB/T 4754 prefix: "C", "C35", "35", "3563"
 * @param tier         a tier held in force (Tier name or Chinese name)
 * @param expiringDays titles in force that expire within this many days from today
 * @param sort         code, name, industry, park, updated
 * @param dir          asc or desc
 * @param page         0-based page
 * @param size         rows per page (1..200)
 */
public record FirmFilter(String q, String park, String industry, String tier, Integer expiringDays, String sort,
                         String dir, int page, int size) {

    /** Sort keys and their SQL column. */
    public static final Map<String, String> SORTS = Map.of("code", "e.credit_code", "name", "e.name",
            "industry", "e.industry_code", "park", "e.park_id", "updated", "e.updated_at");

    public FirmFilter {
        q = blankToNull(q);
        park = blankToNull(park);
        industry = blankToNull(industry);
        tier = blankToNull(tier);
        sort = sort == null || !SORTS.containsKey(sort) ? "code" : sort;
        dir = "desc".equalsIgnoreCase(dir) ? "desc" : "asc";
        page = Math.max(0, page);
        size = size <= 0 ? 20 : Math.min(size, 200);
        if (expiringDays != null && (expiringDays < 0 || expiringDays > 3660)) {
            throw BilingualException.badRequest("到期天数应在0至3660之间", "expiring days must be between 0 and 3660");
        }
    }

    public static FirmFilter all() {
        return new FirmFilter(null, null, null, null, null, null, null, 0, 20);
    }

    /** The tier filter parsed, or null. */
    public Tier tierValue() {
        if (tier == null) {
            return null;
        }
        Tier t = Tier.parse(tier);
        if (t == null) {
            throw BilingualException.badRequest("未知的称号：" + tier, "unknown title: " + tier);
        }
        return t;
    }

    /**
     * The industry filter as a prefix of the stored codes (section letter followed by digits), or
     * null when there is none.
     */
    public String industryPrefix() {
        if (industry == null) {
            return null;
        }
        String s = industry.trim().toUpperCase(Locale.ROOT);
        String letter = null;
        if (!s.isEmpty() && s.charAt(0) >= 'A' && s.charAt(0) <= 'Z') {
            letter = s.substring(0, 1);
            s = s.substring(1);
        }
        if (s.isEmpty() && letter != null) {
            return letter;
        }
        if (s.length() < 2 || s.length() > 4 || !s.chars().allMatch(Character::isDigit)) {
            throw BilingualException.badRequest("行业应为门类字母或2至4位代码(如 C、C35、3563)",
                    "industry must be a section letter or a 2 to 4 digit code (e.g. C, C35, 3563)");
        }
        String section = IndustryCatalog.standard().sectionOf(s.substring(0, 2));
        if (section == null || (letter != null && !letter.equals(section))) {
            throw BilingualException.badRequest("行业大类 " + s.substring(0, 2) + " 不存在或门类不符",
                    "GB/T 4754 division " + s.substring(0, 2) + " does not exist or has another section");
        }
        return section + s;
    }

    public FirmFilter withPage(int p) {
        return new FirmFilter(q, park, industry, tier, expiringDays, sort, dir, p, size);
    }

    public FirmFilter withSort(String s, String d) {
        return new FirmFilter(q, park, industry, tier, expiringDays, s, d, 0, size);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
