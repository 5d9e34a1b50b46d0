package cn.srdi.app.platform;

import cn.srdi.engine.reference.CreditCode;
import java.util.concurrent.ThreadLocalRandom;

/** Random valid credit codes for firms that tests create (GB 32100-2015 check character included). */
public final class TestCodes {

    private TestCodes() {
    }

    /**
     * A random valid credit code starting with {@code prefix} (10 characters, so each test class
     * can keep its firms apart from the demo region and from other tests).
     */
    public static String fresh(String prefix) {
        if (prefix.length() != 10) {
            throw new IllegalArgumentException("prefix must have 10 characters: " + prefix);
        }
        String alphabet = CreditCode.alphabet();
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < 7; i++) {
            sb.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return CreditCode.withCheckCharacter(sb.toString());
    }
}
