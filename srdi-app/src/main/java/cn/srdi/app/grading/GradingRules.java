package cn.srdi.app.grading;

import cn.srdi.app.web.BilingualException;
import cn.srdi.engine.grading.Grader;
import cn.srdi.engine.grading.RuleCatalog;
import cn.srdi.engine.grading.RuleSet;
import cn.srdi.engine.rules.RuleFileException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The engine's rule catalog ({@link RuleCatalog#builtIn()}) held once, and graders for a
 * {@link RuleChoice}. Every choice has a digest: SHA-256 over the selection and every effective
 * key and value of every rule set after the settings are applied, so a stored grade names exactly
 * the rules it was computed with (and a change of the engine's rule files shows as another digest).
 */
@Component
public class GradingRules {

    /** Keys that describe a rule set rather than set a threshold; not offered in the sandbox form. */
    private static final Set<String> META = Set.of("id", "title", "shape", "effective_from");

    /** A choice turned into a grader, with the digest of the rules. */
    public record Compiled(RuleChoice choice, Grader grader, String digest) {
    }

    private final RuleCatalog catalog = RuleCatalog.builtIn();
    private final Map<Map<String, String>, RuleCatalog> catalogs = new ConcurrentHashMap<>();

    public RuleCatalog catalog() {
        return catalog;
    }

    /**
     * Validates the choice with the engine and builds its grader; an unknown rule set, key or a
     * bad value is refused with the engine's bilingual message.
     */
    public Compiled compile(RuleChoice choice, LocalDate defaultDate) {
        RuleCatalog c = catalogFor(choice);
        try {
            Grader g = new Grader(c, choice.rules(), defaultDate);
            return new Compiled(choice, g, digest(choice.rules(), c));
        } catch (RuleFileException e) {
            throw bilingual(e);
        }
    }

    private RuleCatalog catalogFor(RuleChoice choice) {
        if (!choice.hasSettings()) {
            return catalog;
        }
        RuleCatalog c = catalogs.get(choice.settings());
        if (c == null) {
            try {
                c = catalog.withSettings(choice.settings());
            } catch (RuleFileException e) {
                throw bilingual(e);
            }
            if (catalogs.size() < 64) {
                catalogs.put(choice.settings(), c);
            }
        }
        return c;
    }

    static String digest(String rules, RuleCatalog c) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            StringBuilder sb = new StringBuilder("rules=").append(rules).append('\n');
            List<RuleSet> sets = new ArrayList<>(c.all());
            sets.sort(Comparator.comparing(RuleSet::id));
            for (RuleSet s : sets) {
                sb.append('[').append(s.id()).append("]\n");
                new java.util.TreeMap<>(s.params().asMap()).forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
            }
            return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The engine's message of a bad rule choice as a 400 with its Chinese and English halves. */
    static BilingualException bilingual(RuleFileException e) {
        String m = e.getMessage();
        int colon = m.indexOf("]: ");
        int start = colon >= 0 ? colon + 3 : m.indexOf(": ") + 2;
        String place = m.substring(0, Math.max(0, start - 2));
        String rest = m.substring(Math.max(0, start));
        int slash = rest.indexOf(" / ");
        if (slash < 0) {
            return BilingualException.badRequest(m, m);
        }
        String where = place.replace("规则文件 rule file ", "").replace("--set", "").replace("--rules", "").strip();
        return BilingualException.badRequest("规则设置有误 " + where + "：" + rest.substring(0, slash),
                "invalid rule setting " + where + ": " + rest.substring(slash + 3));
    }

    /** Selections offered to users: {@code auto} and every ladder rule set. */
    public List<String> selections() {
        List<String> list = new ArrayList<>();
        list.add("auto");
        catalog.all().stream().filter(s -> s.shape().ladder()).map(RuleSet::id).forEach(list::add);
        return list;
    }

    /** The ladder rule set a selection grades with on a date ({@code auto}: the one in force). */
    public RuleSet ladderFor(String rules, LocalDate date) {
        if (rules != null && !rules.isBlank() && !rules.equals("auto")) {
            for (String id : rules.split(",")) {
                RuleSet s = catalog.get(id.strip());
                if (s != null && s.shape().ladder()) {
                    return s;
                }
            }
        }
        RuleSet pick = null;
        List<RuleSet> ladders = catalog.all().stream().filter(s -> s.shape().ladder())
                .sorted(Comparator.comparing(RuleSet::effectiveFrom)).toList();
        for (RuleSet s : ladders) {
            if (pick == null || !s.effectiveFrom().isAfter(date)) {
                pick = s;
            }
        }
        return pick;
    }

    /** The threshold keys of a rule set with their current values, in file order. */
    public Map<String, String> thresholdKeys(RuleSet set) {
        Map<String, String> m = new LinkedHashMap<>();
        set.params().asMap().forEach((k, v) -> {
            if (!META.contains(k) && !k.startsWith("transition.")) {
                m.put(k, v);
            }
        });
        return m;
    }
}
