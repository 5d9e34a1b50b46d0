package cn.srdi.engine.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import cn.srdi.engine.TestProfiles;
import cn.srdi.engine.model.Tier;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the golden cases that sit beside each rule file ({@code <id>.cases.csv}): a base row, then
 * one case per line with the changes to the base row and the expected results.
 */
class RuleSetGoldenCasesTest {
    private static final List<String> FILES = List.of("cn-2022", "cn-2026");

    record Case(String file, long line, String name, String rules, LocalDate date, String set, String expect) {
    }

    @TestFactory
    Stream<DynamicTest> every_golden_case_of_every_rule_set_holds() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String id : FILES) {
            List<Case> cases = read(id);
            assertThat(cases).as("cases of " + id).hasSizeGreaterThan(50);
            String base = cases.get(0).set();
            for (Case c : cases.subList(1, cases.size())) {
                tests.add(DynamicTest.dynamicTest(id + ":" + c.line() + " " + c.name(), () -> check(c, base)));
            }
        }
        return tests.stream();
    }

    static List<Case> read(String id) throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = RuleSetGoldenCasesTest.class.getResourceAsStream("/cn/srdi/engine/rules/" + id + ".cases.csv");
             CsvReader<CsvRecord> csv = CsvReader.builder().commentStrategy(de.siegmar.fastcsv.reader.CommentStrategy.SKIP)
                     .ofCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean header = true;
            for (CsvRecord r : csv) {
                if (header) {
                    header = false;
                    continue;
                }
                out.add(new Case(id, r.getStartingLineNumber(), r.getField(0), r.getField(1), LocalDate.parse(r.getField(2)),
                        r.getField(3), r.getField(4)));
            }
        }
        assertThat(out.get(0).name()).isEqualTo("base");
        return out;
    }

    static void check(Case c, String base) {
        Map<String, String> cells = TestProfiles.toMap(base);
        cells.putAll(TestProfiles.toMap(c.set()));
        cells.put("assessment_date", c.date().toString());
        Grader grader = new Grader(RuleCatalog.builtIn(), c.rules(), LocalDate.of(2026, 11, 22));
        Grade g = grader.grade(TestProfiles.parse(cells));
        for (Map.Entry<String, String> e : TestProfiles.toMap(c.expect()).entrySet()) {
            String key = e.getKey();
            String want = e.getValue();
            String where = c.file() + " line " + c.line() + " \"" + c.name() + "\": " + key;
            if (key.endsWith(".notes")) {
                List<String> notes = List.of(actual(g, key).split("\\+"));
                for (String n : want.split("\\+")) {
                    assertThat(notes).as(where).contains(n);
                }
            } else {
                assertThat(actual(g, key)).as(where).isEqualTo(want);
            }
        }
    }

    static String actual(Grade g, String key) {
        switch (key) {
            case "eligible_tier":
                return g.eligibleTierName();
            case "sme_class":
                return g.smeClass().name();
            case "rule_sets":
                return String.join("+", g.ruleSets());
            default:
                break;
        }
        if (key.startsWith("missing.")) {
            List<Tier> m = g.missingTitles().get(Tier.valueOf(key.substring(8)));
            return m == null ? "" : String.join("+", m.stream().map(Tier::name).toList());
        }
        int dot = key.lastIndexOf('.');
        String subject = key.substring(0, dot);
        String field = key.substring(dot + 1);
        Tier tier = null;
        int slash = subject.indexOf('/');
        if (slash > 0) {
            tier = Tier.valueOf(subject.substring(0, slash));
            subject = subject.substring(slash + 1);
        }
        Tier asTier = tierOrNull(subject);
        if (asTier != null) {
            TierResult r = g.tier(asTier);
            if (r == null) {
                return "NOT_GRADED";
            }
            return switch (field) {
                case "status" -> r.status().name();
                case "score" -> String.valueOf(r.score());
                case "route" -> String.valueOf(r.route());
                case "rule_set" -> r.ruleSetId();
                case "innovative_score" -> String.valueOf(r.innovativeScore());
                case "tech_sme_score" -> String.valueOf(r.techSmeScore());
                default -> fail("unknown tier field " + field);
            };
        }
        for (TierResult r : g.tiers()) {
            if (tier != null && r.tier() != tier) {
                continue;
            }
            int i = r.indexOf(subject);
            if (i < 0) {
                continue;
            }
            return switch (field) {
                case "status" -> r.conditionStatus(i).name();
                case "points" -> String.valueOf(r.points(i));
                case "notes" -> String.join("+", r.notes(i).stream().map(Enum::name).toList());
                default -> fail("unknown condition field " + field);
            };
        }
        return fail("no condition " + subject + " in " + g.ruleSets());
    }

    private static Tier tierOrNull(String s) {
        for (Tier t : Tier.values()) {
            if (t.name().equals(s)) {
                return t;
            }
        }
        return null;
    }
}
