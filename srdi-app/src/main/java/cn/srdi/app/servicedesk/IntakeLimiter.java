package cn.srdi.app.servicedesk;

import cn.srdi.app.web.BilingualException;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Token buckets of the request intake, one per firm and one per client address (in memory, per
 * instance of the platform). A bucket holds {@code capacity} tokens and refills continuously at
 * {@code capacity} per period; a request takes one token from both buckets or is refused with a
 * bilingual 429 (and takes none).
 */
@Component
public class IntakeLimiter {

    /** One token bucket; times in nanoseconds of the clock's millis. */
    static final class Bucket {
        private final double capacity;
        private final double perNano;
        private double tokens;
        private long last;

        Bucket(int capacity, long periodNanos, long now) {
            this.capacity = capacity;
            this.perNano = capacity / (double) periodNanos;
            this.tokens = capacity;
            this.last = now;
        }

        synchronized void refill(long now) {
            if (now > last) {
                tokens = Math.min(capacity, tokens + (now - last) * perNano);
                last = now;
            }
        }

        synchronized boolean has() {
            return tokens >= 1.0;
        }

        synchronized void take() {
            tokens -= 1.0;
        }

        /** Nanoseconds until one token is there. */
        synchronized long waitNanos() {
            return tokens >= 1.0 ? 0 : (long) Math.ceil((1.0 - tokens) / perNano);
        }
    }

    private final ServiceDeskProperties.Rate rate;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public IntakeLimiter(ServiceDeskProperties props, Clock clock) {
        this.rate = props.rate();
        this.clock = clock;
    }

    /** Takes a token for the firm and for the address, or refuses with 429 naming which limit was hit. */
    public void acquire(String creditCode, String address) {
        if (!rate.enabled()) {
            return;
        }
        long now = clock.millis() * 1_000_000L;
        long period = rate.period().toNanos();
        Bucket firm = buckets.computeIfAbsent("firm:" + creditCode, k -> new Bucket(rate.perFirm(), period, now));
        Bucket addr = buckets.computeIfAbsent("addr:" + address, k -> new Bucket(rate.perAddress(), period, now));
        Bucket first = firm.hashCode() <= addr.hashCode() ? firm : addr;
        Bucket second = first == firm ? addr : firm;
        synchronized (first) {
            synchronized (second) {
                firm.refill(now);
                addr.refill(now);
                if (!firm.has()) {
                    throw tooMany("企业 " + creditCode, "firm " + creditCode, firm.waitNanos());
                }
                if (!addr.has()) {
                    throw tooMany("地址 " + address, "address " + address, addr.waitNanos());
                }
                firm.take();
                addr.take();
            }
        }
        if (buckets.size() > 100_000) {
            buckets.clear(); // a flood of addresses must not grow memory without bound; limits restart full
        }
    }

    /** Forgets every bucket (tests; an operator after changing limits). */
    public void reset() {
        buckets.clear();
    }

    private static BilingualException tooMany(String zh, String en, long waitNanos) {
        long s = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        return new TooManyRequests("提交过于频繁（" + zh + "），请 " + s + " 秒后再试",
                "too many requests (" + en + "); retry in " + s + " s", s);
    }

    /** A 429 with the seconds to wait (sent as Retry-After). */
    public static final class TooManyRequests extends BilingualException {

        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        TooManyRequests(String zh, String en, long retryAfterSeconds) {
            super(HttpStatus.TOO_MANY_REQUESTS, zh, en);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
