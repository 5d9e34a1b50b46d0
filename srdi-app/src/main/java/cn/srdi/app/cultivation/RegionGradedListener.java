package cn.srdi.app.cultivation;

import cn.srdi.app.grading.RegionGraded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * After every region grade: discovery proposes firms for the pools; on the first grade of the
 * demo region, the demo rounds and cases are built.
 */
@Component
class RegionGradedListener {

    private static final Logger log = LoggerFactory.getLogger(RegionGradedListener.class);

    private final PoolService pool;
    private final CultivationDemo demo;

    RegionGradedListener(PoolService pool, CultivationDemo demo) {
        this.pool = pool;
        this.demo = demo;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(RegionGraded graded) {
        try {
            PoolService.Discovery d = pool.discover(graded.runId(), graded.assessmentDate());
            log.info("cultivation pool: {} firms proposed, {} gap-history points after run {}", d.proposed(), d.historyPoints(),
                    graded.runId());
            demo.buildIfWanted(graded.runId());
        } catch (RuntimeException e) {
            log.warn("cultivation after run {} failed: {}", graded.runId(), e.toString(), e);
        }
    }
}
