package cn.srdi.app.titles;

import cn.srdi.app.audit.AuditTrail;
import cn.srdi.app.grading.GradeSummary;
import cn.srdi.app.grading.GradingService;
import cn.srdi.app.grading.RuleChoice;
import cn.srdi.app.grading.StoredGrade;
import cn.srdi.app.identity.CurrentUser;
import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.notification.Notifications;
import cn.srdi.app.notification.Recipient;
import cn.srdi.app.registry.RegistryStore;
import cn.srdi.app.registry.Title;
import cn.srdi.app.web.BilingualException;
import cn.srdi.engine.model.ApplicationType;
import cn.srdi.engine.model.Tier;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Title management after recognition (动态管理): every change is a transition of {@link Transitions},
 * applied in one transaction with the registry's title, the audit record (actor, reason, before,
 * after) and the to-dos it raises or closes.
 */
@Service
public class TitleService {

    static final int REASON_MAX = 1000;

    private final TitleStore store;
    private final RegistryStore registry;
    private final GradingService grading;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final UpdateDeadlines deadlines;
    private final TitlesProperties props;
    private final Clock clock;
    private final TransactionTemplate tx;

    TitleService(TitleStore store, RegistryStore registry, GradingService grading, AuditTrail audit,
                 Notifications notifications, UpdateDeadlines deadlines, TitlesProperties props, Clock clock,
                 PlatformTransactionManager txm) {
        this.store = store;
        this.registry = registry;
        this.grading = grading;
        this.audit = audit;
        this.notifications = notifications;
        this.deadlines = deadlines;
        this.props = props;
        this.clock = clock;
        this.tx = new TransactionTemplate(txm);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    TitlesProperties props() {
        return props;
    }

    UpdateDeadlines deadlines() {
        return deadlines;
    }

    // ------------------------------------------------------------------ reads

    /** Titles of the officials' lists may be read by officials, administrators and park operators (own parks). */
    static void requireLists(Scope scope) {
        CurrentUser.require(scope.canReadCandidates(), "titles");
    }

    static void requireOfficial(Scope scope) {
        CurrentUser.require(scope.role() == Role.ADMIN || scope.role() == Role.OFFICIAL, "title management");
    }

    /** A title the scope may read (404 otherwise). */
    public TitleView title(Scope scope, long id) {
        CurrentUser.require(scope.canReadCandidates() || scope.role() == Role.ENTERPRISE, "titles");
        return store.find(scope, id).orElseThrow(() -> BilingualException.notFound("未找到称号 " + id, "no title " + id));
    }

    List<TitleView> list(Scope scope, TitleStore.View view, int limit) {
        requireLists(scope);
        return store.list(scope, view, today(), props.reviewWindowDays(), limit);
    }

    /** A firm's titles: the firm itself, or roles that read title lists; 404 outside the scope. */
    public List<TitleView> firmTitles(Scope scope, String code) {
        requireFirm(scope, code);
        return store.ofFirm(scope, code);
    }

    void requireFirm(Scope scope, String code) {
        CurrentUser.require(scope.canReadCandidates() || scope.role() == Role.ENTERPRISE, "titles");
        registry.find(scope, code).orElseThrow(() -> BilingualException.notFound("未找到企业 " + code, "no enterprise " + code));
    }

    List<Object[]> flags(Scope scope, String code) {
        requireFirm(scope, code);
        return store.flags(code);
    }

    List<AuditTrail.Event> history(Scope scope, long id) {
        title(scope, id);
        return audit.latest("title", Long.toString(id), 100);
    }

    // ------------------------------------------------------------------ transitions

    /** What a transition did. */
    record Applied(long titleId, TitleState from, TitleState to, Title before, Title after) {
    }

    /**
     * Applies one event to a title inside the current transaction: checks the table, writes the new
     * state (optimistically: a concurrent change makes this a 409), updates the registry's title
     * (status, and the expiry when given) and audits actor, reason, before and after.
     */
    Applied apply(long id, TitleEvent event, String actor, String reason, LocalDate newExpiry) {
        Title t = registry.title(id).orElseThrow(() -> BilingualException.notFound("未找到称号 " + id, "no title " + id));
        var stored = store.storedState(id);
        TitleState from = stored.orElse(TitleState.of(t.status()));
        TitleState to = Transitions.next(id, from, event);
        LocalDateTime now = LocalDateTime.now(clock);
        if (!store.writeState(id, t.creditCode(), from, stored.isPresent(), to, actor, reason, now)) {
            throw new BilingualException(HttpStatus.CONFLICT, "称号 " + id + " 刚被他人修改，请刷新后重试",
                    "title " + id + " was just changed by someone else; reload and try again");
        }
        LocalDate expiry = newExpiry != null ? newExpiry : t.expiresOn();
        if (to.registryStatus() != t.status() || !java.util.Objects.equals(expiry, t.expiresOn())) {
            registry.updateTitle(id, to.registryStatus(), expiry);
        }
        Title after = new Title(t.id(), t.creditCode(), t.tier(), t.recognisedOn(), expiry, to.registryStatus(), t.note());
        audit.recordAs(actor, "TITLE_" + event.name(), "title", Long.toString(id), snapshot(t, from, null),
                snapshot(after, to, reason));
        return new Applied(id, from, to, t, after);
    }

    private static Map<String, Object> snapshot(Title t, TitleState state, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("credit_code", t.creditCode());
        m.put("tier", t.tier().name());
        m.put("state", state.name());
        m.put("registry_status", t.status().name());
        m.put("expires_on", t.expiresOn() == null ? null : t.expiresOn().toString());
        if (reason != null) {
            m.put("reason", reason);
        }
        return m;
    }

    static String reason(String r, boolean required) {
        String s = r == null ? "" : r.strip();
        if (required && s.isEmpty()) {
            throw BilingualException.badRequest("请填写理由", "a reason is required");
        }
        if (s.length() > REASON_MAX) {
            throw BilingualException.badRequest("理由不能超过 " + REASON_MAX + " 个字符", "the reason may have at most "
                    + REASON_MAX + " characters");
        }
        return s.isEmpty() ? null : s;
    }

    static String subject(long titleId) {
        return "title:" + titleId;
    }

    static String tierZh(Tier t) {
        return switch (t) {
            case INNOVATIVE -> "创新型中小企业";
            case TECH_INNOVATIVE -> "科技和创新型中小企业";
            case SRDI -> "专精特新中小企业";
            case LITTLE_GIANT -> "专精特新“小巨人”企业";
            case CHAMPION -> "制造业单项冠军";
        };
    }

    static String tierEn(Tier t) {
        return switch (t) {
            case INNOVATIVE -> "innovative SME";
            case TECH_INNOVATIVE -> "technology and innovation SME";
            case SRDI -> "SRDI SME";
            case LITTLE_GIANT -> "little giant";
            case CHAMPION -> "single champion";
        };
    }

    // ------------------------------------------------------------------ flags

    /**
     * Flags a firm that missed the yearly update of {@code d}: records the flag (once per firm and
     * year) and moves its titles in force (recognised by the deadline) to FLAGGED. Idempotent.
     *
     * @return the titles flagged now (empty when the firm was already flagged for the year)
     */
    List<Long> flagMissedUpdate(String code, UpdateDeadline d, String actor) {
        return tx.execute(s -> {
            if (store.hasFlag(code, d.year())) {
                return List.of();
            }
            store.insertFlag(code, d, LocalDateTime.now(clock));
            List<Long> ids = new ArrayList<>();
            for (long id : store.titlesIn(List.of(TitleState.IN_FORCE), code, null, null)) {
                Title t = registry.title(id).orElseThrow();
                if (!t.recognisedOn().isAfter(d.deadline())) {
                    apply(id, TitleEvent.FLAG_UPDATE_MISSED, actor, "未在 " + d.deadline() + " 前更新 " + d.fiscalYear()
                            + " 年度数据（" + d.ruleSet() + "） / fiscal " + d.fiscalYear() + " data not updated by "
                            + d.deadline() + " (" + d.ruleSet() + ")", null);
                    ids.add(id);
                }
            }
            notifications.completeSubject("update:" + d.year() + ":" + code);
            notifications.notify(Recipient.firm(code), "TITLE_UPDATE_MISSED", "flag:" + d.year() + ":" + code,
                    "贵企业未在 " + d.deadline() + " 前更新 " + d.fiscalYear() + " 年度数据，已丧失复核资格",
                    "Your firm did not update its fiscal " + d.fiscalYear() + " data by " + d.deadline()
                            + " and has lost re-review eligibility", "/titles/firm/" + code, null);
            return ids;
        });
    }

    /** An official clears a firm's missed-update flags (e.g. the data was filed in time elsewhere); its flagged titles return in force. */
    List<Long> clearFlag(Scope scope, long titleId, String reason) {
        requireOfficial(scope);
        String why = reason(reason, true);
        TitleView v = title(scope, titleId);
        return tx.execute(s -> {
            if (Transitions.target(store.storedState(titleId).orElse(v.state()), TitleEvent.CLEAR_FLAG).isEmpty()) {
                throw Transitions.refused(titleId, v.state(), TitleEvent.CLEAR_FLAG);
            }
            store.clearFlags(v.creditCode(), scope.username(), why, LocalDateTime.now(clock));
            List<Long> ids = new ArrayList<>();
            for (long id : store.titlesIn(List.of(TitleState.FLAGGED), v.creditCode(), null, null)) {
                apply(id, TitleEvent.CLEAR_FLAG, scope.username(), why, null);
                ids.add(id);
            }
            for (Object[] f : store.flags(v.creditCode())) {
                notifications.completeSubject("flag:" + f[0] + ":" + v.creditCode());
            }
            return ids;
        });
    }

    // ------------------------------------------------------------------ re-review

    /** Opens the re-review of a title due for it (expiring within the review window). */
    TitleView openReview(Scope scope, long id, String reason) {
        requireOfficial(scope);
        TitleView v = title(scope, id);
        String why = reason(reason, false);
        if (v.state() == TitleState.IN_FORCE && v.expiresOn() != null
                && v.expiresOn().isAfter(today().plusDays(props.reviewWindowDays()))) {
            throw new BilingualException(HttpStatus.CONFLICT,
                    "称号 " + id + " 于 " + v.expiresOn() + " 到期，尚未进入复核期（到期前 " + props.reviewWindowDays() + " 天内）",
                    "title " + id + " expires on " + v.expiresOn() + ": not yet due for re-review (within "
                            + props.reviewWindowDays() + " days of expiry)");
        }
        tx.executeWithoutResult(s -> {
            apply(id, TitleEvent.OPEN_REVIEW, scope.username(), why, null);
            store.clearReview(id);
            notifications.notify(Recipient.role(Role.OFFICIAL), "TITLE_REVIEW_DECIDE", subject(id),
                    "复核 " + v.firmName() + " 的" + tierZh(v.tier()) + "称号（" + v.expiresOn() + " 到期）：评价并作出决定",
                    "Re-review the " + tierEn(v.tier()) + " title of " + v.firmName() + " (expires " + v.expiresOn()
                            + "): grade and decide", "/titles/" + id, v.expiresOn());
            notifications.notify(Recipient.firm(v.creditCode()), "TITLE_REVIEW_OPENED", subject(id),
                    "贵企业的" + tierZh(v.tier()) + "称号已进入复核，请确认年度数据已更新",
                    "The re-review of your " + tierEn(v.tier()) + " title has started: make sure your yearly data is up to date",
                    "/titles/firm/" + v.creditCode(), v.expiresOn());
            notifications.complete("TITLE_REVIEW_DUE", subject(id));
        });
        return title(scope, id);
    }

    /**
     * Re-grades the firm of a title under re-review through the grading module (application type
     * REVIEW, rules {@code auto}: the rule set and transition rules in force on today's date), and
     * records the engine's status of the title's tier.
     */
    TitleView gradeReview(Scope scope, long id) {
        requireOfficial(scope);
        TitleView v = title(scope, id);
        if (v.state() != TitleState.UNDER_REVIEW) {
            throw new BilingualException(HttpStatus.CONFLICT, "称号 " + id + " 当前状态为“" + v.state().zh() + "”，不在复核中",
                    "title " + id + " is " + v.state().en() + ", not under re-review");
        }
        StoredGrade g = grading.gradeFirm(scope, v.creditCode(), today(), RuleChoice.auto(), ApplicationType.REVIEW);
        String status = tierStatus(g.summary(), v.tier());
        tx.executeWithoutResult(s -> {
            store.recordReviewGrade(id, g.runId(), status, g.summary().ruleSets(), today());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("run", g.runId());
            after.put("tier", v.tier().name());
            after.put("status", status);
            after.put("rule_sets", g.summary().ruleSets());
            audit.recordAs(scope.username(), "TITLE_REVIEW_GRADED", "title", Long.toString(id), null, after);
        });
        return title(scope, id);
    }

    /** The engine's status of a tier in a grade summary (NOT_MET when the tier was not graded). */
    static String tierStatus(GradeSummary s, Tier tier) {
        String st = switch (tier) {
            case INNOVATIVE -> s.statusInnovative() != null ? s.statusInnovative() : s.statusTech();
            case TECH_INNOVATIVE -> s.statusTech() != null ? s.statusTech() : s.statusInnovative();
            case SRDI -> s.statusSrdi();
            case LITTLE_GIANT -> s.statusGiant();
            case CHAMPION -> s.statusChampion();
        };
        return st == null ? "NOT_MET" : st;
    }

    /**
     * Records the re-review decision. Pass needs a grade whose status for the tier is PASS, or
     * REVIEW (conditions checked by hand) with a reason, and extends the validity by 3 years from
     * the current expiry; fail needs a reason and lets the title lapse at expiry.
     */
    TitleView decideReview(Scope scope, long id, boolean pass, String reason) {
        requireOfficial(scope);
        TitleView v = title(scope, id);
        String why = reason(reason, !pass || "REVIEW".equals(v.reviewStatus()));
        if (v.state() == TitleState.UNDER_REVIEW && v.reviewStatus() == null) {
            throw new BilingualException(HttpStatus.CONFLICT, "称号 " + id + " 尚未复核评价，请先评价再决定",
                    "title " + id + " has not been re-graded yet: grade it before deciding");
        }
        if (pass && v.state() == TitleState.UNDER_REVIEW && !("PASS".equals(v.reviewStatus()) || "REVIEW".equals(v.reviewStatus()))) {
            throw new BilingualException(HttpStatus.CONFLICT,
                    "称号 " + id + " 的复核评价结果为 " + v.reviewStatus() + "，不能决定通过",
                    "title " + id + " was re-graded " + v.reviewStatus() + ": it cannot pass");
        }
        tx.executeWithoutResult(s -> {
            LocalDate newExpiry = pass && v.expiresOn() != null ? v.expiresOn().plusYears(Title.VALIDITY_YEARS) : null;
            apply(id, pass ? TitleEvent.PASS_REVIEW : TitleEvent.FAIL_REVIEW, scope.username(), why, newExpiry);
            store.recordDecision(id, pass ? "PASS" : "FAIL", scope.username(), LocalDateTime.now(clock));
            notifications.complete("TITLE_REVIEW_DECIDE", subject(id));
            notifications.complete("TITLE_REVIEW_OPENED", subject(id));
            notifications.notify(Recipient.firm(v.creditCode()), "TITLE_REVIEW_RESULT", subject(id),
                    pass ? "贵企业的" + tierZh(v.tier()) + "称号复核通过，有效期延至 " + newExpiry
                            : "贵企业的" + tierZh(v.tier()) + "称号复核未通过，将于 " + v.expiresOn() + " 到期失效",
                    pass ? "Your " + tierEn(v.tier()) + " title passed re-review: valid until " + newExpiry
                            : "Your " + tierEn(v.tier()) + " title failed re-review and lapses on " + v.expiresOn(),
                    "/titles/firm/" + v.creditCode(), null);
        });
        return title(scope, id);
    }

    /** Records that a flagged title gets no re-review (its firm lost eligibility): it lapses at expiry. */
    TitleView declineReview(Scope scope, long id, String reason) {
        requireOfficial(scope);
        TitleView v = title(scope, id);
        String why = reason(reason, false);
        String r = why != null ? why : "未按期更新年度数据，无复核资格 / no re-review eligibility: yearly update missed";
        tx.executeWithoutResult(s -> {
            apply(id, TitleEvent.DECLINE_REVIEW, scope.username(), r, null);
            store.recordDecision(id, "INELIGIBLE", scope.username(), LocalDateTime.now(clock));
            notifications.complete("TITLE_REVIEW_DUE", subject(id));
            notifications.notify(Recipient.firm(v.creditCode()), "TITLE_REVIEW_RESULT", subject(id),
                    "贵企业未按期更新年度数据，" + tierZh(v.tier()) + "称号不予复核，将于 " + v.expiresOn() + " 到期失效",
                    "Your " + tierEn(v.tier()) + " title gets no re-review (yearly update missed) and lapses on " + v.expiresOn(),
                    "/titles/firm/" + v.creditCode(), null);
        });
        return title(scope, id);
    }

    /** Lapses one title at expiry (the scheduled job). */
    void lapse(long id, String actor) {
        tx.executeWithoutResult(s -> {
            Applied a = apply(id, TitleEvent.LAPSE, actor, "有效期届满（" + registry.title(id).orElseThrow().expiresOn()
                    + "）未通过复核 / expired without a passed re-review", null);
            notifications.completeSubject(subject(id));
            notifications.notify(Recipient.firm(a.after().creditCode()), "TITLE_LAPSED", subject(id),
                    "贵企业的" + tierZh(a.after().tier()) + "称号已于 " + a.after().expiresOn() + " 到期失效",
                    "Your " + tierEn(a.after().tier()) + " title lapsed on " + a.after().expiresOn(),
                    "/titles/firm/" + a.after().creditCode(), null);
        });
    }

    // ------------------------------------------------------------------ revocation

    /**
     * Revokes a title for a ground of the rules and bans a new application for 3 years; data fraud
     * revokes every title the firm holds at once and bans every tier.
     *
     * @return the revoked title ids
     */
    List<Long> revoke(Scope scope, long id, RevocationGround ground, String reason) {
        requireOfficial(scope);
        if (ground == null) {
            throw BilingualException.badRequest("请选择撤销事由（ACCIDENT、UNTRUSTWORTHY、TAX_EVASION、DATA_FRAUD）",
                    "choose a ground (ACCIDENT, UNTRUSTWORTHY, TAX_EVASION, DATA_FRAUD)");
        }
        String why = reason(reason, true);
        TitleView v = title(scope, id);
        LocalDate today = today();
        return tx.execute(s -> {
            List<Long> ids = new ArrayList<>();
            String r = ground.zh() + "：" + why + " / " + ground.en();
            if (ground.revokesEveryTitle()) {
                Transitions.next(id, store.storedState(id).orElse(v.state()), TitleEvent.REVOKE);
                ids.addAll(store.titlesIn(List.of(TitleState.IN_FORCE, TitleState.FLAGGED, TitleState.UNDER_REVIEW,
                        TitleState.REVIEW_FAILED), v.creditCode(), null, null));
            } else {
                ids.add(id);
            }
            for (long t : ids) {
                apply(t, TitleEvent.REVOKE, scope.username(), r, null);
                notifications.completeSubject(subject(t));
            }
            long ban = store.insertBan(v.creditCode(), ground.revokesEveryTitle() ? null : v.tier(), ground, why, today,
                    today.plusYears(props.banYears()), id, scope.username(), LocalDateTime.now(clock));
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("credit_code", v.creditCode());
            after.put("tier", ground.revokesEveryTitle() ? "ALL" : v.tier().name());
            after.put("ground", ground.name());
            after.put("reason", why);
            after.put("starts_on", today.toString());
            after.put("ends_on", today.plusYears(props.banYears()).toString());
            after.put("titles", ids);
            audit.recordAs(scope.username(), "TITLE_BAN", "enterprise", v.creditCode(), null, after);
            notifications.notify(Recipient.firm(v.creditCode()), "TITLE_REVOKED", "ban:" + ban,
                    "贵企业的称号已因“" + ground.zh() + "”被撤销，" + props.banYears() + " 年内不得再次申报",
                    "Your title(s) were revoked for " + ground.en() + "; no new application for " + props.banYears() + " years",
                    "/titles/firm/" + v.creditCode(), null);
            return ids;
        });
    }

    // ------------------------------------------------------------------ change reports

    /** A firm (or an official on its behalf) files a major-change report; late when more than 3 months after the change. */
    ChangeReport fileChange(Scope scope, String code, ChangeType type, LocalDate changedOn, String details) {
        CurrentUser.require(scope.role() == Role.ENTERPRISE || scope.role() == Role.ADMIN || scope.role() == Role.OFFICIAL,
                "change reports");
        requireFirm(scope, code);
        if (type == null) {
            throw BilingualException.badRequest("请选择变更类型（RENAME、MERGER、RELOCATION、FOREIGN_BRANCH）",
                    "choose a change type (RENAME, MERGER, RELOCATION, FOREIGN_BRANCH)");
        }
        LocalDate today = today();
        if (changedOn == null || changedOn.isAfter(today)) {
            throw BilingualException.badRequest("变更日期必填且不能晚于今天（" + today + "）",
                    "the date of change is required and may not be after today (" + today + ")");
        }
        String d = details == null ? "" : details.strip();
        if (d.isEmpty() || d.length() > 2000) {
            throw BilingualException.badRequest("变更说明必填，最多 2000 个字符", "details are required, at most 2000 characters");
        }
        if (store.titlesIn(List.of(TitleState.IN_FORCE, TitleState.FLAGGED, TitleState.UNDER_REVIEW, TitleState.REVIEW_FAILED),
                code, null, null).isEmpty()) {
            throw new BilingualException(HttpStatus.CONFLICT, "企业 " + code + " 没有有效称号，无需报告重大变更",
                    "enterprise " + code + " holds no title in force: no change report is due");
        }
        boolean late = today.isAfter(changedOn.plusMonths(props.reportMonths()));
        long id = tx.execute(s -> {
            long rid = store.insertReport(code, type, changedOn, d, scope.username(), LocalDateTime.now(clock), late);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("credit_code", code);
            after.put("type", type.name());
            after.put("changed_on", changedOn.toString());
            after.put("late", late);
            audit.recordAs(scope.username(), "CHANGE_REPORT_FILED", "change_report", Long.toString(rid), null, after);
            notifications.notify(Recipient.role(Role.OFFICIAL), "TITLE_CHANGE_ACK", "change:" + rid,
                    "确认重大变更报告 " + rid + "（" + type.zh() + "，" + code + (late ? "，逾期报告" : "") + "）",
                    "Acknowledge change report " + rid + " (" + type.en() + ", " + code + (late ? ", filed late" : "") + ")",
                    "/titles/changes", today.plusDays(15));
            return rid;
        });
        return store.report(scope, id).orElseThrow();
    }

    /** An official acknowledges a change report (FILED → ACKNOWLEDGED, once). */
    ChangeReport acknowledge(Scope scope, long id, String note) {
        requireOfficial(scope);
        String n = reason(note, false);
        ChangeReport r = store.report(scope, id)
                .orElseThrow(() -> BilingualException.notFound("未找到变更报告 " + id, "no change report " + id));
        tx.executeWithoutResult(s -> {
            if (!store.acknowledge(id, scope.username(), n, LocalDateTime.now(clock))) {
                throw new BilingualException(HttpStatus.CONFLICT, "变更报告 " + id + " 已确认，不能重复确认",
                        "change report " + id + " was already acknowledged");
            }
            audit.recordAs(scope.username(), "CHANGE_REPORT_ACKNOWLEDGED", "change_report", Long.toString(id),
                    Map.of("status", r.status()), n == null ? Map.of("status", ChangeReport.ACKNOWLEDGED)
                            : Map.of("status", ChangeReport.ACKNOWLEDGED, "note", n));
            notifications.complete("TITLE_CHANGE_ACK", "change:" + id);
        });
        return store.report(scope, id).orElseThrow();
    }

    List<ChangeReport> reports(Scope scope, String code, String status, Boolean late, int limit) {
        if (code != null) {
            requireFirm(scope, code);
        } else {
            requireLists(scope);
        }
        return store.reports(scope, code, status, late, limit);
    }

    List<Ban> bans(Scope scope, String code) {
        if (code != null) {
            requireFirm(scope, code);
        } else {
            requireLists(scope);
        }
        return code == null ? store.bans(scope, 500)
                : store.bans(scope, 500).stream().filter(b -> b.creditCode().equals(code)).toList();
    }
}
