package cn.srdi.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class PlatformStartsIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void firstStartLoadsTheDemoRegionWithThreeYearsOfIndicatorsAndUsersOfEveryRole() {
        assertThat(jdbc.sql("select count(*) from enterprise").query(Long.class).single()).isEqualTo(300);
        assertThat(jdbc.sql("select count(*) from park").query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("select count(distinct fiscal_year) from indicator_year").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(distinct role) from app_user").query(Long.class).single()).isEqualTo(7);
        assertThat(jdbc.sql("select count(*) from enterprise_title where status = 'ACTIVE'").query(Long.class).single())
                .isPositive();
    }
}
