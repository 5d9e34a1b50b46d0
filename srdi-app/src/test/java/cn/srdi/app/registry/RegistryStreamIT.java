package cn.srdi.app.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The streamed read of the region (the input of region grades) gives exactly what the per-firm
 * read gives, for every firm of the scope and no other, in credit-code order.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class RegistryStreamIT {

    @Autowired
    RegistryStore store;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theStreamedRegionEqualsThePerFirmRecordsOfEveryFirm() {
        List<FirmRecord> streamed = new ArrayList<>();
        store.forEachFirm(Scope.system(), streamed::add);
        List<String> codes = jdbc.sql("select credit_code from enterprise order by credit_code").query(String.class).list();
        assertThat(streamed).extracting(r -> r.enterprise().creditCode()).containsExactlyElementsOf(codes);
        long years = 0;
        long titles = 0;
        for (FirmRecord r : streamed) {
            FirmRecord one = store.record(Scope.system(), r.enterprise().creditCode()).orElseThrow();
            assertThat(r).isEqualTo(one);
            years += r.years().size();
            titles += r.titles().size();
        }
        assertThat(years).isEqualTo(jdbc.sql("select count(*) from indicator_year").query(Long.class).single()).isPositive();
        assertThat(titles).isEqualTo(jdbc.sql("select count(*) from enterprise_title").query(Long.class).single()).isPositive();
    }

    @Test
    void aParkScopeStreamsOnlyItsParksFirmsWithTheirYearsAndTitles() {
        Scope park = new Scope("park-lijia", Role.PARK_OPERATOR, Set.of("LIJIA"), null, null);
        List<RegistryStore.UnparsedFirm> streamed = new ArrayList<>();
        store.forEachFirmUnparsed(park, streamed::add);
        List<String> codes = jdbc.sql("select credit_code from enterprise where park_id = 'LIJIA' order by credit_code")
                .query(String.class).list();
        assertThat(codes).isNotEmpty();
        assertThat(streamed).extracting(r -> r.enterprise().creditCode()).containsExactlyElementsOf(codes);
        for (RegistryStore.UnparsedFirm f : streamed) {
            assertThat(f.parse()).isEqualTo(store.record(park, f.enterprise().creditCode()).orElseThrow());
        }
    }
}
