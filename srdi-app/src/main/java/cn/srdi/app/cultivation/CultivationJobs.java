package cn.srdi.app.cultivation;

import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The cultivation module's daily job (Asia/Shanghai, {@code srdi.cultivation.cron}, 01:40 by
 * default): cases returned for correction and not resubmitted by their deadline are closed as
 * withdrawn ({@link CaseAction#EXPIRE_CORRECTION}). Idempotent: a closed case is not returned any
 * more, so a second run the same day closes nothing.
 */
@Component
public class CultivationJobs {

    private static final Logger log = LoggerFactory.getLogger(CultivationJobs.class);

    private final CultivationService service;

    CultivationJobs(CultivationService service) {
        this.service = service;
    }

    @Scheduled(cron = "${srdi.cultivation.cron:0 40 1 * * *}", zone = "Asia/Shanghai")
    void daily() {
        try {
            List<CaseView> closed = run(service.today());
            log.info("cultivation jobs {}: {} cases closed after a missed correction deadline", service.today(), closed.size());
        } catch (RuntimeException e) {
            log.error("cultivation jobs failed", e);
        }
    }

    /** Runs the job as of {@code today}; returns the cases closed. */
    public synchronized List<CaseView> run(LocalDate today) {
        return service.expireCorrections(today);
    }
}
