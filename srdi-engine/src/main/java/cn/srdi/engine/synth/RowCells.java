package cn.srdi.engine.synth;

import cn.srdi.engine.model.ApplicationType;
import cn.srdi.engine.model.Decimals;
import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.MainProductField;
import cn.srdi.engine.model.Profile;
import cn.srdi.engine.model.ProfileValues;
import cn.srdi.engine.model.RdInstitutionLevel;
import java.time.LocalDate;

/**
 * Fast formatting of a {@link Profile} into cells in {@link Field#ALL} order. The text of every cell
 * is exactly what {@link ProfileValues#format(Profile, Field)} gives (tests check this), but without
 * {@code BigDecimal}, so that a million rows format in well under a second.
 */
public final class RowCells {
    private static final long S = Decimals.SCALE;
    private static final int SMALL = 10_000;
    private static final String[] SMALL_INTS = new String[SMALL];
    /** FRACTIONS[f] = ".f" without trailing zeros for 1 ≤ f &lt; 10^4 (f in units of 0.0001). */
    private static final String[] FRACTIONS = new String[(int) S];
    private static final String[] APPLICATION_TYPES = names(ApplicationType.values());
    private static final String[] MAIN_PRODUCT_FIELDS = names(MainProductField.values());
    private static final String[] RD_INSTITUTION_LEVELS = names(RdInstitutionLevel.values());
    private static final String[] HEADER;

    static {
        for (int i = 0; i < SMALL; i++) {
            SMALL_INTS[i] = Integer.toString(i);
        }
        for (int f = 1; f < S; f++) {
            String digits = Integer.toString(f + (int) S).substring(1); // 4 digits with leading zeros
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            FRACTIONS[f] = "." + digits.substring(0, end);
        }
        HEADER = new String[Field.ALL.length];
        for (Field f : Field.ALL) {
            HEADER[f.ordinal()] = f.id();
        }
    }

    private RowCells() {
    }

    /** The English ids of {@link Field#ALL}, in order (a fresh copy). */
    public static String[] header() {
        return HEADER.clone();
    }

    /** Cells of {@code p} in {@link Field#ALL} order; blank fields are "". */
    public static String[] toRow(Profile p) {
        return toRow(p, Long.MIN_VALUE, null);
    }

    /** As {@link #toRow(Profile)}, with the text of one date (epoch day) known in advance. */
    static String[] toRow(Profile p, long knownEpochDay, String knownDateText) {
        Field[] all = Field.ALL;
        String[] cells = new String[all.length];
        long dateEpoch = knownEpochDay;
        String dateText = knownDateText;
        for (int i = 0; i < all.length; i++) {
            Field f = all[i];
            if (!p.has(f)) {
                cells[i] = "";
                continue;
            }
            long v = p.get(f);
            cells[i] = switch (f.type()) {
                case TEXT, CREDIT_CODE, INDUSTRY, REGION, TITLES -> p.text(f);
                case DATE -> {
                    if (v != dateEpoch) {
                        dateEpoch = v;
                        dateText = LocalDate.ofEpochDay(v).toString();
                    }
                    yield dateText;
                }
                case APPLICATION_TYPE -> APPLICATION_TYPES[(int) v];
                case DECIMAL, SIGNED_DECIMAL, INTEGER -> decimal(v);
                case BOOLEAN, DECLARATION -> v != 0 ? "true" : "false";
                case MAIN_PRODUCT_FIELD -> MAIN_PRODUCT_FIELDS[(int) v];
                case RD_INSTITUTION -> RD_INSTITUTION_LEVELS[(int) v];
            };
        }
        return cells;
    }

    /** Same text as {@link Decimals#format(long)}: the fewest decimals that keep the value exact. */
    public static String decimal(long scaled) {
        if (scaled >= 0 && scaled < SMALL * S && scaled % S == 0) {
            return SMALL_INTS[(int) (scaled / S)];
        }
        if (scaled == Long.MIN_VALUE) {
            return Decimals.format(scaled);
        }
        long a = Math.abs(scaled);
        long whole = a / S;
        int frac = (int) (a - whole * S);
        if (scaled < 0) {
            return frac == 0 ? "-" + whole : "-" + whole + FRACTIONS[frac];
        }
        return frac == 0 ? Long.toString(whole) : whole + FRACTIONS[frac];
    }

    /** A scaled value with exactly four decimals ("3456.1200"), as a spreadsheet may export it. */
    static String fixed4(long scaled) {
        String d = decimal(Math.abs(scaled));
        int dot = d.indexOf('.');
        StringBuilder sb = new StringBuilder(d.length() + 5);
        if (scaled < 0) {
            sb.append('-');
        }
        sb.append(d);
        int decimals = dot < 0 ? 0 : d.length() - dot - 1;
        if (dot < 0) {
            sb.append('.');
        }
        for (int k = decimals; k < 4; k++) {
            sb.append('0');
        }
        return sb.toString();
    }

    private static String[] names(Enum<?>[] values) {
        String[] out = new String[values.length];
        for (Enum<?> e : values) {
            out[e.ordinal()] = e.name();
        }
        return out;
    }
}
