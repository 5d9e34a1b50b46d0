package cn.srdi.app.grading;

import cn.srdi.app.registry.RegionLoaded;
import cn.srdi.app.web.BilingualException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Grades a region as soon as it has been loaded (after the loading transaction committed), at its
 * assessment date and under the rules in force then, so the demo has grades on first start. Runs
 * in the loading thread: a user who logs in once the application is up sees grades.
 */
@Component
class RegionLoadedListener {

    private static final Logger log = LoggerFactory.getLogger(RegionLoadedListener.class);

    private final GradingService grading;

    RegionLoadedListener(GradingService grading) {
        this.grading = grading;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(RegionLoaded loaded) {
        try {
            GradeRun run = grading.gradeRegionNow(loaded.assessmentDate(), RuleChoice.auto(), "system");
            log.info("region loaded ({} firms): graded in run {} ({})", loaded.firms(), run.id(), run.status());
        } catch (BilingualException e) {
            log.warn("region loaded but not graded: {}", e.en());
        }
    }
}
