package cn.srdi.app.cultivation;

import cn.srdi.engine.model.Tier;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.LocalDate;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Asks the titles module whether a firm is under a ban (3 years after a revocation) before an
 * application is accepted: the public bean {@code titles.Bans} and its
 * {@code requireNoBan(creditCode, tier, date)}, which refuses with a bilingual 409. The titles module
 * was built at the same time as this one, so the call is resolved by bean name at run time; when
 * the module is absent nothing is checked (there is no ban to check). Cultivation keeps no ban
 * table of its own.
 */
@Component
class BanCheck {

    static final String BEAN = "bans";

    private final ApplicationContext context;
    private volatile Method method;

    BanCheck(ApplicationContext context) {
        this.context = context;
    }

    /** True when the titles module (and so bans) is part of the application. */
    boolean available() {
        return context.containsBean(BEAN);
    }

    /** Refuses (the titles module's bilingual 409) when the firm may not apply for the tier on the date. */
    void require(String creditCode, Tier tier, LocalDate on) {
        if (!available()) {
            return;
        }
        Object bans = context.getBean(BEAN);
        try {
            Method m = method;
            if (m == null) {
                m = bans.getClass().getMethod("requireNoBan", String.class, Tier.class, LocalDate.class);
                method = m;
            }
            m.invoke(bans, creditCode, tier, on);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("titles.Bans has no requireNoBan(String, Tier, LocalDate): " + e, e);
        }
    }
}
