package cn.srdi.app.dashboard;

import cn.srdi.engine.grading.ConditionDef;
import cn.srdi.engine.grading.RuleCatalog;
import cn.srdi.engine.grading.RuleSet;
import cn.srdi.engine.grading.TierRule;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Readable names of grading condition ids, from the engine's built-in rule sets. */
@Component
public class ConditionNames {

    private final Map<String, ConditionDef> byId = new HashMap<>();

    public ConditionNames() {
        for (RuleSet set : RuleCatalog.builtIn().all()) {
            for (TierRule tier : set.tiers()) {
                for (ConditionDef d : tier.conditions()) {
                    byId.putIfAbsent(d.id(), d);
                }
            }
        }
    }

    /** The label in the language asked for, or the id itself when the engine does not know it. */
    public String label(String id, boolean zh) {
        ConditionDef d = byId.get(id);
        if (d == null) {
            return id;
        }
        String label = zh ? d.labelZh() : d.labelEn();
        return label == null || label.isBlank() ? id : label;
    }

    public boolean known(String id) {
        return byId.containsKey(id);
    }
}
