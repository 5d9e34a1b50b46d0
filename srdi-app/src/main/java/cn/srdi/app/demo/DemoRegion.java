package cn.srdi.app.demo;

import cn.srdi.app.audit.AuditTrail;
import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.UserAccounts;
import cn.srdi.app.registry.Enterprise;
import cn.srdi.app.registry.IndicatorYear;
import cn.srdi.app.registry.ProfileJson;
import cn.srdi.app.registry.RegionLoaded;
import cn.srdi.app.registry.RegistryStore;
import cn.srdi.app.registry.Title;
import cn.srdi.app.registry.TitleStatus;
import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.FieldType;
import cn.srdi.engine.model.Profile;
import cn.srdi.engine.model.Tier;
import cn.srdi.engine.synth.FocusIndustry;
import cn.srdi.engine.synth.Park;
import cn.srdi.engine.synth.RegionGenerator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the demo 两江新区: four parks (礼嘉, 照母山, 大地, 天海星), four focus industries, firms with
 * three fiscal years of indicators from the engine's deterministic {@link RegionGenerator}, title
 * histories dated relative to today (so some titles are always about to expire), listings, the
 * 2022–2025 action plan and its successor, and one demo user per role. Publishes
 * {@link RegionLoaded} when done (the grading module then grades the region).
 */
@Service
public class DemoRegion {

    private static final Logger log = LoggerFactory.getLogger(DemoRegion.class);

    static final Map<FocusIndustry, String> FOCUS_ID = Map.of(FocusIndustry.VEHICLES, "VEHICLES",
            FocusIndustry.EQUIPMENT, "EQUIPMENT", FocusIndustry.DIGITAL, "DIGITAL", FocusIndustry.BIOMEDICINE, "BIOMEDICINE");
    static final Map<FocusIndustry, String[]> CHAIN_NODES = Map.of(
            FocusIndustry.VEHICLES, new String[] {"动力电池", "电驱系统", "智能座舱", "车规级芯片", "自动驾驶", "轻量化车身"},
            FocusIndustry.EQUIPMENT, new String[] {"工业机器人", "数控机床", "智能检测", "液压传动", "精密零部件"},
            FocusIndustry.DIGITAL, new String[] {"工业软件", "集成电路设计", "云计算", "大数据", "人工智能", "物联网"},
            FocusIndustry.BIOMEDICINE, new String[] {"创新药", "医疗器械", "体外诊断", "生物制品", "CXO"});
    private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐".split("");
    private static final String[] GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰".split("");

    private final DemoProperties props;
    private final RegistryStore registry;
    private final UserAccounts users;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    public DemoRegion(DemoProperties props, RegistryStore registry, UserAccounts users, AuditTrail audit,
                      JdbcClient jdbc, ApplicationEventPublisher events) {
        this.props = props;
        this.registry = registry;
        this.users = users;
        this.audit = audit;
        this.jdbc = jdbc;
        this.events = events;
    }

    public boolean needed() {
        return props.enabled() && jdbc.sql("select count(*) from enterprise").query(Long.class).single() == 0;
    }

    public LocalDate assessmentDate() {
        return props.assessmentDate() != null ? props.assessmentDate() : LocalDate.now(AuditTrail.ZONE);
    }

