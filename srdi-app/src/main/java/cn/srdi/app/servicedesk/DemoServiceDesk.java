package cn.srdi.app.servicedesk;

import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.UserAccounts;
import cn.srdi.app.registry.RegionLoaded;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo of the enterprise code service, made once the demo region is loaded (and at start on a
 * database that has the region but not yet this module's demo): departments with a handler and a
 * supervisor each, the coordinator, routing rules, a code for every firm, and a year of requests
 * (one for about every second firm) replayed day by day through the real transitions, so every
 * state, escalation, late and on-time stage, reopen and rating is there. Deterministic: the same
 * seed and the same "today" give the same requests.
 */
@Component
@Order(Integer.MAX_VALUE)
class DemoServiceDesk implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoServiceDesk.class);

    /** id, 中文, English, handler login, supervisor login, categories handled region-wide. */
    static final String[][] DEPARTMENTS = {
        {"FIN", "区金融工作局", "Financial Affairs Bureau", "fin-handler", "fin-chief", "FINANCE"},
        {"HR", "区人力社保局", "Human Resources and Social Security Bureau", "hr-handler", "hr-chief", "TALENT"},
        {"PLAN", "区规划自然资源局", "Planning and Natural Resources Bureau", "plan-handler", "plan-chief", "LAND"},
        {"TECH", "区科技局", "Science and Technology Bureau", "handler", "tech-chief", "TECHNOLOGY"},
        {"COMMERCE", "区商务委", "Commerce Commission", "commerce-handler", "commerce-chief", "MARKET"},
        {"ECON", "区经信委", "Economy and Information Commission", "econ-handler", "econ-chief", "POLICY"},
        {"APPROVAL", "区行政审批局", "Administrative Approval Bureau", "approval-handler", "approval-chief", "PERMITS"},
        {"LIJIA_DESK", "礼嘉园区企业服务站", "Lijia Park Service Desk", "lijia-handler", "lijia-chief", ""},
        {"SVC", "区企业服务中心（统筹）", "Enterprise Service Centre (coordinator)", "svc-handler", "coordinator", "OTHER"},
    };

    static final String[][] TEXTS = {
        {"FINANCE", "流动资金贷款", "公司订单增长较快，流动资金紧张，希望对接银行办理500万元信用贷款，并了解贴息政策。"},
        {"FINANCE", "知识产权质押融资", "我们有12项发明专利，想申请知识产权质押融资，请问园区有没有合作的银行和担保机构？"},
        {"TALENT", "招聘高级工程师", "新产线投产需要招聘30名技术工人和5名高级工程师，希望协助对接高校毕业生和人才政策。"},
        {"TALENT", "博士落户与人才补贴", "公司引进的2名博士办理落户和人才补贴申报遇到问题，请协助。"},
        {"LAND", "扩建厂房用地", "现有厂房已满负荷，计划扩建，需要约20亩工业用地或标准厂房，请协调。"},
        {"LAND", "办公场地租金", "园区办公室租金上涨，希望了解租金减免和人才公寓申请办法。"},
        {"TECHNOLOGY", "产学研合作", "希望与高校共建实验室，开展研发合作和成果转化，请推荐合适的团队。"},
        {"TECHNOLOGY", "检测认证", "新产品需要第三方检测认证，请推荐有资质的检测机构并了解费用补贴。"},
        {"MARKET", "展会与订单对接", "希望参加明年的国际展会，拓展海外市场和外贸订单，请协助对接。"},
        {"MARKET", "供应链配套", "想进入整车企业的供应链配套体系，希望组织采购对接会。"},
        {"POLICY", "专精特新申报咨询", "我们想申报专精特新中小企业，请解读认定条件和申报材料。"},
        {"POLICY", "研发费用加计扣除", "咨询研发费用加计扣除和高新技术企业税收优惠政策。"},
        {"PERMITS", "环评审批", "新建生产线需要办理环评审批和排污许可，进度较慢，请协调加快。"},
        {"PERMITS", "消防验收", "新厂房装修后需要消防验收和施工许可，请告知办理流程。"},
        {"OTHER", "周边交通", "附近公交班次太少，上下班不便，希望增加班次。"},
        {"OTHER", "食堂建议", "建议增设职工食堂。"},
    };

    private final Departments departments;
    private final UserAccounts users;
    private final FirmCodes codes;
    private final ServiceDesk desk;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Environment env;

    DemoServiceDesk(Departments departments, UserAccounts users, FirmCodes codes, ServiceDesk desk, JdbcClient jdbc,
                    PlatformTransactionManager txm, Environment env) {
        this.departments = departments;
        this.users = users;
        this.codes = codes;
        this.desk = desk;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txm);
        this.env = env;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(RegionLoaded loaded) {
        ensure();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (env.getProperty("srdi.demo.enabled", Boolean.class, true)
                && jdbc.sql("select count(*) from enterprise").query(Long.class).single() > 0) {
            ensure();
        }
    }

    /** Makes whatever part of the demo is missing (idempotent). */
    synchronized void ensure() {
        if (jdbc.sql("select count(*) from sd_department").query(Long.class).single() == 0) {
            tx.executeWithoutResult(s -> departmentsAndUsers());
        }
        codes.issueMissing();
        if (jdbc.sql("select count(*) from sd_request").query(Long.class).single() == 0) {
            long t0 = System.nanoTime();
            int n = requests(env.getProperty("srdi.demo.seed", Long.class, 2022L));
            log.info("servicedesk demo: {} requests over a year in {} ms", n, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private void departmentsAndUsers() {
        String pw = env.getProperty("srdi.demo.password", "srdi2026");
        for (String[] d : DEPARTMENTS) {
            jdbc.sql("insert into sd_department (id, name_zh, name_en, supervisor, coordinating) values (?, ?, ?, null, ?)")
                    .params(d[0], d[1], d[2], "SVC".equals(d[0])).update();
            for (String[] u : new String[][] {{d[3], d[1] + " 经办人"}, {d[4], d[1] + " 负责人"}}) {
                if (!users.exists(u[0])) {
                    users.create(new UserAccounts.NewUser(u[0], pw, u[1], Role.HANDLER, Set.of(), null, d[0], d[1]));
                } else {
                    jdbc.sql("update app_user set department = ? where username = ? and role = 'HANDLER'").params(d[0], u[0]).update();
                }
            }
            jdbc.sql("update sd_department set supervisor = ? where id = ?").params(d[4], d[0]).update();
            if (!d[5].isEmpty()) {
                jdbc.sql("insert into sd_routing_rule (category, park_id, department_id) values (?, null, ?)").params(d[5], d[0]).update();
            }
        }
        if (jdbc.sql("select count(*) from park where id = 'LIJIA'").query(Long.class).single() > 0) {
            for (String c : new String[] {"LAND", "PERMITS"}) {
                jdbc.sql("insert into sd_routing_rule (category, park_id, department_id) values (?, 'LIJIA', 'LIJIA_DESK')")
                        .param(c).update();
            }
        }
        departments.forgetRouting();
    }

    /** A year of requests up to now, replayed in time order through the service's transitions. */
    int requests(long seed) {
        Random rnd = new Random(seed * 31 + 5);
        List<String> firms = jdbc.sql("select credit_code from enterprise order by credit_code").query(String.class).list();
        LocalDateTime now = desk.now().withNano(0);
        LocalDateTime start = now.minusDays(365);
        int count = firms.size() / 2;
        List<Object[]> plans = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String firm = firms.get(rnd.nextInt(firms.size()));
            long minutes = (long) (rnd.nextDouble() * 365 * 24 * 60);
            LocalDateTime at = start.plusMinutes(minutes);
            if (at.getDayOfWeek() == DayOfWeek.SATURDAY || at.getDayOfWeek() == DayOfWeek.SUNDAY) {
                at = at.plusDays(2); // most requests come on working days
            }
            at = at.toLocalDate().atTime(LocalTime.of(8 + rnd.nextInt(10), rnd.nextInt(60)));
            if (at.isAfter(now)) {
                at = now.minusHours(1 + rnd.nextInt(48));
            }
            plans.add(new Object[] {at, firm, rnd.nextLong(), -1});
        }
        // the last two days: requests stopped at each step, so every open state (and a resolved one still
        // in its confirmation window, whatever the hour the demo is built) is on the desk today
        for (int k = 0; k < 12; k++) {
            LocalDateTime at = now.minusHours(40 - k * 3L);
            plans.add(new Object[] {at, firms.get(rnd.nextInt(firms.size())), rnd.nextLong(), k % 5});
        }
        String own = jdbc.sql("select credit_code from app_user where username = 'firm'").query(String.class).optional().orElse(null);
        if (own != null) { // the demo firm user has requests of its own in several states
            for (int k = 0; k < 4; k++) {
                plans.add(new Object[] {now.minusDays(3 + k * 40L).toLocalDate().atTime(10, 0), own, rnd.nextLong(), -1});
            }
        }
        plans.sort((a, b) -> ((LocalDateTime) a[0]).compareTo((LocalDateTime) b[0]));
        int n = 0;
        for (int from = 0; from < plans.size(); from += 200) {
            List<Object[]> batch = plans.subList(from, Math.min(plans.size(), from + 200));
            tx.executeWithoutResult(s -> {
                for (Object[] p : batch) {
                    replay((LocalDateTime) p[0], (String) p[1], new Random((Long) p[2]), now, (Integer) p[3]);
                }
            });
            n += batch.size();
        }
        return n;
    }

    /** One request's life, stopping at "now": how far it gets and how fast is drawn from the generator. */
    private void replay(LocalDateTime at, String firm, Random rnd, LocalDateTime now, int stopAfter) {
        String[] text = TEXTS[rnd.nextInt(TEXTS.length)];
        boolean chooseOther = rnd.nextInt(10) == 0; // a firm sometimes picks another category than suggested
        String category = chooseOther ? Category.values()[rnd.nextInt(Category.values().length)].name() : null;
        String user = jdbc.sql("select username from app_user where credit_code = ? and role = 'ENTERPRISE' fetch first 1 rows only")
                .param(firm).query(String.class).optional().orElse("firm-" + firm);
        long id = desk.submitAt(firm, user, new ServiceDesk.Intake(category, text[1], text[2]), List.of(), "127.0.0.1", at, false);
        LocalDateTime t = at;
        boolean slow = rnd.nextInt(6) == 0;
        if (stopAfter >= 0) { // a recent request taken exactly to one state: SUBMITTED, ACCEPTED, REPLIED, WAITING_FIRM, RESOLVED
            String dept = desk.storeFind(id).departmentId();
            LocalDateTime s = at;
            RequestAction[] path = {RequestAction.ACCEPT, stopAfter == 3 ? RequestAction.ASK_MORE : RequestAction.REPLY,
                    RequestAction.RESOLVE};
            int steps = stopAfter == 4 ? 3 : Math.min(stopAfter, 2);
            for (int k = 0; k < steps; k++) {
                s = s.plusMinutes(30);
                desk.actAt(id, path[k], ServiceDesk.ActionInput.note(k == 0 ? null : k == 2 ? "已协调解决，详见答复意见"
                        : stopAfter == 3 ? "请补充相关证明材料" : "已收悉，正在办理"), List.of(), handlerOf(dept), s, false);
            }
            step(id, s, Long.MAX_VALUE / 4, now);
            return;
        }
        // sweep escalations that fall due before each step, as the scheduled sweep would have
        t = step(id, t, hours(rnd, slow ? 30 : 3, slow ? 60 : 20), now);
        if (t == null) {
            return;
        }
        ServiceRequest r = desk.storeFind(id);
        String dept = r.departmentId();
        if (rnd.nextInt(12) == 0 && !departments.isCoordinator(dept)) {
            desk.actAt(id, RequestAction.DECLINE, ServiceDesk.ActionInput.note("不属于本部门职责范围，请统筹部门协调"), List.of(),
                    handlerOf(dept), t, false);
            t = step(id, t, hours(rnd, 2, 20), now);
            if (t == null) {
                return;
            }
            desk.actAt(id, RequestAction.TRANSFER, new ServiceDesk.ActionInput("转交主责部门办理", "ECON", null, null), List.of(),
                    handlerOf(desk.storeFind(id).departmentId()), t, false);
            t = step(id, t, hours(rnd, 1, 20), now);
            if (t == null) {
                return;
            }
        }
        dept = desk.storeFind(id).departmentId();
        desk.actAt(id, RequestAction.ACCEPT, ServiceDesk.ActionInput.note(null), List.of(), handlerOf(dept), t, false);
        t = step(id, t, hours(rnd, slow ? 40 : 4, slow ? 90 : 40), now);
        if (t == null) {
            return;
        }
        if (rnd.nextInt(4) == 0) {
            desk.actAt(id, RequestAction.ASK_MORE, ServiceDesk.ActionInput.note("请补充近三年财务报表和相关证明材料"), List.of(),
                    handlerOf(dept), t, false);
            t = step(id, t, hours(rnd, 10, 120), now);
            if (t == null) {
                return;
            }
            desk.actAt(id, RequestAction.SUPPLY, ServiceDesk.ActionInput.note("已补充财务报表和证明材料"), List.of(), firmUser(id), t, false);
            t = step(id, t, hours(rnd, 2, 30), now);
            if (t == null) {
                return;
            }
        } else {
            desk.actAt(id, RequestAction.REPLY, ServiceDesk.ActionInput.note("已收悉，正在与相关单位对接，请保持电话畅通"), List.of(),
                    handlerOf(dept), t, false);
            t = step(id, t, hours(rnd, slow ? 150 : 20, slow ? 400 : 200), now);
            if (t == null) {
                return;
            }
        }
        desk.actAt(id, RequestAction.RESOLVE, ServiceDesk.ActionInput.note("已协调解决，详见答复意见"), List.of(), handlerOf(dept), t, false);
        int fate = rnd.nextInt(10);
        if (fate < 6) {
            t = step(id, t, hours(rnd, 2, 100), now);
            if (t == null) {
                return;
            }
            int rating = rnd.nextInt(10) < 7 ? 5 : 2 + rnd.nextInt(3);
            desk.actAt(id, RequestAction.CONFIRM, new ServiceDesk.ActionInput(null, null, rating,
                    rating >= 4 ? "办理及时，非常满意" : "问题基本解决，但时间较长"), List.of(), firmUser(id), t, false);
        } else if (fate < 7) {
            t = step(id, t, hours(rnd, 10, 60), now);
            if (t == null) {
                return;
            }
            desk.actAt(id, RequestAction.REOPEN, ServiceDesk.ActionInput.note("问题尚未完全解决，请继续跟进"), List.of(), firmUser(id), t, false);
            t = step(id, t, hours(rnd, 20, 100), now);
            if (t == null) {
                return;
            }
            desk.actAt(id, RequestAction.RESOLVE, ServiceDesk.ActionInput.note("已再次协调，问题解决"), List.of(), handlerOf(dept), t, false);
        }
        // the rest stay resolved and close by themselves through the sweep once the window has passed
        step(id, t, Long.MAX_VALUE / 4, now);
    }

    private static long hours(Random rnd, int min, int max) {
        return (long) ((min + rnd.nextDouble() * (max - min)) * 60);
    }

    /**
     * Moves the request's clock on by {@code minutes} (running the checks that fall due on the way,
     * as the sweep would have); null when that passes "now" (the request stays in its state).
     */
    private LocalDateTime step(long id, LocalDateTime t, long minutes, LocalDateTime now) {
        LocalDateTime next = minutes > (long) 400 * 24 * 60 ? now : t.plusMinutes(minutes);
        LocalDateTime until = next.isAfter(now) ? now : next;
        for (int guard = 0; guard < 5; guard++) {
            ServiceRequest r = desk.storeFind(id);
            if (r.nextCheckAt() == null || r.nextCheckAt().isAfter(until)) {
                break;
            }
            desk.check(id, r.nextCheckAt().isBefore(t) ? t : r.nextCheckAt(), false);
        }
        return next.isAfter(now) ? null : next;
    }

    private String handlerOf(String department) {
        for (String[] d : DEPARTMENTS) {
            if (d[0].equals(department)) {
                return d[3];
            }
        }
        return "coordinator";
    }

    private String firmUser(long id) {
        ServiceRequest r = desk.storeFind(id);
        return r.createdBy();
    }
}
