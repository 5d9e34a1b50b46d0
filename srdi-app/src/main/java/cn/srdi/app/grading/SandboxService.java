package cn.srdi.app.grading;

import cn.srdi.app.audit.AuditTrail;
import cn.srdi.app.identity.CurrentUser;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.web.BilingualException;
import cn.srdi.engine.reference.IndustryCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Service;

/**
 * The policy sandbox: re-grades the region under other rules (another rule set for everyone
 * and/or changed thresholds, validated by the engine) into a SANDBOX run, and compares it with
 * the region under the base rules (the latest official region run at the same date, or a fresh
 * SANDBOX_BASE run). Sandbox runs are never official grades.
 */
@Service
public class SandboxService {

    /** Firms holding a rung (at least that eligible tier; CHAMPION by its own status) under base and sandbox. */
    public record TierChange(String tier, long base, long sandbox, long gained, long lost) {
    }

    /** A firm whose eligible tier or champion status differs. */
    public record Change(String creditCode, String name, String parkId, String section, String baseTier, String newTier,
                         boolean baseChampion, boolean newChampion) {
        /** +1 up the ladder, -1 down, 0 same rung (champion status changed only). */
        public int direction() {
            int d = GradeSummary.rank(newTier) - GradeSummary.rank(baseTier);
            if (d == 0 && baseChampion != newChampion) {
                return newChampion ? 1 : -1;
            }
            return Integer.signum(d);
        }
    }

    /** Firms up and down per park or industry section. */
    public record Breakdown(String key, String labelZh, String labelEn, long up, long down) {
    }

    /** The comparison of a sandbox run with its base. */
    public record Comparison(GradeRun run, GradeRun base, int firms, List<TierChange> tiers, List<Breakdown> byPark,
                             List<Breakdown> bySection, List<Change> changes) {
        public long gainedTotal() {
            return changes.stream().filter(c -> c.direction() > 0).count();
        }

        public long lostTotal() {
            return changes.stream().filter(c -> c.direction() < 0).count();
        }
    }

    static final List<String> RUNGS = List.of("RUNG1", "SRDI", "LITTLE_GIANT", "CHAMPION");

    private static final Map<String, String> SECTION_EN = Map.ofEntries(Map.entry("A", "Agriculture"),
            Map.entry("B", "Mining"), Map.entry("C", "Manufacturing"), Map.entry("D", "Utilities"),
            Map.entry("E", "Construction"), Map.entry("F", "Wholesale and retail"), Map.entry("G", "Transport and storage"),
            Map.entry("H", "Accommodation and catering"), Map.entry("I", "Information and software"),
            Map.entry("J", "Finance"), Map.entry("K", "Real estate"), Map.entry("L", "Leasing and business services"),
            Map.entry("M", "Research and technical services"), Map.entry("N", "Water, environment and public facilities"),
            Map.entry("O", "Resident and repair services"), Map.entry("P", "Education"), Map.entry("Q", "Health and social work"),
            Map.entry("R", "Culture, sports and entertainment"), Map.entry("S", "Public administration"),
            Map.entry("T", "International organisations"));

    private final GradingService grading;
    private final GradingRules rules;
    private final GradeStore store;
    private final AuditTrail audit;

    public SandboxService(GradingService grading, GradingRules rules, GradeStore store, AuditTrail audit) {
        this.grading = grading;
        this.rules = rules;
        this.store = store;
        this.audit = audit;
    }

    /**
     * Runs the sandbox: validates the changed rules with the engine (a bad key or value is refused
     * with the engine's message before anything is written), finds or grades the base, grades the
     * region under the changed rules, and returns the SANDBOX run.
     */
    public GradeRun run(Scope scope, LocalDate date, String ruleSet, Map<String, String> settings) {
        CurrentUser.require(scope.canManageRegion(), "policy sandbox");
        RuleChoice changed = new RuleChoice(ruleSet, settings);
        GradingRules.Compiled c = rules.compile(changed, date);
        String by = scope.username();
        // the official region run is the base when it graded the registry as it is now
        java.time.LocalDateTime registryChanged = store.registryChangedAt();
        Optional<GradeRun> official = store.latestRegion(date).filter(r -> "auto".equals(r.rules()) && r.settings() == null
                && (registryChanged == null || r.startedAt().isAfter(registryChanged)));
        long baseId;
        if (official.isPresent()) {
            baseId = official.get().id();
        } else {
            GradingRules.Compiled base = rules.compile(RuleChoice.auto(), date);
            baseId = grading.inNew(() -> store.insertRun(GradeRun.SANDBOX_BASE, base.choice(), base.digest(), date, by,
                    GradeRun.RUNNING, 0, null));
            pass(baseId, base, date);
        }
        long id = grading.inNew(() -> store.insertRun(GradeRun.SANDBOX, changed, c.digest(), date, by, GradeRun.RUNNING, 0, baseId));
        pass(id, c, date);
        grading.inNew(() -> {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("assessment_date", date.toString());
            after.put("rules", changed.rules());
            after.put("settings", changed.settings());
            after.put("rules_digest", c.digest());
            after.put("base_run", baseId);
            audit.recordAs(by, "SANDBOX_RUN", "grade_run", Long.toString(id), null, after);
            return null;
        });
        return store.run(id).orElseThrow();
    }

    private void pass(long id, GradingRules.Compiled c, LocalDate date) {
        try {
            grading.gradeAll(id, c, date);
            grading.inNew(() -> {
                store.finish(id, GradeRun.DONE, null);
                return null;
            });
        } catch (RuntimeException e) {
            grading.inNew(() -> {
                store.finish(id, GradeRun.FAILED, e.getMessage());
                return null;
            });
            throw e;
        }
    }