    /** Writes the whole demo region in one transaction, then announces it. */
    @Transactional
    public RegionLoaded load() {
        long t0 = System.nanoTime();
        LocalDate date = assessmentDate();
        LocalDate today = LocalDate.now(AuditTrail.ZONE);
        LocalDateTime now = LocalDateTime.now(AuditTrail.ZONE);
        parks();
        RegionGenerator gen = new RegionGenerator(props.seed(), date, 0.0, 0.0);
        Random rnd = new Random(props.seed());
        List<Enterprise> firms = new ArrayList<>(props.firms());
        List<IndicatorYear> years = new ArrayList<>(props.firms() * 3);
        List<Title> titles = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        int fy = date.getYear() - 1;
        for (int i = 0; i < props.firms(); i++) {
            Profile p = gen.nextProfile();
            Park park = gen.lastPark();
            FocusIndustry focus = gen.lastIndustry();
            String code = p.creditCode();
            String contact = SURNAMES[rnd.nextInt(SURNAMES.length)] + GIVEN[rnd.nextInt(GIVEN.length)]
                    + (rnd.nextBoolean() ? GIVEN[rnd.nextInt(GIVEN.length)] : "");
            String phone = "1" + (3 + rnd.nextInt(7)) + String.format("%09d", rnd.nextInt(1_000_000_000));
            String[] nodes = focus == null ? new String[0] : CHAIN_NODES.get(focus);
            String chain = nodes.length == 0 ? null : nodes[rnd.nextInt(nodes.length)]
                    + (rnd.nextInt(3) == 0 ? ";" + nodes[rnd.nextInt(nodes.length)] : "");
            firms.add(new Enterprise(code, p.name(), p.text(Field.INDUSTRY_CODE), p.text(Field.REGION_CODE),
                    "重庆市两江新区", park == null ? null : park.name(), focus == null ? null : FOCUS_ID.get(focus),
                    contact, phone, "contact" + i + "@example.cn", chain == null ? null : String.join(";",
                    new java.util.LinkedHashSet<>(List.of(chain.split(";")))), now, now));
            Map<String, String> base = ProfileJson.values(p, ProfileJson.YEARLY);
            years.add(new IndicatorYear(code, fy, base));
            Map<String, String> prev = earlier(base, rnd, 1);
            if (prev != null) {
                years.add(new IndicatorYear(code, fy - 1, prev));
                Map<String, String> prev2 = earlier(prev, rnd, 2);
                if (prev2 != null) {
                    years.add(new IndicatorYear(code, fy - 2, prev2));
                }
            }
            titles.addAll(titleHistory(code, p.text(Field.TITLES), today, rnd));
            if (gen.lastLeader() && rnd.nextInt(12) == 0) {
                listed.add(code);
            }
        }
        registry.upsertEnterprises(firms);
        registry.upsertYears(years, null, "demo");
        registry.insertTitles(titles);
        for (int i = 0; i < listed.size(); i++) {
            jdbc.sql("insert into enterprise_listing (credit_code, listed_on, board) values (?, ?, ?)")
                    .params(listed.get(i), today.minusDays(40L + 173L * i), i % 2 == 0 ? "科创板" : "北交所").update();
        }
        actionPlans();
        users(firms);
        audit.recordAs("system", "DEMO_LOADED", "region", "liangjiang", null,
                Map.of("firms", firms.size(), "years", years.size(), "titles", titles.size(), "seed", props.seed()));
        log.info("demo region 两江新区: {} firms, {} firm-years, {} titles in {} ms", firms.size(), years.size(),
                titles.size(), (System.nanoTime() - t0) / 1_000_000);
        RegionLoaded loaded = new RegionLoaded(firms.size(), date);
        events.publishEvent(loaded);
        return loaded;
    }

    private void parks() {
        String[][] rows = {
            {"LIJIA", Park.LIJIA.zh() + "专精特新产业园", "Lijia SRDI Park", "DIGITAL"},
            {"ZHAOMUSHAN", Park.ZHAOMUSHAN.zh() + "专精特新产业园", "Zhaomushan SRDI Park", "BIOMEDICINE"},
            {"DADI", Park.DADI.zh() + "专精特新产业园", "Dadi SRDI Park", "VEHICLES"},
            {"TIANHAIXING", Park.TIANHAIXING.zh() + "专精特新产业园", "Tianhaixing SRDI Park", "EQUIPMENT"},
        };
        for (String[] r : rows) {
            jdbc.sql("insert into park (id, name_zh, name_en, focus_industry) values (?, ?, ?, ?)").params((Object[]) r).update();
        }
    }

