package cn.srdi.app.cultivation;

import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.identity.UserAccounts;
import cn.srdi.app.print.PdfDocuments;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Demo rounds and cases in every state, built through the real service (so every step is
 * audited) after the first grade of the demo region: a finished round with recognised firms and an
 * upheld objection, an open SRDI round with a case in each state, and an open little-giant round
 * where the demo firm's application was returned for correction.
 */
@Component
class CultivationDemo {

    private static final Logger log = LoggerFactory.getLogger(CultivationDemo.class);

    private final CultivationService service;
    private final CultivationStore store;
    private final UserAccounts users;
    private final PdfDocuments pdf;
    private final boolean enabled;
    private final String password;

    CultivationDemo(CultivationService service, CultivationStore store, UserAccounts users, PdfDocuments pdf,
                    @Value("${srdi.demo.enabled:false}") boolean demoRegion, @Value("${srdi.demo.password:srdi2026}") String password) {
        this.service = service;
        this.store = store;
        this.users = users;
        this.pdf = pdf;
        this.enabled = demoRegion && service.properties().demo();
        this.password = password;
    }

    synchronized void buildIfWanted(long runId) {
        if (!enabled || !service.rounds().isEmpty()) {
            return;
        }
        try {
            build(runId);
        } catch (RuntimeException e) {
            log.warn("cultivation demo not (fully) built: {}", e.toString(), e);
        }
    }

    private Scope firm(String code) {
        return new Scope("demo-" + code.substring(10), Role.ENTERPRISE, Set.of(), code, null);
    }

    private static final Scope OFFICIAL = new Scope("official", Role.OFFICIAL, Set.of(), null, null);

    void build(long runId) {
        experts();
        String demoFirm = store.jdbc().sql("select credit_code from app_user where username = 'firm'").query(String.class)
                .optional().orElse(null);
        List<String> firms = store.jdbc().sql("select g.credit_code from grade_record g where g.run_id = ? "
                        + "and (g.eligible_tier = 'SRDI' or (g.next_tier = 'SRDI' and g.next_gap_count <= 2)) "
                        + "and not exists (select 1 from enterprise_title t where t.credit_code = g.credit_code and t.tier = 'SRDI') "
                        + "order by g.credit_code fetch first 20 rows only")
                .param(runId).query(String.class).list().stream().filter(c -> !c.equals(demoFirm)).toList();
        if (firms.size() < 15) {
            log.info("cultivation demo: only {} candidate firms, no demo rounds", firms.size());
            return;
        }
        LocalDate today = service.today();
        byte[] evidence = pdf.render(PageSize.A4, false, d -> d.add(new Paragraph("研发费用专项审计报告（演示） / R&D audit report (demo)",
                pdf.font(14))));

        // a finished round: two recognised, one objection upheld
        Round done = service.createRound(OFFICIAL, new CultivationService.RoundInput("SRDI", "2026年第一批专精特新中小企业认定",
                today.minusDays(60), today.plusDays(30), "auto", 10, List.of("DISTRICT", "EXPERT"), true, 3, 5));
        service.setRoundStatus(OFFICIAL, done.id(), Round.OPEN);
        List<Long> decided = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long id = submitted(firms.get(i), done.id(), evidence);
            service.pass(OFFICIAL, id, 85, "材料齐全 / complete");
            expertsReview(id, 80 + i);
            service.approve(OFFICIAL, id, "专家评审通过 / passed the expert review");
            decided.add(id);
        }
        service.publishNotice(OFFICIAL, done.id());
        service.object(new Scope("park-dadi", Role.PARK_OPERATOR, Set.of("DADI", "TIANHAIXING"), null, null), decided.get(2),
                "该企业上年度存在环保处罚记录 / an environmental penalty last year");
        service.resolveObjection(OFFICIAL, decided.get(2), true, "经核实异议成立 / the objection is upheld after checking");
        store.update("update cult_case set notice_from = ?, notice_until = ? where round_id = ? and state = 'NOTICE'",
                CultivationStore.date(today.minusDays(12)), CultivationStore.date(today.minusDays(8)), done.id());
        service.recognise(OFFICIAL, done.id());
        service.setRoundStatus(OFFICIAL, done.id(), Round.CLOSED);

