package cn.srdi.app.servicedesk;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the enterprise code service ({@code srdi.servicedesk.*}).
 *
 * @param tokenSecret   HMAC-SHA256 secret of the firm codes (at least 32 characters); when unset a
 *                      random secret is made once per installation and kept in {@code sd_setting}
 * @param baseUrl       the public address printed in the QR codes, e.g. {@code https://srdi.example.cn}
 * @param acceptDays    working days to accept a request (default 1)
 * @param replyDays     working days to the first reply, counted from submission (default 3)
 * @param resolveDays   working days to resolve, counted from submission (default 15)
 * @param categories    per-category overrides of the three deadlines, e.g.
 *                      {@code srdi.servicedesk.categories.FINANCE.resolve-days=10}
 * @param confirmDays   calendar days the firm has to confirm or reopen a resolved request (default 7)
 * @param sweepInterval how often the SLA sweep runs (default 1 minute)
 * @param rate          intake rate limits
 * @param attachments   attachment limits
 * @param sweepThreads  threads escalating a burst of due requests in parallel, each chunk of rows in
 *                      its own transaction (default 2; 1 escalates on the sweep's thread alone)
 * @param intake        how the firms' intakes are written (group commit)
 */
@ConfigurationProperties(prefix = "srdi.servicedesk")
public record ServiceDeskProperties(String tokenSecret, String baseUrl, Integer acceptDays, Integer replyDays,
                                    Integer resolveDays, Map<String, Sla> categories,
                                    Integer confirmDays, Duration sweepInterval, Rate rate, Attachments attachments,
                                    Integer sweepThreads, IntakeWrites intake) {

    public ServiceDeskProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
        acceptDays = acceptDays == null ? 1 : acceptDays;
        replyDays = replyDays == null ? 3 : replyDays;
        resolveDays = resolveDays == null ? 15 : resolveDays;
        categories = categories == null ? Map.of() : Map.copyOf(categories);
        confirmDays = confirmDays == null ? 7 : confirmDays;
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(1) : sweepInterval;
        rate = rate == null ? new Rate(null, null, null, null) : rate;
        attachments = attachments == null ? new Attachments(null, null) : attachments;
        sweepThreads = sweepThreads == null ? 2 : Math.max(1, Math.min(sweepThreads, 16));
        intake = intake == null ? new IntakeWrites(null, null) : intake;
        if (acceptDays < 1 || replyDays < acceptDays || resolveDays < replyDays) {
            throw new IllegalArgumentException("srdi.servicedesk: 须 1 ≤ accept-days ≤ reply-days ≤ resolve-days / "
                    + "need 1 <= accept-days <= reply-days <= resolve-days");
        }
    }

    /** Deadlines of one category; unset values fall back to the general ones. */
    public record Sla(Integer acceptDays, Integer replyDays, Integer resolveDays) {
    }

    /**
     * Token buckets of the intake: per firm and per client address, {@code capacity} requests at
     * once, refilled at {@code capacity} per {@code period}.
     */
    public record Rate(Integer perFirm, Integer perAddress, Duration period, Boolean enabled) {

        public Rate {
            perFirm = perFirm == null ? 10 : perFirm;
            perAddress = perAddress == null ? 60 : perAddress;
            period = period == null ? Duration.ofMinutes(1) : period;
            enabled = enabled == null ? Boolean.TRUE : enabled;
        }
    }

    /**
     * Group commit of the intake: intakes that arrive together are written in one transaction with
     * one JDBC batch per table, at most {@code maxBatch} at once (default 64), by {@code writers}
     * threads, each writing on its own connection (default 1: one writer makes the batches grow
     * sooner under load, and the database's work per intake falls with them; docs/PERFORMANCE.md).
     */
    public record IntakeWrites(Integer writers, Integer maxBatch) {

        public IntakeWrites {
            writers = writers == null ? 1 : Math.max(1, Math.min(writers, 16));
            maxBatch = maxBatch == null ? 64 : Math.max(1, Math.min(maxBatch, 1000));
        }
    }

    /** Attachment limits: bytes per file and files per request. */
    public record Attachments(Integer maxBytes, Integer maxFiles) {

        public Attachments {
            maxBytes = maxBytes == null ? 5 * 1024 * 1024 : maxBytes;
            maxFiles = maxFiles == null ? 5 : maxFiles;
        }
    }

    /** The deadlines (accept, reply, resolve) in working days for a category. */
    public int[] deadlines(Category category) {
        Sla s = categories.get(category.name());
        if (s == null) {
            s = categories.get(category.name().toLowerCase(java.util.Locale.ROOT));
        }
        int a = s != null && s.acceptDays() != null ? s.acceptDays() : acceptDays;
        int r = s != null && s.replyDays() != null ? s.replyDays() : replyDays;
        int v = s != null && s.resolveDays() != null ? s.resolveDays() : resolveDays;
        return new int[] {a, r, v};
    }
}
