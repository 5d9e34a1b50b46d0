package cn.srdi.app.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class IntakeLimiterTest {

    final AtomicLong millis = new AtomicLong(1_700_000_000_000L);
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Shanghai");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    };

    IntakeLimiter limiter(int perFirm, int perAddress) {
        ServiceDeskProperties p = new ServiceDeskProperties(null, null, null, null, null, null, null, null,
                new ServiceDeskProperties.Rate(perFirm, perAddress, Duration.ofMinutes(1), true), null, null, null);
        return new IntakeLimiter(p, clock);
    }

    @Test
    void aFirmGetsItsBurstThenA429WithRetryAfterUntilTheBucketRefills() {
        IntakeLimiter l = limiter(3, 100);
        for (int i = 0; i < 3; i++) {
            l.acquire("F1", "10.0.0." + i);
        }
        assertThatThrownBy(() -> l.acquire("F1", "10.0.0.9")).isInstanceOfSatisfying(IntakeLimiter.TooManyRequests.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(e.zh()).contains("企业 F1").contains("秒后再试");
            assertThat(e.en()).contains("firm F1").contains("retry in");
            assertThat(e.retryAfterSeconds()).isBetween(1L, 20L);
        });
        l.acquire("F2", "10.0.0.9"); // another firm is not affected
        millis.addAndGet(20_000); // a third of the period refills one token
        l.acquire("F1", "10.0.0.9");
        assertThatThrownBy(() -> l.acquire("F1", "10.0.0.9")).isInstanceOf(IntakeLimiter.TooManyRequests.class);
    }

    @Test
    void oneAddressIsLimitedAcrossFirmsAndARefusalTakesNoToken() {
        IntakeLimiter l = limiter(100, 2);
        l.acquire("A", "192.0.2.1");
        l.acquire("B", "192.0.2.1");
        assertThatThrownBy(() -> l.acquire("C", "192.0.2.1")).isInstanceOfSatisfying(IntakeLimiter.TooManyRequests.class,
                e -> assertThat(e.en()).contains("address 192.0.2.1"));
        // C was refused by the address bucket: its own firm bucket is still full
        for (int i = 0; i < 100; i++) {
            l.acquire("C", "198.51.100." + i);
        }
    }

    @Test
    void disabledLimitsLetEverythingThrough() {
        ServiceDeskProperties p = new ServiceDeskProperties(null, null, null, null, null, null, null, null,
                new ServiceDeskProperties.Rate(1, 1, Duration.ofMinutes(1), false), null, null, null);
        IntakeLimiter l = new IntakeLimiter(p, clock);
        for (int i = 0; i < 10; i++) {
            l.acquire("F", "a");
        }
    }
}
