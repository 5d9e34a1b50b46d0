package cn.srdi.engine.io;

import cn.srdi.engine.model.ApplicationType;
import cn.srdi.engine.model.Decimals;
import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.MainProductField;
import cn.srdi.engine.model.Profile;
import cn.srdi.engine.model.RdInstitutionLevel;
import cn.srdi.engine.model.Tier;
import cn.srdi.engine.reference.CreditCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random valid profiles, as the reader stores them (normalised industry codes, canonical titles),
 * satisfying every row rule, with awkward text (commas, quotes, line breaks, Chinese) and numbers
 * from 0.0001 up to the largest accepted value.
 */
final class RandomProfiles {
    /** Normalised industry codes the reference table knows, and one it lacks under an existing 大类. */
    static final String[] INDUSTRY_CODES = {"C3563", "C3670", "C13", "C135", "I6513", "A0111", "M7320", "C3509"};
    private static final String NAME_CHARS = "重庆两江新区智能制造科技有限公司ABCxyz 0123,\"'\n;&<>#=（）";
    /**
     * The largest value the parser accepts: 13 integer digits and 4 decimals. (Decimals.MAX_ABS
     * itself, 10^13, has 14 integer digits and is refused by Decimals.parse.)
     */
    static final long LARGEST = 9_999_999_999_999_9999L;
    private static final long EARLIEST = LocalDate.of(2020, 1, 1).toEpochDay();
    private static final long LATEST = LocalDate.of(2030, 12, 31).toEpochDay();

    private RandomProfiles() {
    }

