package cn.srdi.app.titles;

import cn.srdi.app.identity.Role;
import cn.srdi.app.notification.Notifications;
import cn.srdi.app.notification.Recipient;
import cn.srdi.app.registry.RegistryStore;
import cn.srdi.app.registry.Title;
import cn.srdi.app.web.BilingualException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily jobs of title management (01:30 Asia/Shanghai): reminders before the yearly update
 * deadline, flags after it, re-review due notices, lapses at expiry. Each works from the state
 * of the data on the day it runs, so a missed run is caught up by the next one, and running twice
 * changes nothing (flags once per firm and year, reminders once per stage, lapses once).
 */
@Component
public class TitleJobs {

    private static final Logger log = LoggerFactory.getLogger(TitleJobs.class);
    static final String ACTOR = "system";

    /** What one run did. */
    public record Result(LocalDate day, int reminded, int flaggedFirms, int flaggedTitles, int reviewDue, int lapsed) {
    }

    private final TitleService titles;
    private final TitleStore store;
    private final RegistryStore registry;
    private final Notifications notifications;
    private final TransactionTemplate tx;

    TitleJobs(TitleService titles, TitleStore store, RegistryStore registry, Notifications notifications,
              PlatformTransactionManager txm) {
        this.titles = titles;
        this.store = store;
        this.registry = registry;
        this.notifications = notifications;
        this.tx = new TransactionTemplate(txm);
    }

    @Scheduled(cron = "${srdi.titles.cron:0 30 1 * * *}", zone = "Asia/Shanghai")
    void daily() {
        try {
            Result r = run(titles.today());
            log.info("title jobs {}: {} reminders, {} firms flagged ({} titles), {} re-reviews due, {} lapsed", r.day(),
                    r.reminded(), r.flaggedFirms(), r.flaggedTitles(), r.reviewDue(), r.lapsed());
        } catch (RuntimeException e) {
            log.error("title jobs failed", e);
        }
    }

    /** Runs every job as of {@code today}. */
    Result run(LocalDate today) {
        return run(today, null);
    }

    /** Runs every job as of {@code today} for the given firms only (null: every firm); tests move time on their own firms. */
    public synchronized Result run(LocalDate today, java.util.Set<String> only) {
        this.only = only;
        try {
            int reminded = remind(today);
            int[] flagged = flag(today);
            int due = reviewDue(today);
            int lapsed = lapse(today);
            return new Result(today, reminded, flagged[0], flagged[1], due, lapsed);
        } finally {
            this.only = null;
        }
    }

    private java.util.Set<String> only;

    private boolean in(String code) {
        return only == null || only.contains(code);
    }

    /** Reminds firms without the fiscal-year data at each configured number of days before the next deadline. */
    int remind(LocalDate today) {
        UpdateDeadline d = titles.deadlines().next(today);
        long left = ChronoUnit.DAYS.between(today, d.deadline());
        Integer stage = titles.props().reminderDays().stream().filter(r -> left <= r).min(Integer::compare).orElse(null);
        int n = 0;
        if (stage != null) {
            String kind = "TITLE_UPDATE_R" + stage;
            for (String code : store.holdersWithout(d.fiscalYear())) {
                if (!in(code)) {
                    continue;
                }
                String subject = "update:" + d.year() + ":" + code;
                if (notifications.exists(kind, subject)) {
                    continue;
                }
                tx.executeWithoutResult(s -> notifications.notify(Recipient.firm(code), kind, subject,
                        "请于 " + d.deadline() + " 前在平台更新 " + d.fiscalYear() + " 年度数据（逾期将丧失复核资格）",
                        "Update your fiscal " + d.fiscalYear() + " data on the platform by " + d.deadline()
                                + " (missing it loses re-review eligibility)", "/titles/firm/" + code, d.deadline()));
                n++;
            }
        }
        // firms that have filed meanwhile: their reminders close
        for (String code : closable(d)) {
            tx.executeWithoutResult(s -> notifications.completeSubject("update:" + d.year() + ":" + code));
        }
        return n;
    }

    private List<String> closable(UpdateDeadline d) {
        return notificationsOpenFor(d).stream().filter(this::in).filter(code -> store.hasIndicators(code, d.fiscalYear())).toList();
    }

    private List<String> notificationsOpenFor(UpdateDeadline d) {
        java.util.Set<String> codes = new java.util.TreeSet<>();
        for (int r : titles.props().reminderDays()) {
            for (var n : notifications.openOfKind("TITLE_UPDATE_R" + r)) {
                String ref = n.subjectRef();
                String prefix = "update:" + d.year() + ":";
                if (ref != null && ref.startsWith(prefix)) {
                    codes.add(ref.substring(prefix.length()));
                }
            }
        }
        return List.copyOf(codes);
    }

    /** Flags firms that missed the last passed deadline. Returns {firms, titles}. */
    int[] flag(LocalDate today) {
        UpdateDeadline d = titles.deadlines().lastPassed(today);
        int firms = 0;
        int ids = 0;
        for (String code : store.firmsMissingUpdate(d)) {
            if (!in(code)) {
                continue;
            }
            List<Long> flagged = titles.flagMissedUpdate(code, d, ACTOR);
            if (!flagged.isEmpty()) {
                firms++;
                ids += flagged.size();
            }
        }
        return new int[] {firms, ids};
    }

    /** Tells officials once about each title entering the re-review window. */
    int reviewDue(LocalDate today) {
        int n = 0;
        for (long id : store.titlesIn(List.of(TitleState.IN_FORCE, TitleState.FLAGGED), null, null,
                today.plusDays(titles.props().reviewWindowDays()))) {
            String subject = TitleService.subject(id);
            if (notifications.exists("TITLE_REVIEW_DUE", subject)) {
                continue;
            }
            Title t = registry.title(id).orElseThrow();
            if (!in(t.creditCode())) {
                continue;
            }
            boolean flagged = store.storedState(id).orElse(TitleState.IN_FORCE) == TitleState.FLAGGED;
            tx.executeWithoutResult(s -> notifications.notify(Recipient.role(Role.OFFICIAL), "TITLE_REVIEW_DUE", subject,
                    (flagged ? "记录不予复核（未按期更新）：" : "启动复核：") + TitleService.tierZh(t.tier()) + "称号 " + id
                            + "（" + t.creditCode() + "，" + t.expiresOn() + " 到期）",
                    (flagged ? "Record no re-review (update missed): " : "Open re-review: ") + TitleService.tierEn(t.tier())
                            + " title " + id + " (" + t.creditCode() + ", expires " + t.expiresOn() + ")",
                    "/titles/" + id, t.expiresOn()));
            n++;
        }
        return n;
    }

    /** Lapses titles past their expiry that were not renewed (in force, flagged, or failed re-review). */
    int lapse(LocalDate today) {
        int n = 0;
        for (long id : store.titlesIn(List.of(TitleState.IN_FORCE, TitleState.FLAGGED, TitleState.REVIEW_FAILED), null,
                today, null)) {
            if (only != null && !in(registry.title(id).orElseThrow().creditCode())) {
                continue;
            }
            try {
                titles.lapse(id, ACTOR);
                n++;
            } catch (BilingualException e) {
                log.warn("title {} not lapsed: {}", id, e.en());
            }
        }
        return n;
    }
}
