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
    private static final String[] APPLICATION_TYPES = names(ApplicationType.values());
    private static final String[] MAIN_PRODUCT_FIELDS = names(MainProductField.values());
    private static final String[] RD_INSTITUTION_LEVELS = names(RdInstitutionLevel.values());
    private static final String[] HEADER;

    static {
        for (int i = 0; i < SMALL; i++) {
            SMALL_INTS[i] = Integer.toString(i);
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
        Field[] all = Field.ALL;
        String[] cells = new String[all.length];
        long dateEpoch = Long.MIN_VALUE;
        String dateText = null;
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
        if (scaled >= 0 && scaled % S == 0 && scaled < SMALL * S) {
            return SMALL_INTS[(int) (scaled / S)];
        }
        if (scaled == Long.MIN_VALUE) {
            return Decimals.format(scaled);
        }
        char[] buf = new char[24];
        int pos = buf.length;
        boolean neg = scaled < 0;
        long a = neg ? -scaled : scaled;
        long whole = a / S;
        int frac = (int) (a % S);
        if (frac != 0) {
            int digits = 4;
            while (frac % 10 == 0) {
                frac /= 10;
                digits--;
            }
            for (int k = 0; k < digits; k++) {
                buf[--pos] = (char) ('0' + frac % 10);
                frac /= 10;
            }
            buf[--pos] = '.';
        }
        do {
            buf[--pos] = (char) ('0' + whole % 10);
            whole /= 10;
        } while (whole > 0);
        if (neg) {
            buf[--pos] = '-';
        }
        return new String(buf, pos, buf.length - pos);
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