    /** A random valid credit code. */
    static String creditCode(Random r) {
        String alphabet = CreditCode.alphabet();
        StringBuilder sb = new StringBuilder(17);
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        for (int i = 0; i < 6; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        for (int i = 0; i < 9; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return CreditCode.withCheckCharacter(sb.toString());
    }

    /** A random valid profile with the given row number. */
    static Profile profile(Random r, long row) {
        Profile p = new Profile().row(row);
        p.setText(Field.CREDIT_CODE, creditCode(r));
        p.setText(Field.NAME, name(r));
        p.setText(Field.INDUSTRY_CODE, INDUSTRY_CODES[r.nextInt(INDUSTRY_CODES.length)]);
        if (r.nextBoolean()) {
            p.setText(Field.REGION_CODE, String.format("%06d", r.nextInt(1_000_000)));
        }
        if (r.nextBoolean()) {
            p.set(Field.ASSESSMENT_DATE, EARLIEST + r.nextInt((int) (LATEST - EARLIEST + 1)));
        }
        if (r.nextBoolean()) {
            p.set(Field.APPLICATION_TYPE, r.nextInt(ApplicationType.values().length));
        }
        if (r.nextBoolean()) {
            List<Tier> tiers = new ArrayList<>(List.of(Tier.values()));
            Collections.shuffle(tiers, r);
            int n = 1 + r.nextInt(tiers.size());
            StringBuilder titles = new StringBuilder();
            for (Tier t : tiers.subList(0, n)) {
                titles.append(titles.length() == 0 ? "" : ";").append(t.name());
            }
            p.setText(Field.TITLES, titles.toString());
        }
        for (Field f : Field.ALL) {
            if (p.has(f) || f.ordinal() <= Field.TITLES.ordinal()) {
                continue;
            }
            if (!f.required() && r.nextInt(4) == 0) {
                continue; // blank
            }
            long v = switch (f.type()) {
                case DECIMAL -> decimal(r);
                case SIGNED_DECIMAL -> r.nextBoolean() ? decimal(r) : -decimal(r);
                case INTEGER -> Decimals.of(r.nextInt(3) == 0 ? r.nextInt(1_000_000) : r.nextInt(100));
                case BOOLEAN, DECLARATION -> r.nextInt(2);
                case MAIN_PRODUCT_FIELD -> r.nextInt(MainProductField.values().length);
                case RD_INSTITUTION -> r.nextInt(RdInstitutionLevel.values().length);
                default -> throw new IllegalStateException(f.toString());
            };
            p.set(f, v);
        }
        fixRanges(r, p);
        return p;
    }

    private static void fixRanges(Random r, Profile p) {
        long s = Decimals.SCALE;
        capBelow(r, p, Field.MAIN_REVENUE_Y1, Field.REVENUE_Y1);
        capBelow(r, p, Field.MAIN_REVENUE_Y2, Field.REVENUE_Y2);
        capBelow(r, p, Field.MAIN_REVENUE_Y3, Field.REVENUE_Y3);
        capBelow(r, p, Field.EQUITY_FINANCING_2Y, Field.EQUITY_FINANCING_3Y);
        capBelow(r, p, Field.RD_STAFF_Y1, Field.EMPLOYEES_Y1);
        capBelow(r, p, Field.TECH_STAFF_Y1, Field.EMPLOYEES_Y1);
        for (Field f : new Field[] {Field.IP1_SELF_DEVELOPED, Field.IP1_HIGH_VALUE, Field.IP1_APPLIED, Field.IP1_OWN_TOP3}) {
            if (!p.has(Field.IP1)) {
                if (p.has(f)) {
                    p.set(f, 0);
                }
            } else {
                capBelow(r, p, f, Field.IP1);
            }
        }
        if (p.get(Field.TOTAL_ASSETS_Y1) == 0) {
            p.set(Field.TOTAL_ASSETS_Y1, 1);
        }
        for (Field f : new Field[] {Field.MARKET_SHARE_PCT, Field.PLATFORM_SCORE, Field.PLATFORM_SCORE_PREV}) {
            if (p.has(f)) {
                p.set(f, p.get(f) % (100 * s + 1));
            }
        }
        for (Field f : new Field[] {Field.MARKET_RANK_DOMESTIC, Field.MARKET_RANK_GLOBAL, Field.NATIONAL_AWARD_RANK,
                Field.PROVINCIAL_AWARD_RANK, Field.MAKER_CHINA_RANK}) {
            if (p.has(f)) {
                p.set(f, Math.max(s, p.get(f)));
            }
        }
        if (p.has(Field.DIGITAL_LEVEL)) {
            p.set(Field.DIGITAL_LEVEL, Decimals.of(r.nextInt(5)));
        }
        if (p.has(Field.LOCAL_POINTS)) {
            p.set(Field.LOCAL_POINTS, Decimals.of(r.nextInt(16)));
        }
        if (p.has(Field.EMPLOYEES_Y1)) {
            capBelow(r, p, Field.RD_STAFF_Y1, Field.EMPLOYEES_Y1);
        }
    }

    /** Makes {@code part} ≤ {@code whole} when both are set (keeping whole numbers whole). */
    private static void capBelow(Random r, Profile p, Field part, Field whole) {
        if (p.has(part) && p.has(whole) && p.get(part) > p.get(whole)) {
            long w = p.get(whole);
            long v = w == 0 ? 0 : Math.floorMod(r.nextLong(), w + 1);
            if (part.type() == cn.srdi.engine.model.FieldType.INTEGER) {
                v -= v % Decimals.SCALE;
            }
            p.set(part, v);
        }
    }

    /** A scaled decimal ≥ 0: mostly ordinary money amounts, sometimes tiny or at the upper limit. */
    private static long decimal(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> r.nextInt(10_000) * Decimals.SCALE;
            case 1 -> r.nextInt(100_000_000);
            case 2 -> 1;
            case 3 -> LARGEST - r.nextInt(1000);
            case 4 -> Math.floorMod(r.nextLong(), LARGEST + 1);
            default -> r.nextInt(1000) * Decimals.SCALE + r.nextInt(10_000);
        };
    }

    private static String name(Random r) {
        int n = 1 + r.nextInt(30);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(NAME_CHARS.charAt(r.nextInt(NAME_CHARS.length())));
        }
        String s = sb.toString().strip();
        return s.isEmpty() ? "企业" : s;
    }
}
