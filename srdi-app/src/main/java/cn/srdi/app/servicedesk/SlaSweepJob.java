package cn.srdi.app.servicedesk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the SLA sweep every {@code srdi.servicedesk.sweep-interval} (default one minute) unless
 * {@code srdi.servicedesk.sweep-enabled=false} (the tests call {@link ServiceDesk#sweep()} themselves
 * after moving the clock).
 */
@Component
class SlaSweepJob {

    private static final Logger log = LoggerFactory.getLogger(SlaSweepJob.class);

    private final ServiceDesk desk;
    private final boolean enabled;

    SlaSweepJob(ServiceDesk desk, org.springframework.core.env.Environment env) {
        this.desk = desk;
        this.enabled = env.getProperty("srdi.servicedesk.sweep-enabled", Boolean.class, true);
    }

    @Scheduled(initialDelayString = "${srdi.servicedesk.sweep-interval:PT1M}", fixedDelayString = "${srdi.servicedesk.sweep-interval:PT1M}")
    void run() {
        if (!enabled) {
            return;
        }
        try {
            long t0 = System.nanoTime();
            int n = desk.sweep();
            if (n > 0) {
                log.info("SLA sweep: {} requests escalated or closed in {} ms", n, (System.nanoTime() - t0) / 1_000_000);
            }
        } catch (RuntimeException e) {
            log.error("SLA sweep failed", e);
        }
    }
}
