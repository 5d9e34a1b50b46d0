package cn.srdi.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.srdi.app.audit.AuditTrail;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The database itself refuses to change or delete audit events (migration V2), on H2 and on PostgreSQL. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class AuditAppendOnlyIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditTrail audit;
    @Autowired
    TransactionTemplate tx;

    long recordOne(String id) {
        tx.executeWithoutResult(s -> audit.recordAs("it", "CREATED", "append-only-it", id, null, Map.of("a", 1)));
        return jdbc.sql("select id from audit_event where entity_type = 'append-only-it' and entity_id = ?")
                .param(id).query(Long.class).single();
    }

    @Test
    void anUpdateOfAnAuditEventIsRefusedByTheDatabase() {
        long id = recordOne("u-" + System.nanoTime());
        assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'forger' where id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(jdbc.sql("select actor from audit_event where id = ?").param(id).query(String.class).single())
                .isEqualTo("it");
    }

    @Test
    void aDeleteOfAnAuditEventIsRefusedByTheDatabase() {
        long id = recordOne("d-" + System.nanoTime());
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(jdbc.sql("select count(*) from audit_event where id = ?").param(id).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void anAuditRecordOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> audit.recordAs("it", "X", "append-only-it", "none", null, null))
                .isInstanceOf(IllegalTransactionStateException.class);
    }
}
