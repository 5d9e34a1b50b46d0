package cn.srdi.app.grading;

import cn.srdi.app.registry.Enterprise;
import cn.srdi.app.registry.IndicatorYear;
import cn.srdi.app.registry.RegistryStore;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Firms created by the grading tests, with fresh credit codes (never those of the demo region). */
final class TestFirms {

    private TestFirms() {
    }

    private static final List<String> CREATED = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Removes the firms the tests created (and their grades), so other tests see the demo region as loaded. */
    static void deleteCreated(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        for (String code : CREATED) {
            for (String table : List.of("grade_record", "indicator_change", "indicator_year", "enterprise_title", "enterprise")) {
                jdbc.sql("delete from " + table + " where credit_code = ?").param(code).update();
            }
        }
        CREATED.clear();
    }

    static String freshCode() {
        return cn.srdi.app.platform.TestCodes.fresh("91500000GT");
    }

    /**
     * A high-tech manufacturer that meets every 2026 SRDI condition except R&D intensity: 2.8% of
     * revenue in both years (the rule asks 3%).
     */
    static Map<String, String> almostSrdi2026() {
        return cn.srdi.app.platform.TestIndicators.srdi2026WithRd("140", "126");
    }

    /** Writes a firm of the park with one fiscal year of indicators; returns its credit code. */
    static String create(RegistryStore registry, PlatformTransactionManager tm, String park, int fiscalYear,
                         Map<String, String> indicators) {
        String code = freshCode();
        CREATED.add(code);
        LocalDateTime now = LocalDateTime.now(cn.srdi.app.audit.AuditTrail.ZONE);
        new TransactionTemplate(tm).executeWithoutResult(s -> {
            registry.upsertEnterprises(List.of(new Enterprise(code, "重庆测试评价企业" + code.substring(10, 16) + "有限公司", "C3563",
                    "500000", "重庆市两江新区", park, "EQUIPMENT", null, null, null, null, now, now)));
            if (indicators != null) {
                registry.upsertYears(List.of(new IndicatorYear(code, fiscalYear, indicators)), null, "test");
            }
        });
        return code;
    }
}