    /** The comparison of a sandbox run with its base run. */
    public Comparison compare(Scope scope, long runId) {
        CurrentUser.require(scope.canManageRegion(), "policy sandbox");
        GradeRun run = store.run(runId).filter(r -> GradeRun.SANDBOX.equals(r.kind()))
                .orElseThrow(() -> BilingualException.notFound("没有编号为 " + runId + " 的沙盘运行", "no sandbox run " + runId));
        GradeRun base = store.run(run.baseRunId()).orElseThrow();
        Map<String, GradeStore.Brief> before = store.briefs(base.id());
        Map<String, GradeStore.Brief> after = store.briefs(run.id());
        long[][] counts = new long[RUNGS.size()][4]; // base, sandbox, gained, lost
        List<Change> changes = new ArrayList<>();
        for (GradeStore.Brief a : after.values()) {
            GradeStore.Brief b = before.get(a.creditCode());
            if (b == null) {
                continue; // not graded in the base (no indicators then): nothing to compare
            }
            String baseTier = b.eligibleTier();
            boolean baseCh = "PASS".equals(b.statusChampion());
            boolean newCh = "PASS".equals(a.statusChampion());
            int rb = GradeSummary.rank(baseTier);
            int ra = GradeSummary.rank(a.eligibleTier());
            for (int i = 0; i < 3; i++) {
                boolean hb = rb >= i + 1;
                boolean ha = ra >= i + 1;
                tally(counts[i], hb, ha);
            }
            tally(counts[3], baseCh, newCh);
            if (rb != ra || baseCh != newCh || !baseTier.equals(a.eligibleTier())) {
                changes.add(new Change(a.creditCode(), a.name(), a.parkId(), section(a.industryCode()), baseTier,
                        a.eligibleTier(), baseCh, newCh));
            }
        }
        List<TierChange> tiers = new ArrayList<>();
        for (int i = 0; i < RUNGS.size(); i++) {
            tiers.add(new TierChange(RUNGS.get(i), counts[i][0], counts[i][1], counts[i][2], counts[i][3]));
        }
        changes.sort(Comparator.comparingInt((Change ch) -> -ch.direction()).thenComparing(Change::creditCode));
        Map<String, String[]> parks = store.parks();
        Map<String, long[]> byPark = new TreeMap<>();
        Map<String, long[]> bySection = new TreeMap<>();
        for (Change ch : changes) {
            int d = ch.direction();
            long[] p = byPark.computeIfAbsent(ch.parkId() == null ? "" : ch.parkId(), k -> new long[2]);
            long[] s = bySection.computeIfAbsent(ch.section() == null ? "" : ch.section(), k -> new long[2]);
            if (d > 0) {
                p[0]++;
                s[0]++;
            } else if (d < 0) {
                p[1]++;
                s[1]++;
            }
        }
        List<Breakdown> parkRows = new ArrayList<>();
        byPark.forEach((k, v) -> {
            String[] names = parks.get(k);
            parkRows.add(new Breakdown(k, names == null ? "园区外" : names[0], names == null ? "outside the parks" : names[1], v[0], v[1]));
        });
        List<Breakdown> sectionRows = new ArrayList<>();
        bySection.forEach((k, v) -> sectionRows.add(new Breakdown(k, k + " " + nz(IndustryCatalog.standard().name(k)),
                k + " " + SECTION_EN.getOrDefault(k, ""), v[0], v[1])));
        return new Comparison(run, base, after.size(), tiers, parkRows, sectionRows, changes);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void tally(long[] c, boolean before, boolean after) {
        if (before) {
            c[0]++;
        }
        if (after) {
            c[1]++;
        }
        if (!before && after) {
            c[2]++;
        }
        if (before && !after) {
            c[3]++;
        }
    }

    /** The 门类 letter of a GB/T 4754 code (with or without its letter). */
    static String section(String industryCode) {
        if (industryCode == null || industryCode.isEmpty()) {
            return null;
        }
        char c0 = industryCode.charAt(0);
        if (c0 >= 'A' && c0 <= 'Z') {
            return String.valueOf(c0);
        }
        return industryCode.length() >= 2 ? IndustryCatalog.standard().sectionOf(industryCode.substring(0, 2)) : null;
    }

    /** The changed firms of a sandbox run as an XLSX workbook (labels in the request language). */
    public byte[] changesXlsx(Scope scope, long runId, boolean zh) {
        Comparison cmp = compare(scope, runId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "SRDI", "1.0");
            Worksheet ws = wb.newWorksheet(zh ? "政策沙盘变化" : "sandbox changes");
            String[] head = zh
                    ? new String[] {"统一社会信用代码", "企业名称", "园区", "门类", "基准梯度", "沙盘梯度", "基准单项冠军", "沙盘单项冠军", "变化"}
                    : new String[] {"credit code", "name", "park", "section", "base tier", "sandbox tier", "base champion",
                        "sandbox champion", "change"};
            for (int i = 0; i < head.length; i++) {
                ws.value(0, i, head[i]);
                ws.style(0, i).bold().set();
            }
            int r = 1;
            for (Change ch : cmp.changes()) {
                ws.value(r, 0, ch.creditCode());
                ws.value(r, 1, ch.name());
                ws.value(r, 2, ch.parkId());
                ws.value(r, 3, ch.section());
                ws.value(r, 4, ch.baseTier());
                ws.value(r, 5, ch.newTier());
                ws.value(r, 6, ch.baseChampion());
                ws.value(r, 7, ch.newChampion());
                ws.value(r, 8, ch.direction() > 0 ? (zh ? "上升" : "up") : ch.direction() < 0 ? (zh ? "下降" : "down") : "");
                r++;
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
