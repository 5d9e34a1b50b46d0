package cn.srdi.app.titles;

import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.registry.RegionLoaded;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Demo data of title management: after the demo region is loaded, titles in every after-recognition
 * state, made through the same service steps an official would take (actor {@code official}), plus
 * change reports (waiting, acknowledged, late). Two firms are flagged as having missed the last
 * yearly update although the generated region has their data (the demo has no other way to show
 * the state); everything else follows the rules (the re-review grades are real grades).
 * Runs once: nothing is done when title management already has records.
 */
@Component
class TitlesDemo {

    private static final Logger log = LoggerFactory.getLogger(TitlesDemo.class);

    private final TitleService titles;
    private final TitleStore store;
    private final TitleJobs jobs;
    private final JdbcClient jdbc;

    TitlesDemo(TitleService titles, TitleStore store, TitleJobs jobs, JdbcClient jdbc) {
        this.titles = titles;
        this.store = store;
        this.jobs = jobs;
        this.jdbc = jdbc;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(RegionLoaded loaded) {
        try {
            if (jdbc.sql("select count(*) from title_case").query(Long.class).single() > 0
                    || jdbc.sql("select count(*) from change_report").query(Long.class).single() > 0) {
                return;
            }
            build();
        } catch (RuntimeException e) {
            log.warn("title demo data not made: {}", e.toString());
        }
    }

    void build() {
        Scope official = new Scope("official", Role.OFFICIAL, Set.of(), null, null);
        LocalDate today = titles.today();
        String ownFirm = jdbc.sql("select credit_code from app_user where username = 'firm'").query(String.class)
                .optional().orElse("");
        // titles in force due for re-review, soonest first, one per firm, not the demo firm user's
        List<TitleView> due = new ArrayList<>();
        Set<String> firms = new java.util.HashSet<>();
        for (TitleView v : store.list(official, TitleStore.View.REVIEW, today, titles.props().reviewWindowDays(), 400)) {
            if (v.state() == TitleState.IN_FORCE && !v.creditCode().equals(ownFirm) && firms.add(v.creditCode())) {
                due.add(v);
            }
        }
        int i = 0;
        UpdateDeadline last = titles.deadlines().lastPassed(today);
        // flagged (update missed), one of them declined for re-review
        for (int k = 0; k < 2 && i < due.size(); k++, i++) {
            titles.flagMissedUpdate(due.get(i).creditCode(), last, "system");
            if (k == 1) {
                titles.declineReview(official, due.get(i).id(), null);
            }
        }
        // under re-review: opened; opened and graded
        if (i < due.size()) {
            titles.openReview(official, due.get(i++).id(), "演示 / demo");
        }
        if (i < due.size()) {
            long id = due.get(i++).id();
            titles.openReview(official, id, null);
            safeGrade(official, id);
        }
        // decided: one pass and one fail where the grades allow
        boolean passed = false;
        boolean failed = false;
        while (i < due.size() && !(passed && failed) && i < 40) {
            long id = due.get(i++).id();
            titles.openReview(official, id, null);
            TitleView g = safeGrade(official, id);
            if (g == null) {
                continue;
            }
            boolean pass = "PASS".equals(g.reviewStatus()) || "REVIEW".equals(g.reviewStatus());
            if (pass && !passed) {
                titles.decideReview(official, id, true, "REVIEW".equals(g.reviewStatus())
                        ? "待核实条件经人工核实 / conditions under review checked by hand" : null);
                passed = true;
            } else if (!pass && !failed) {
                titles.decideReview(official, id, false, "复核评价未通过 / re-grade did not pass");
                failed = true;
            }
        }
        // revoked: an accident (ban on the tier), data fraud (every title, ban on every tier)
        if (i < due.size()) {
            titles.revoke(official, due.get(i++).id(), RevocationGround.ACCIDENT, "演示：2026 年发生较大生产安全事故 / demo: a major production accident in 2026");
        }
        String fraud = jdbc.sql("select t.credit_code from enterprise_title t where t.status = 'ACTIVE' and t.credit_code <> ? "
                        + "and not exists (select 1 from title_case c where c.credit_code = t.credit_code) "
                        + "group by t.credit_code having count(*) >= 2 order by t.credit_code fetch first 1 rows only")
                .param(ownFirm).query(String.class).optional().orElse(null);
        if (fraud != null) {
            long id = store.titlesIn(List.of(TitleState.IN_FORCE), fraud, null, null).get(0);
            titles.revoke(official, id, RevocationGround.DATA_FRAUD, "演示：申报数据造假经核实 / demo: falsified application data confirmed");
        }
        // change reports: the demo firm's (waiting), an acknowledged one, a late one
        List<String> holders = jdbc.sql("select distinct t.credit_code from enterprise_title t where t.status = 'ACTIVE' "
                        + "and not exists (select 1 from title_case c where c.credit_code = t.credit_code) order by t.credit_code "
                        + "fetch first 3 rows only").query(String.class).list();
        boolean ownHolds = !store.titlesIn(List.of(TitleState.IN_FORCE), ownFirm, null, null).isEmpty();
        if (ownHolds) {
            Scope firm = new Scope("firm", Role.ENTERPRISE, Set.of(), ownFirm, null);
            titles.fileChange(firm, ownFirm, ChangeType.RELOCATION, today.minusDays(20), "生产基地迁至礼嘉智慧公园园区 / production moved to the Lijia park");
        }
        if (holders.size() >= 2) {
            ChangeReport r = titles.fileChange(official, holders.get(0), ChangeType.RENAME, today.minusDays(40),
                    "企业名称变更（代企业报告）/ company renamed (filed on its behalf)");
            titles.acknowledge(official, r.id(), "已核对营业执照 / business licence checked");
            titles.fileChange(official, holders.get(1), ChangeType.FOREIGN_BRANCH, today.minusMonths(5),
                    "在新加坡设立分公司 / branch opened in Singapore");
        }
        TitleJobs.Result r = jobs.run(today);
        log.info("title demo: {} due titles used, fraud firm {}, jobs {}", i, fraud, r);
    }

    private TitleView safeGrade(Scope official, long id) {
        try {
            return titles.gradeReview(official, id);
        } catch (cn.srdi.app.web.BilingualException e) {
            log.info("title demo: title {} not graded: {}", id, e.en());
            return null;
        }
    }
}
