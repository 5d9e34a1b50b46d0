package cn.srdi.app.servicedesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A platform clock the tests set and move (Asia/Shanghai); every servicedesk IT imports the same configuration. */
public final class MovableClock extends Clock {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    public void set(LocalDateTime local) {
        now.set(local.atZone(ZONE).toInstant());
    }

    public void advance(Duration d) {
        now.updateAndGet(i -> i.plus(d));
    }

    public void reset() {
        now.set(Instant.now());
    }

    /** Replaces the platform clock in the test context. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
