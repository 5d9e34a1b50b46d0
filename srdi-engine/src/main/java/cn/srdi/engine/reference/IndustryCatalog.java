package cn.srdi.engine.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * GB/T 4754-2017 国民经济行业分类, loaded from the reference table shipped in the engine
 * ({@code gbt4754-2017.csv}). Resolves an input code ("C3563" or "3563") to its normalised form
 * with the section letter, and tells whether the code is known, unknown under an existing
 * 大类 (accepted with a warning), or invalid.
 */
public final class IndustryCatalog {
    private static final IndustryCatalog DEFAULT = load();

    /** Outcome of a lookup. */
    public enum Status { KNOWN, UNKNOWN_UNDER_KNOWN_DIVISION, INVALID }

    /** A resolved code: {@code normalised} is the section letter followed by the digits. */
    public record Resolution(Status status, String normalised, String section, String name, String problemZh, String problemEn) {
        public boolean accepted() {
            return status != Status.INVALID;
        }
    }

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> sectionOfDivision = new HashMap<>();

    private IndustryCatalog() {
    }

    public static IndustryCatalog standard() {
        return DEFAULT;
    }

    private static IndustryCatalog load() {
        IndustryCatalog c = new IndustryCatalog();
        try (InputStream in = IndustryCatalog.class.getResourceAsStream("/cn/srdi/engine/gbt4754-2017.csv")) {
            if (in == null) {
                throw new IllegalStateException("gbt4754-2017.csv missing from the engine jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine(); // header
            String line;
            while ((line = r.readLine()) != null) {
                String[] parts = line.split(",", 4);
                if (parts.length < 4) {
                    continue;
                }
                String code = parts[0];
                c.names.put(code, parts[1]);
                if (code.length() == 2 && Character.isDigit(code.charAt(0))) {
                    c.sectionOfDivision.put(code, parts[2]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return c;
    }

    /** The 门类 letter of a 大类 (two digits), or null if that 大类 does not exist. */
    public String sectionOf(String division) {
        return sectionOfDivision.get(division);
    }

    public String name(String code) {
        return names.get(code);
    }

    public int divisionCount() {
        return sectionOfDivision.size();
    }

    /** Resolutions of codes seen so far: a region uses a few hundred distinct codes. Bounded. */
    private final java.util.concurrent.ConcurrentHashMap<String, Resolution> cache = new java.util.concurrent.ConcurrentHashMap<>();

    public Resolution resolve(String input) {
        if (input == null) {
            return compute(null);
        }
        Resolution r = cache.get(input);
        if (r == null) {
            r = compute(input);
            if (cache.size() < 100_000) {
                cache.put(input, r);
            }
        }
        return r;
    }

    private Resolution compute(String input) {
        String s = input == null ? "" : input.trim().toUpperCase(java.util.Locale.ROOT);
        String letter = null;
        if (!s.isEmpty() && s.charAt(0) >= 'A' && s.charAt(0) <= 'Z') {
            letter = s.substring(0, 1);
            s = s.substring(1);
        }
        if (s.length() < 2 || s.length() > 4 || !s.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return invalid("应为2至4位数字，可带门类字母前缀(如 C3563 或 3563)",
                    "must be 2 to 4 digits, optionally prefixed by the section letter (e.g. C3563 or 3563)");
        }
        String section = sectionOf(s.substring(0, 2));
        if (section == null) {
            return invalid("大类 " + s.substring(0, 2) + " 不存在", "division " + s.substring(0, 2) + " does not exist in GB/T 4754-2017");
        }
        if (letter != null && !letter.equals(section)) {
            return invalid("门类字母应为 " + section + " 而不是 " + letter,
                    "section letter should be " + section + ", not " + letter);
        }
        String name = names.get(s);
        if (name == null) {
            return new Resolution(Status.UNKNOWN_UNDER_KNOWN_DIVISION, section + s, section, null,
                    "代码 " + s + " 不在参考表中(大类存在，已接受)",
                    "code " + s + " is not in the reference table (its division exists; accepted)");
        }
        return new Resolution(Status.KNOWN, section + s, section, name, null, null);
    }

    private static Resolution invalid(String zh, String en) {
        return new Resolution(Status.INVALID, null, null, null, zh, en);
    }
}
