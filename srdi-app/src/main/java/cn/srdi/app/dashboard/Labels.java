package cn.srdi.app.dashboard;

import cn.srdi.app.web.Lang;
import cn.srdi.engine.model.Tier;
import java.util.Map;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Display names of rungs, parks, focus industries, 门类 and metrics in the request's language. */
@Component
public class Labels {

    private final MessageSource messages;
    private final DashboardStore store;

    public Labels(MessageSource messages, DashboardStore store) {
        this.messages = messages;
        this.store = store;
    }

    /** Argument-free messages by language and key: table cells ask for the same few names thousands of times. */
    private final Map<String, String> plain = new java.util.concurrent.ConcurrentHashMap<>();

    public String msg(String key, Object... args) {
        Locale l = LocaleContextHolder.getLocale();
        if (args.length == 0) {
            String k = l.getLanguage() + '|' + key;
            String v = plain.get(k);
            if (v == null) {
                v = messages.getMessage(key, null, key, l);
                if (plain.size() < 10_000) {
                    plain.put(k, v);
                }
            }
            return v;
        }
        return messages.getMessage(key, args, key, l);
    }

    public String tier(Tier t) {
        return t == null ? msg("dash.none") : Lang.pick(t.zh(), t.en());
    }

    public String tier(String t) {
        if (t == null || t.isBlank() || "NONE".equals(t)) {
            return msg("dash.none");
        }
        try {
            return tier(Tier.valueOf(t));
        } catch (IllegalArgumentException e) {
            return t;
        }
    }

    /** Park name; "" is firms outside any park. */
    public String park(String id) {
        if (id == null || id.isEmpty()) {
            return msg("dash.nopark");
        }
        DashboardStore.ParkName p = parkNames().get(id);
        return p == null ? id : Lang.pick(p.nameZh(), p.nameEn());
    }

    private volatile Map<String, DashboardStore.ParkName> parks;
    private volatile long parksLoaded;

    /** Park names, re-read at most once a minute (the park table changes rarely). */
    private Map<String, DashboardStore.ParkName> parkNames() {
        Map<String, DashboardStore.ParkName> m = parks;
        if (m == null || System.currentTimeMillis() - parksLoaded > 60_000) {
            m = new java.util.HashMap<>();
            for (DashboardStore.ParkName p : store.parks(cn.srdi.app.identity.Scope.system())) {
                m.put(p.id(), p);
            }
            parks = m;
            parksLoaded = System.currentTimeMillis();
        }
        return m;
    }

    public String focus(String id) {
        return id == null || id.isEmpty() ? msg("dash.nofocus") : msg("dash.focus." + id);
    }

    public String section(String letter) {
        return letter == null || letter.isEmpty() || "?".equals(letter) ? msg("dash.nosection")
                : letter + " " + msg("dash.section." + letter);
    }

    /** A filter value: a focus industry or a 门类. */
    public String industry(String v) {
        return v == null ? msg("dash.all") : v.length() == 1 ? section(v) : focus(v);
    }

    public String metric(String m) {
        return msg("dash.metric." + m);
    }

    public String status(PlanProgress.Status s) {
        return msg("dash.status." + s.name());
    }
}
