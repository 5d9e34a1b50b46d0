package cn.srdi.app.servicedesk;

import cn.srdi.app.registry.Enterprise;
import cn.srdi.app.registry.FirmDirectory;
import cn.srdi.app.registry.RegistryStore;
import cn.srdi.app.registry.Title;
import cn.srdi.app.identity.Scope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The public card of a firm shown to whoever scans its code: name, park, industry and titles in
 * force, nothing else (no credit-code-bound contacts, no indicators, no grades).
 */
@Component
public class FirmCard {

    /** The public fields of a firm. */
    public record Card(String name, String parkZh, String parkEn, String industryCode, String industryName,
                       List<cn.srdi.engine.model.Tier> titles) {
    }

    private final RegistryStore registry;
    private final JdbcClient jdbc;

    public FirmCard(RegistryStore registry, JdbcClient jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
    }

    public Optional<Card> of(String creditCode, LocalDate today) {
        Optional<Enterprise> e = registry.find(Scope.system(), creditCode);
        if (e.isEmpty()) {
            return Optional.empty();
        }
        Enterprise f = e.get();
        String[] park = f.parkId() == null ? new String[] {null, null}
                : jdbc.sql("select name_zh, name_en from park where id = ?").param(f.parkId())
                        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
                        .orElse(new String[] {f.parkId(), f.parkId()});
        List<cn.srdi.engine.model.Tier> titles = new ArrayList<>();
        for (Title t : registry.titles(creditCode)) {
            if (t.inForceOn(today)) {
                titles.add(t.tier());
            }
        }
        return Optional.of(new Card(f.name(), park[0], park[1], f.industryCode(), FirmDirectory.industryName(f.industryCode()),
                titles));
    }
}