        // an open round with a case in every state
        Round open = service.createRound(OFFICIAL, new CultivationService.RoundInput("SRDI", "2026年第二批专精特新中小企业认定",
                today.minusDays(5), today.plusDays(40), "auto", null, List.of("DISTRICT", "MUNICIPAL", "EXPERT"), true, 3, 5));
        service.setRoundStatus(OFFICIAL, open.id(), Round.OPEN);
        int f = 3;
        service.apply(firm(firms.get(f++)), open.id()); // DRAFT
        submitted(firms.get(f++), open.id(), evidence); // DISTRICT_REVIEW
        long municipal = submitted(firms.get(f++), open.id(), evidence);
        service.pass(OFFICIAL, municipal, 82, "初审通过 / passed");
        for (int k = 0; k < 2; k++) { // EXPERT_REVIEW (experts drawn, reviews open)
            long expert = submitted(firms.get(f++), open.id(), evidence);
            service.pass(OFFICIAL, expert, 80, "初审通过 / passed");
            service.pass(OFFICIAL, expert, 81, "复审通过 / passed");
        }
        throughExperts(firms.get(f++), open.id(), evidence); // DECISION
        long returned = submitted(firms.get(f++), open.id(), evidence);
        service.returnForCorrection(OFFICIAL, returned, "缺少2025年度研发费用专项审计报告 / the 2025 R&D audit report is missing",
                today.plusDays(10)); // RETURNED
        long onNotice = throughExperts(firms.get(f++), open.id(), evidence);
        long objected = throughExperts(firms.get(f++), open.id(), evidence);
        service.approve(OFFICIAL, onNotice, "拟认定 / approved");
        service.approve(OFFICIAL, objected, "拟认定 / approved");
        service.publishNotice(OFFICIAL, open.id()); // NOTICE
        service.object(new Scope("park-lijia", Role.PARK_OPERATOR, Set.of("LIJIA"), null, null), objected,
                "实际经营地址不在本区 / the firm does not operate in the district"); // OBJECTED
        long approved = throughExperts(firms.get(f++), open.id(), evidence);
        service.approve(OFFICIAL, approved, "拟认定 / approved"); // APPROVED
        long rejected = submitted(firms.get(f++), open.id(), evidence);
        service.reject(OFFICIAL, rejected, "主营业务收入占比不足 / main business share too low"); // REJECTED
        CaseView w = service.apply(firm(firms.get(f++)), open.id());
        service.withdraw(firm(w.creditCode()), w.id(), "暂不申报 / not this year"); // WITHDRAWN

        // the demo firm follows its own case: returned for correction in a little-giant round
        Round giant = service.createRound(OFFICIAL, new CultivationService.RoundInput("LITTLE_GIANT", "2026年专精特新\"小巨人\"推荐",
                today.minusDays(5), today.plusDays(40), "auto", 5, List.of("MUNICIPAL", "EXPERT"), false, 3, 5));
        service.setRoundStatus(OFFICIAL, giant.id(), Round.OPEN);
        if (demoFirm != null) {
            try {
                long own = submitted(demoFirm, giant.id(), evidence, new Scope("firm", Role.ENTERPRISE, Set.of(), demoFirm, null));
                service.returnForCorrection(OFFICIAL, own, "请补充近两年主导产品市场占有率证明 / add proof of the main product's market share",
                        today.plusDays(14));
            } catch (RuntimeException e) {
                log.info("cultivation demo: the demo firm has no case ({})", e.getMessage());
            }
        }
        log.info("cultivation demo: 3 rounds, cases in every state");
    }

    private void experts() {
        List<String[]> demo = List.of(new String[] {"expert", null, "智能制造"}, new String[] {"expert2", "LIJIA", "数字经济"},
                new String[] {"expert3", "DADI", "新能源汽车"}, new String[] {"expert4", null, "生物医药"},
                new String[] {"expert5", "ZHAOMUSHAN", "财务审计"}, new String[] {"expert6", null, "知识产权"});
        for (String[] e : demo) {
            if (!users.exists(e[0])) {
                users.create(new UserAccounts.NewUser(e[0], password, "评审专家 " + e[0], Role.EXPERT, Set.of(), null, null,
                        "专家库 / expert pool"));
            }
            String park = e[1] == null ? null : store.jdbc().sql("select id from park where id = ?").param(e[1])
                    .query(String.class).optional().orElse(null);
            service.registerExpert(OFFICIAL, e[0], park, e[2]);
        }
    }

    private long submitted(String code, long round, byte[] evidence) {
        return submitted(code, round, evidence, firm(code));
    }

    private long submitted(String code, long round, byte[] evidence, Scope firm) {
        CaseView c = service.apply(firm, round);
        service.attach(firm, c.id(), "研发费用专项审计报告.pdf", evidence);
        service.sign(firm, c.id());
        return service.submit(firm, c.id()).id();
    }

    private long throughExperts(String code, long round, byte[] evidence) {
        long id = submitted(code, round, evidence);
        service.pass(OFFICIAL, id, 84, "初审通过 / passed");
        service.pass(OFFICIAL, id, 83, "复审通过 / passed");
        expertsReview(id, 86);
        return id;
    }

    private void expertsReview(long id, int score) {
        for (CultivationStore.Review v : store.reviews(id)) {
            if (v.stage() == ReviewStage.EXPERT && v.submittedAt() == null) {
                service.submitReview(new Scope(v.reviewer(), Role.EXPERT, Set.of(), null, null), v.id(), score, "PASS",
                        "专业化、创新能力突出 / strong specialisation and innovation");
            }
        }
    }
}
