package cn.srdi.app.demo;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo 两江新区 region loaded on first start into an empty database.
 *
 * @param enabled        load it when the registry is empty
 * @param firms          number of firms
 * @param seed           generator seed (the same seed gives the same region)
 * @param assessmentDate date the indicators are generated for; blank = today
 * @param password       password of every demo user
 */
@ConfigurationProperties(prefix = "srdi.demo")
public record DemoProperties(boolean enabled, int firms, long seed, LocalDate assessmentDate, String password) {

    public DemoProperties {
        firms = firms <= 0 ? 3000 : firms;
        password = password == null || password.isBlank() ? "srdi2026" : password;
    }
}