    /**
     * The year before: its own "上年" figures are the later year's "前年" ones; stocks (assets,
     * staff) a little smaller. Null when the later year does not say what the year before earned.
     */
    static Map<String, String> earlier(Map<String, String> later, Random rnd, int step) {
        String rev = later.get(Field.REVENUE_Y2.id());
        String main = later.get(Field.MAIN_REVENUE_Y2.id());
        if (rev == null || main == null) {
            return null;
        }
        double shrink = 0.88 + rnd.nextDouble() * 0.1;
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : later.entrySet()) {
            Field f = Field.byHeader(e.getKey());
            switch (f) {
                case REVENUE_Y1, MAIN_REVENUE_Y1, RD_EXPENSE_Y1, REVENUE_Y3, MAIN_REVENUE_Y3, RD_EXPENSE_Y2 -> { }
                case REVENUE_Y2 -> m.put(Field.REVENUE_Y1.id(), e.getValue());
                case MAIN_REVENUE_Y2 -> m.put(Field.MAIN_REVENUE_Y1.id(), e.getValue());
                case TOTAL_ASSETS_Y1, TOTAL_LIABILITIES_Y1, TOTAL_COST_Y1, EMPLOYEES_Y1, RD_STAFF_Y1, TECH_STAFF_Y1,
                     NET_PROFIT_Y1 -> m.put(f.id(), scale(e.getValue(), shrink, f.type() == FieldType.INTEGER));
                case NICHE_YEARS, PRODUCT_YEARS -> {
                    BigDecimal y = new BigDecimal(e.getValue()).subtract(BigDecimal.ONE);
                    if (y.signum() > 0) {
                        m.put(f.id(), y.stripTrailingZeros().toPlainString());
                    }
                }
                case PLATFORM_SCORE -> {
                    String prev = later.get(Field.PLATFORM_SCORE_PREV.id());
                    if (prev != null) {
                        m.put(f.id(), prev);
                    }
                }
                case PLATFORM_SCORE_PREV -> { }
                default -> m.put(f.id(), e.getValue());
            }
        }
        // this year's R&D: the later year's "前年" figure when it had one, else the share of revenue
        String rdPrev = later.get(Field.RD_EXPENSE_Y2.id());
        if (rdPrev != null) {
            m.put(Field.RD_EXPENSE_Y1.id(), rdPrev);
        } else {
            BigDecimal share = ratio(later.get(Field.RD_EXPENSE_Y1.id()), later.get(Field.REVENUE_Y1.id()));
            m.put(Field.RD_EXPENSE_Y1.id(), new BigDecimal(rev).multiply(share).setScale(4, RoundingMode.HALF_UP)
                    .stripTrailingZeros().toPlainString());
        }
        String rev3 = later.get(Field.REVENUE_Y3.id());
        if (rev3 != null) {
            m.put(Field.REVENUE_Y2.id(), rev3);
        }
        String main3 = later.get(Field.MAIN_REVENUE_Y3.id());
        if (main3 != null) {
            m.put(Field.MAIN_REVENUE_Y2.id(), main3);
        }
        return m;
    }

    private static BigDecimal ratio(String a, String b) {
        if (a == null || b == null || new BigDecimal(b).signum() == 0) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(a).divide(new BigDecimal(b), 8, RoundingMode.HALF_UP);
    }

    private static String scale(String v, double factor, boolean integer) {
        BigDecimal r = new BigDecimal(v).multiply(BigDecimal.valueOf(factor));
        return r.setScale(integer ? 0 : 4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /**
     * Titles held now were recognised within the last three years (so expiries spread over the
     * next three, some within 90 days); some firms also carry an expired or revoked earlier title.
     */
    static List<Title> titleHistory(String code, String held, LocalDate today, Random rnd) {
        List<Title> out = new ArrayList<>();
        if (held != null && !held.isBlank()) {
            for (String t : held.split(";")) {
                Tier tier = Tier.valueOf(t);
                LocalDate on = today.minusDays(20 + rnd.nextInt(3 * 365 - 25));
                out.add(new Title(0, code, tier, on, on.plusYears(Title.VALIDITY_YEARS).minusDays(1), TitleStatus.ACTIVE,
                        null));
            }
        }
        int r = rnd.nextInt(40);
        if (r < 3) {
            LocalDate on = today.minusYears(4).minusDays(rnd.nextInt(300));
            out.add(new Title(0, code, Tier.INNOVATIVE, on, on.plusYears(Title.VALIDITY_YEARS).minusDays(1),
                    TitleStatus.EXPIRED, "未按期复核 / not re-reviewed in time"));
        } else if (r == 3) {
            LocalDate on = today.minusYears(2).minusDays(rnd.nextInt(200));
            out.add(new Title(0, code, Tier.SRDI, on, on.plusYears(Title.VALIDITY_YEARS).minusDays(1), TitleStatus.REVOKED,
                    "数据造假撤销 / revoked for data fraud"));
        }
        return out;
    }

    private void actionPlans() {
        long first = insertPlan("两江新区专精特新企业培育行动计划（2022—2025年）",
                "Liangjiang SRDI cultivation action plan 2022–2025", 2022, 2025, false);
        int[][] targets = { // metric order: INNOVATIVE, SRDI, LITTLE_GIANT, LISTING
            {1200, 200, 22, 1}, {1800, 300, 32, 2}, {2400, 400, 42, 4}, {3000, 500, 50, 5}};
        String[] metrics = {"INNOVATIVE", "SRDI", "LITTLE_GIANT", "LISTING"};
        for (int y = 0; y < 4; y++) {
            for (int m = 0; m < metrics.length; m++) {
                target(first, metrics[m], 2022 + y, targets[y][m]);
            }
        }
        long second = insertPlan("两江新区优质中小企业梯度培育计划（2026—2028年）",
                "Liangjiang quality SME tiered cultivation plan 2026–2028", 2026, 2028, true);
        int[][] next = {{3400, 560, 58, 6}, {3800, 620, 66, 8}, {4200, 700, 75, 10}};
        for (int y = 0; y < 3; y++) {
            for (int m = 0; m < metrics.length; m++) {
                target(second, metrics[m], 2026 + y, next[y][m]);
            }
        }
    }

    private long insertPlan(String zh, String en, int from, int to, boolean active) {
        jdbc.sql("insert into action_plan (name_zh, name_en, start_year, end_year, active) values (?, ?, ?, ?, ?)")
                .params(zh, en, from, to, active).update();
        return jdbc.sql("select max(id) from action_plan").query(Long.class).single();
    }

    private void target(long plan, String metric, int year, int value) {
        jdbc.sql("insert into action_plan_target (plan_id, metric, plan_year, target) values (?, ?, ?, ?)")
                .params(plan, metric, year, value).update();
    }

    private void users(List<Enterprise> firms) {
        String pw = props.password();
        String firm = firms.stream().filter(f -> "LIJIA".equals(f.parkId())).map(Enterprise::creditCode).findFirst()
                .orElse(firms.isEmpty() ? null : firms.get(0).creditCode());
        List<UserAccounts.NewUser> demo = List.of(
            new UserAccounts.NewUser("admin", pw, "平台管理员", Role.ADMIN, Set.of(), null, null, "两江新区管委会"),
            new UserAccounts.NewUser("official", pw, "经信局 王科长", Role.OFFICIAL, Set.of(), null, null, "两江新区经济运行局"),
            new UserAccounts.NewUser("park-lijia", pw, "礼嘉园区 运营", Role.PARK_OPERATOR, Set.of("LIJIA"), null, null, "礼嘉专精特新产业园"),
            new UserAccounts.NewUser("park-dadi", pw, "大地园区 运营", Role.PARK_OPERATOR, Set.of("DADI", "TIANHAIXING"), null, null, "大地·天海星园区"),
            new UserAccounts.NewUser("firm", pw, "企业用户", Role.ENTERPRISE, Set.of(), firm, null, null),
            new UserAccounts.NewUser("bank", pw, "重庆银行 客户经理", Role.FINANCE, Set.of(), null, null, "重庆银行两江分行"),
            new UserAccounts.NewUser("handler", pw, "科技局 经办人", Role.HANDLER, Set.of(), null, "TECH", "两江新区科技创新局"),
            new UserAccounts.NewUser("expert", pw, "评审专家 李教授", Role.EXPERT, Set.of(), null, null, "重庆大学"));
        for (UserAccounts.NewUser u : demo) {
            if (!users.exists(u.username())) {
                users.create(u);
            }
        }
    }
}
