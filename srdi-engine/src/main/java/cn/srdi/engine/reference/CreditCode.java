package cn.srdi.engine.reference;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-symbol alphabet (digits and capital
 * letters without I, O, S, V, Z), positions 3–8 an administrative region code, and a check
 * character computed with weights 3^(i) mod 31.
 */
public final class CreditCode {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] VALUE = new int[128];

    static {
        java.util.Arrays.fill(VALUE, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUE[ALPHABET.charAt(i)] = i;
        }
    }

    private CreditCode() {
    }

    /** Why a code is invalid, or null when it is valid. */
    public enum Problem {
        LENGTH("长度应为18位", "must be 18 characters long"),
        CHARACTER("含有不允许的字符(仅限数字和除I、O、S、V、Z外的大写字母)", "contains a character outside digits and capital letters other than I, O, S, V, Z"),
        REGION("第3至8位行政区划码应为数字", "positions 3-8 (region code) must be digits"),
        CHECK("校验码错误", "check character does not match (GB 32100-2015)");

        private final String zh;
        private final String en;

        Problem(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String zh() {
            return zh;
        }

        public String en() {
            return en;
        }
    }

    /** Returns null when the code is valid, else the first problem found. */
    public static Problem check(String code) {
        if (code == null || code.length() != 18) {
            return Problem.LENGTH;
        }
        int sum = 0;
        for (int i = 0; i < 18; i++) {
            char c = code.charAt(i);
            int v = c < 128 ? VALUE[c] : -1;
            if (v < 0) {
                return Problem.CHARACTER;
            }
            if (i >= 2 && i < 8 && v > 9) {
                return Problem.REGION;
            }
            if (i < 17) {
                sum += v * WEIGHTS[i];
            }
        }
        int expected = checkValue(sum);
        return VALUE[code.charAt(17)] == expected ? null : Problem.CHECK;
    }

    public static boolean isValid(String code) {
        return check(code) == null;
    }

    /** Appends the check character to the first 17 characters of a code. */
    public static String withCheckCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 characters: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = VALUE[first17.charAt(i)];
            if (v < 0) {
                throw new IllegalArgumentException("bad character in " + first17);
            }
            sum += v * WEIGHTS[i];
        }
        return first17 + ALPHABET.charAt(checkValue(sum));
    }

    /** The alphabet of the code, for generators. */
    public static String alphabet() {
        return ALPHABET;
    }

    private static int checkValue(int sum) {
        int c = 31 - sum % 31;
        return c == 31 ? 0 : c;
    }
}
