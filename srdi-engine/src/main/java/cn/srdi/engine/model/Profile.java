package cn.srdi.engine.model;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * One assessment profile: one enterprise at one assessment date (a row of the input). Numeric,
 * boolean and enum columns are held as {@code long} (decimals scaled by {@link Decimals#SCALE},
 * booleans 0/1, enums by ordinal, dates as epoch day) with a presence flag, so that grading never
 * allocates or parses.
 */
public final class Profile {
    private static final int N = Field.ALL.length;
    private static final ApplicationType[] TYPES = ApplicationType.values();
    private static final RdInstitutionLevel[] LEVELS = RdInstitutionLevel.values();
    private static final MainProductField[] FIELDS = MainProductField.values();

    /** Index of each text column in {@link #texts}, -1 for the others. */
    private static final int[] TEXT_SLOT = new int[N];
    private static final int TEXTS;

    static {
        if (N > 64) {
            throw new IllegalStateException("presence bits hold at most 64 columns");
        }
        int t = 0;
        for (Field f : Field.ALL) {
            TEXT_SLOT[f.ordinal()] = f.numericSlot() ? -1 : t++;
        }
        TEXTS = t;
    }

    private final long[] values = new long[N];
    /** Bit {@code ordinal} set when the column is present (not blank). */
    private long present;
    private final String[] texts = new String[TEXTS];
    private long row;
    /** {@link #industryKey()}, kept in step with the industry code text. */
    private int industryKey = -1;

    public long row() {
        return row;
    }

    public Profile row(long row) {
        this.row = row;
        return this;
    }

    public boolean has(Field f) {
        return (present & (1L << f.ordinal())) != 0;
    }

    /**
     * The section letter and division of the industry code as {@code (letter - 'A') * 100 + division}
     * when the code starts with an upper-case letter and two digits (e.g. C30), else -1. Kept with the
     * code so that grading a profile need not read the code text.
     */
    public int industryKey() {
        return industryKey;
    }

    public static int industryKeyOf(String code) {
        if (code == null || code.length() < 3) {
            return -1;
        }
        int l = code.charAt(0) - 'A';
        int d1 = code.charAt(1) - '0';
        int d2 = code.charAt(2) - '0';
        return l >= 0 && l < 26 && d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9 ? l * 100 + d1 * 10 + d2 : -1;
    }

    /** The raw slot value; 0 when blank. */
    public long get(Field f) {
        return values[f.ordinal()];
    }

    /** True when a boolean or declaration column is present and true. */
    public boolean isTrue(Field f) {
        return values[f.ordinal()] != 0;
    }

    public String text(Field f) {
        int slot = TEXT_SLOT[f.ordinal()];
        return slot < 0 ? null : texts[slot];
    }

    public Profile set(Field f, long value) {
        values[f.ordinal()] = value;
        present |= 1L << f.ordinal();
        return this;
    }

    public Profile setDecimal(Field f, String decimal) {
        return set(f, Decimals.parse(decimal));
    }

    public Profile setInt(Field f, long value) {
        return set(f, value * Decimals.SCALE);
    }

    public Profile setBool(Field f, boolean value) {
        return set(f, value ? 1 : 0);
    }

    public Profile setText(Field f, String text) {
        int slot = TEXT_SLOT[f.ordinal()];
        if (slot < 0) {
            throw new IllegalArgumentException(f.id() + " is not a text column");
        }
        texts[slot] = text;
        if (f == Field.INDUSTRY_CODE) {
            industryKey = industryKeyOf(text);
        }
        present = text != null ? present | 1L << f.ordinal() : present & ~(1L << f.ordinal());
        return this;
    }

    public Profile setDate(Field f, LocalDate d) {
        return set(f, d.toEpochDay());
    }

    public Profile clear(Field f) {
        values[f.ordinal()] = 0;
        int slot = TEXT_SLOT[f.ordinal()];
        if (slot >= 0) {
            texts[slot] = null;
        }
        if (f == Field.INDUSTRY_CODE) {
            industryKey = -1;
        }
        present &= ~(1L << f.ordinal());
        return this;
    }

    public LocalDate assessmentDate(LocalDate fallback) {
        return has(Field.ASSESSMENT_DATE) ? LocalDate.ofEpochDay(get(Field.ASSESSMENT_DATE)) : fallback;
    }

    public ApplicationType applicationType() {
        return has(Field.APPLICATION_TYPE) ? TYPES[(int) get(Field.APPLICATION_TYPE)] : ApplicationType.NEW;
    }

    public RdInstitutionLevel rdInstitution() {
        return has(Field.RD_INSTITUTION_LEVEL) ? LEVELS[(int) get(Field.RD_INSTITUTION_LEVEL)] : RdInstitutionLevel.NONE;
    }

    public MainProductField mainProductField() {
        return has(Field.MAIN_PRODUCT_FIELD) ? FIELDS[(int) get(Field.MAIN_PRODUCT_FIELD)] : MainProductField.OTHER;
    }

    public String creditCode() {
        return text(Field.CREDIT_CODE);
    }

    public String name() {
        return text(Field.NAME);
    }

    /** A deep copy, for the sandbox and for property tests. */
    public Profile copy() {
        Profile p = new Profile();
        System.arraycopy(values, 0, p.values, 0, N);
        p.present = present;
        System.arraycopy(texts, 0, p.texts, 0, TEXTS);
        p.row = row;
        p.industryKey = industryKey;
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Profile p
                && Arrays.equals(values, p.values)
                && present == p.present
                && Arrays.equals(texts, p.texts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + Arrays.hashCode(texts);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Profile{row=").append(row);
        for (Field f : Field.ALL) {
            if (has(f)) {
                sb.append(", ").append(f.id()).append("=").append(ProfileValues.format(this, f));
            }
        }
        return sb.append('}').toString();
    }
}
