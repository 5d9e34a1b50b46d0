package cn.srdi.app.servicedesk;

import cn.srdi.app.audit.AuditTrail;
import cn.srdi.app.identity.CurrentUser;
import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.registry.Enterprise;
import cn.srdi.app.registry.RegistryStore;
import cn.srdi.app.web.BilingualException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The requests (诉求) of the enterprise code service: intake by the firm (suggested category,
 * routing, deadlines, attachments, rate limits), handling by departments through the guarded
 * transitions of {@link Transitions}, and the SLA sweep that escalates requests near or past a
 * deadline and closes unconfirmed resolved ones. Every change is one transaction with its history
 * event and its audit record.
 */
@Service
public class ServiceDesk {

    private static final Logger log = LoggerFactory.getLogger(ServiceDesk.class);

    /** What a firm submits. */
    public record Intake(String category, String subject, String body) {
    }

    /** What a user gives with an action. */
    public record ActionInput(String note, String department, Integer rating, String comment) {

        public static ActionInput note(String note) {
            return new ActionInput(note, null, null, null);
        }
    }

    /** An uploaded file before checks. */
    public record Upload(String fileName, byte[] content) {
    }

    /** Attachment metadata (content read separately). */
    public record AttachmentInfo(long id, long requestId, Long eventId, String fileName, String contentType, int sizeBytes,
                                 String sha256, String uploadedBy, LocalDateTime uploadedAt) {
    }

    /** A request with its history and what the current user may do with it. */
    public record Detail(ServiceRequest request, List<RequestEvent> events, List<AttachmentInfo> attachments,
                         Set<RequestAction> actions, Department department, LocalDateTime now) {
    }

    private final RequestStore store;
    private final Departments departments;
    private final RegistryStore registry;
    private final CategorySuggester suggester;
    private final IntakeLimiter limiter;
    private final SlaTimes times;
    private final Alerts alerts;
    private final AuditTrail audit;
    private final ServiceDeskProperties props;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    /** The firms' intakes, written together when they arrive together (one transaction per batch). */
    private final GroupCommit<Prepared, ServiceRequest> intakes;

    public ServiceDesk(RequestStore store, Departments departments, RegistryStore registry, CategorySuggester suggester,
                       IntakeLimiter limiter, SlaTimes times, Alerts alerts, AuditTrail audit, ServiceDeskProperties props,
                       Clock clock, JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch,
                       PlatformTransactionManager txm) {
        this.batch = batch;
        this.store = store;
        this.departments = departments;
        this.registry = registry;
        this.suggester = suggester;
        this.limiter = limiter;
        this.times = times;
        this.alerts = alerts;
        this.audit = audit;
        this.props = props;
        this.clock = clock;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txm);
        this.intakes = new GroupCommit<>("sd-intake-writer", props.intake().writers(), props.intake().maxBatch(),
                jobs -> tx.execute(s -> writeAll(jobs)));
    }

    /** Stops the intake's writers with the application (after what they are writing). */
    @jakarta.annotation.PreDestroy
    void stopIntakeWriters() {
        intakes.close();
    }

    /** Now in Asia/Shanghai, from the platform clock (tests move it). */
    public LocalDateTime now() {
        // milliseconds: stored exactly by H2 and PostgreSQL (which rounds, not truncates, to microseconds)
        return LocalDateTime.ofInstant(clock.instant(), SlaTimes.ZONE).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    public ServiceDeskProperties properties() {
        return props;
    }

    public CategorySuggester suggester() {
        return suggester;
    }

    // ------------------------------------------------------------------ reading

    /** The SQL filter of the requests the scope may read; 403 for roles that see none. */
    public RequestStore.Filter readable(Scope scope) {
        CurrentUser.require(canRead(scope), "企业诉求 requests");
        return store.scopeFilter(scope, scope.role() == Role.HANDLER && departments.isCoordinator(scope.department()));
    }

    public static boolean canRead(Scope scope) {
        return switch (scope.role()) {
            case ADMIN, OFFICIAL, PARK_OPERATOR, ENTERPRISE, HANDLER -> true;
            default -> false;
        };
    }

    public RequestStore.Page list(Scope scope, RequestStore.Query q) {
        return store.list(readable(scope), q, now());
    }

    public ServiceRequest require(Scope scope, long id) {
        return store.find(readable(scope), id).orElseThrow(() -> notFound(id));
    }

    static BilingualException notFound(long id) {
        return BilingualException.notFound("诉求 " + id + " 不存在或无权查看", "no request " + id + " in your scope");
    }

    public Detail detail(Scope scope, long id) {
        ServiceRequest r = require(scope, id);
        Set<RequestAction> actions = EnumSet.noneOf(RequestAction.class);
        for (RequestAction a : Transitions.allowed(r.status())) {
            if (may(scope, r, a)) {
                actions.add(a);
            }
        }
        if (r.status() == RequestStatus.RESOLVED && r.confirmDueAt() != null && !now().isBefore(r.confirmDueAt())) {
            actions.remove(RequestAction.REOPEN);
        }
        return new Detail(r, store.events(id), attachments(id), actions, departments.find(r.departmentId()).orElse(null), now());
    }

    public List<AttachmentInfo> attachments(long requestId) {
        return jdbc.sql("select id, request_id, event_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at "
                        + "from sd_attachment where request_id = ? order by id")
                .param(requestId)
                .query((rs, n) -> new AttachmentInfo(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3, Long.class),
                        rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8),
                        RequestStore.ldt(rs, 9)))
                .list();
    }

    /** An attachment's metadata and bytes, if the scope may read its request. */
    public Map.Entry<AttachmentInfo, byte[]> attachment(Scope scope, long requestId, long attachmentId) {
        require(scope, requestId);
        AttachmentInfo info = attachments(requestId).stream().filter(a -> a.id() == attachmentId).findFirst()
                .orElseThrow(() -> BilingualException.notFound("附件 " + attachmentId + " 不存在", "no attachment " + attachmentId));
        byte[] bytes = jdbc.sql("select content from sd_attachment where id = ?").param(attachmentId).query(byte[].class).single();
        return Map.entry(info, bytes);
    }

    /** Whether the scope may take the action on the request (who, not when: the state is checked by the table). */
    public boolean may(Scope scope, ServiceRequest r, RequestAction a) {
        return switch (a.actor()) {
            case FIRM -> scope.role() == Role.ENTERPRISE && r.creditCode().equals(scope.creditCode());
            case DEPARTMENT -> scope.role() == Role.HANDLER && scope.department() != null
                    && (scope.department().equals(r.departmentId())
                    || a == RequestAction.TRANSFER && r.escalation() >= 2 && departments.isCoordinator(scope.department()));
            case SYSTEM -> false;
        };
    }

    /** A request, unscoped (for the module's own jobs). */
    ServiceRequest storeFind(long id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    // ------------------------------------------------------------------ intake

    /** A firm raises a request (rate-limited per firm and per client address). */
    public ServiceRequest submit(Scope scope, Intake in, List<Upload> uploads, String address) {
        CurrentUser.require(scope.role() == Role.ENTERPRISE && scope.creditCode() != null, "提交诉求 raising requests");
        Intake clean = validate(in);
        List<AttachmentCheck.Checked> files = checkUploads(uploads);
        limiter.acquire(scope.creditCode(), address == null ? "unknown" : address);
        return intakes.submit(prepare(scope.creditCode(), scope.username(), clean, files, address, now(), true));
    }

    private Intake validate(Intake in) {
        if (in == null) {
            throw BilingualException.badRequest("诉求内容为空", "the request is empty");
        }
        String body = in.body() == null ? "" : in.body().strip();
        if (body.isEmpty()) {
            throw BilingualException.badRequest("诉求内容（body）不能为空", "the request text (body) must not be empty");
        }
        if (body.length() > 4000) {
            throw BilingualException.badRequest("诉求内容（body）最多 4000 个字符，现有 " + body.length(),
                    "the request text (body) has " + body.length() + " characters, at most 4000");
        }
        String subject = in.subject() == null ? "" : in.subject().strip();
        if (subject.length() > 200) {
            throw BilingualException.badRequest("标题（subject）最多 200 个字符", "the subject has more than 200 characters");
        }
        if (subject.isEmpty()) {
            String first = body.split("[\\r\\n。！？!?]", 2)[0].strip();
            subject = first.length() > 40 ? first.substring(0, 40) + "…" : first;
        }
        String category = in.category() == null || in.category().isBlank() ? null : Category.parse(in.category(), "category").name();
        return new Intake(category, subject, body);
    }

    private List<AttachmentCheck.Checked> checkUploads(List<Upload> uploads) {
        List<AttachmentCheck.Checked> out = new ArrayList<>();
        if (uploads == null) {
            return out;
        }
        List<Upload> real = uploads.stream().filter(u -> u != null && u.content() != null && u.content().length > 0
                || u != null && u.fileName() != null && !u.fileName().isBlank()).toList();
        if (real.size() > props.attachments().maxFiles()) {
            throw BilingualException.badRequest("附件最多 " + props.attachments().maxFiles() + " 个，收到 " + real.size() + " 个",
                    "at most " + props.attachments().maxFiles() + " attachments, got " + real.size());
        }
        for (Upload u : real) {
            out.add(AttachmentCheck.check(u.fileName(), u.content(), props.attachments().maxBytes()));
        }
        return out;
    }

    /** Intake at a given instant (the demo replays a year through this); joins the caller's transaction. */
    long submitAt(String creditCode, String actor, Intake in, List<AttachmentCheck.Checked> files, String address,
                  LocalDateTime now, boolean notify) {
        GroupCommit.Outcome<ServiceRequest> o = writeAll(List.of(prepare(creditCode, actor, in, files, address, now, notify))).get(0);
        if (o.error() != null) {
            throw o.error();
        }
        return o.value().id();
    }

    /**
     * An intake checked and ready to be written: its category (the firm's or the suggested one) and
     * its SLA columns are computed before any database work (a new request has no waits for the firm).
     */
    record Prepared(String creditCode, String actor, Intake in, Category category, Category suggested,
                    List<AttachmentCheck.Checked> files, String address, LocalDateTime now, Map<String, Object> sla,
                    boolean alert) {
    }

    Prepared prepare(String creditCode, String actor, Intake in, List<AttachmentCheck.Checked> files, String address,
                     LocalDateTime now, boolean alert) {
        CategorySuggester.Suggestion sug = suggester.suggest(in.subject() + "\n" + in.body());
        Category category = in.category() == null ? sug.category() : Category.valueOf(in.category());
        ServiceRequest draft = new ServiceRequest(0, null, creditCode, null, null, category, sug.category(),
                in.subject(), in.body(), RequestStatus.SUBMITTED, null, null, actor, now, null, null, null, null, null,
                null, null, null, null, null, null, null, null, 0, null, null, null, 0, null, null, null, now, 0);
        Map<String, Object> cols = sla(draft, draft.status(), null, null, draft.resolveFrom(), null, now, List.of());
        return new Prepared(creditCode, actor, in, category, sug.category(), files, address, now, cols, alert);
    }

    /**
     * Writes intakes in the caller's transaction, each table's rows in one JDBC batch (the intakes of
     * many firms at once: {@link GroupCommit}), and returns each request as stored, in order, built
     * from what was written rather than read back; an intake whose firm does not exist fails alone
     * (nothing of it is written). Each request is routed by its category and its firm's park.
     */
    List<GroupCommit.Outcome<ServiceRequest>> writeAll(List<Prepared> intakes) {
        Map<String, Enterprise> firms = new java.util.HashMap<>();
        for (Enterprise e : registry.findAll(intakes.stream().map(Prepared::creditCode).distinct().toList())) {
            firms.put(e.creditCode(), e);
        }
        List<GroupCommit.Outcome<ServiceRequest>> out = new ArrayList<>(intakes.size());
        List<Prepared> known = new ArrayList<>();
        List<RequestStore.NewRequest> rows = new ArrayList<>();
        for (Prepared p : intakes) {
            Enterprise firm = firms.get(p.creditCode());
            if (firm == null) {
                out.add(GroupCommit.Outcome.failed(
                        BilingualException.notFound("企业 " + p.creditCode() + " 不存在", "no enterprise " + p.creditCode())));
                continue;
            }
            out.add(null);
            known.add(p);
            rows.add(new RequestStore.NewRequest(p.creditCode(), firm.parkId(), p.category(), p.suggested(), p.in().subject(),
                    p.in().body(), departments.route(p.category(), firm.parkId()), p.actor(), p.address(), p.now(), p.sla()));
        }
        long[] ids = store.insertAll(rows);
        List<RequestStore.NewEvent> events = new ArrayList<>();
        List<AuditTrail.Entry> audits = new ArrayList<>();
        List<Alerts.NewRequest> toAccept = new ArrayList<>();
        int k = 0;
        for (int i = 0; i < intakes.size(); i++) {
            if (out.get(i) != null) {
                continue;
            }
            Prepared p = known.get(k);
            RequestStore.NewRequest row = rows.get(k);
            long id = ids[k++];
            String department = row.department();
            Map<String, Object> cols = p.sla();
            RequestStore.NewEvent event = new RequestStore.NewEvent(id, p.now(), p.actor(), "SUBMIT", null,
                    RequestStatus.SUBMITTED, department, p.category() == p.suggested() ? null
                    : "企业选择类别 " + p.category().zh() + "（建议 " + p.suggested().zh() + "）");
            if (p.files().isEmpty()) {
                events.add(event);
            } else { // the attachments name their event: this one is written alone, for its id
                saveFiles(id, store.insertEvent(id, p.now(), p.actor(), event.action(), null, event.to(), department,
                        event.note()), p.files(), p.actor(), p.now());
            }
            Enterprise firm = firms.get(p.creditCode());
            ServiceRequest after = new ServiceRequest(id, RequestStore.refNo(p.now(), id), p.creditCode(), firm.name(),
                    firm.parkId(), p.category(), p.suggested(), p.in().subject(), p.in().body(), RequestStatus.SUBMITTED,
                    department, null, p.actor(), p.now(), null, null, null, null, (LocalDateTime) cols.get("accept_due_at"),
                    (LocalDateTime) cols.get("reply_due_at"), (LocalDateTime) cols.get("resolve_due_at"), null, null, null,
                    (String) cols.get("sla_stage"), (LocalDateTime) cols.get("due_at"), (LocalDateTime) cols.get("near_at"),
                    (Integer) cols.get("escalation"), null, null, (LocalDateTime) cols.get("next_check_at"), 0, null, null,
                    null, p.now(), 0);
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("ref_no", after.refNo());
            a.put("firm", p.creditCode());
            a.put("category", p.category().name());
            a.put("suggested", p.suggested().name());
            a.put("department", department);
            a.put("accept_due_at", String.valueOf(after.acceptDueAt()));
            audits.add(new AuditTrail.Entry(p.actor(), "REQUEST_SUBMIT", "service_request", after.refNo(), null, a));
            if (p.alert()) {
                toAccept.add(new Alerts.NewRequest(after, department,
                        after.acceptDueAt() == null ? null : after.acceptDueAt().minusSeconds(1).toLocalDate()));
            }
            out.set(i, GroupCommit.Outcome.of(after));
        }
        store.insertEvents(events);
        audit.recordAll(audits);
        alerts.toAcceptNew(toAccept);
        return out;
    }

    private void saveFiles(long requestId, long eventId, List<AttachmentCheck.Checked> files, String actor, LocalDateTime now) {
        for (AttachmentCheck.Checked f : files) {
            String sha;
            try {
                sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(f.content()));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            jdbc.sql("insert into sd_attachment (request_id, event_id, file_name, content_type, size_bytes, sha256, content, "
                            + "uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(requestId, eventId, f.fileName(), f.contentType(), f.content().length, sha, f.content(), actor,
                            RequestStore.ts(now))
                    .update();
        }
    }

    // ------------------------------------------------------------------ handling

    /** A user takes an action on a request (guarded, audited, one transaction). */
    public ServiceRequest act(Scope scope, long id, RequestAction action, ActionInput in, List<Upload> uploads) {
        ServiceRequest r = require(scope, id);
        if (!may(scope, r, action)) {
            throw new BilingualException(HttpStatus.FORBIDDEN,
                    "您不能对诉求 " + r.refNo() + " 执行「" + action.zh() + "」",
                    "you may not " + action.en() + " request " + r.refNo());
        }
        List<AttachmentCheck.Checked> files = checkUploads(uploads);
        tx.executeWithoutResult(s -> actAt(id, action, in == null ? new ActionInput(null, null, null, null) : in, files,
                scope.username(), now(), true));
        return store.find(id).orElseThrow();
    }

    static BilingualException conflict(ServiceRequest r) {
        return new BilingualException(HttpStatus.CONFLICT, "诉求 " + r.refNo() + " 刚被他人修改，请刷新后重试",
                "request " + r.refNo() + " was just changed by someone else; reload and retry");
    }

    private static String need(String note, String what, String whatEn) {
        if (note == null || note.isBlank()) {
            throw BilingualException.badRequest(what + "不能为空", whatEn + " must not be empty");
        }
        String n = note.strip();
        if (n.length() > 4000) {
            throw BilingualException.badRequest(what + "最多 4000 个字符", whatEn + " has more than 4000 characters");
        }
        return n;
    }

    /** The transition itself at a given instant, by a given actor; joins the caller's transaction. */
    void actAt(long id, RequestAction action, ActionInput in, List<AttachmentCheck.Checked> files, String actor,
               LocalDateTime now, boolean notify) {
        ServiceRequest r = store.find(id).orElseThrow(() -> notFound(id));
        RequestStatus to = Transitions.require(r.refNo(), r.status(), action);
        Map<String, Object> cols = new LinkedHashMap<>();
        cols.put("status", to);
        String note = in.note() == null || in.note().isBlank() ? null : in.note().strip();
        String department = r.departmentId();
        LocalDateTime acceptedAt = r.acceptedAt();
        LocalDateTime firstReplyAt = r.firstReplyAt();
        LocalDateTime resolveFrom = r.resolveFrom();
        LocalDateTime confirmDue = null;
        switch (action) {
            case ACCEPT -> {
                if (acceptedAt == null) {
                    acceptedAt = now;
                    cols.put("accepted_at", now);
                    cols.put("accept_late", r.acceptDueAt() != null && now.isAfter(r.acceptDueAt()));
                }
                cols.put("assignee", actor);
            }
            case DECLINE -> {
                note = need(note, "退回理由", "the reason to decline");
                if (departments.isCoordinator(r.departmentId())) {
                    throw new BilingualException(HttpStatus.CONFLICT, "统筹部门不能退回诉求 " + r.refNo() + "，请转办给职能部门",
                            "the coordinator cannot decline request " + r.refNo() + "; transfer it to a department");
                }
                department = departments.coordinator().id();
                cols.put("department_id", department);
                cols.put("assignee", null);
            }
            case TRANSFER -> {
                note = need(note, "转办说明", "the transfer note");
                Department target = departments.require(in.department());
                if (target.id().equals(r.departmentId())) {
                    throw BilingualException.badRequest("诉求已在部门 " + target.nameZh() + "，无需转办",
                            "the request is already with " + target.nameEn());
                }
                department = target.id();
                cols.put("department_id", department);
                cols.put("assignee", null);
            }
            case REPLY, ASK_MORE, RESOLVE -> {
                note = need(note, action == RequestAction.RESOLVE ? "办结意见" : action == RequestAction.ASK_MORE ? "补充要求" : "答复内容",
                        action == RequestAction.RESOLVE ? "the resolution" : action == RequestAction.ASK_MORE
                                ? "what the firm should supply" : "the reply");
                if (firstReplyAt == null) {
                    firstReplyAt = now;
                    cols.put("first_reply_at", now);
                    cols.put("reply_late", r.replyDueAt() != null && now.isAfter(r.replyDueAt()));
                }
                if (action == RequestAction.ASK_MORE) {
                    cols.put("paused_at", now);
                }
                if (action == RequestAction.RESOLVE) {
                    cols.put("resolved_at", now);
                    cols.put("resolve_late", r.resolveDueAt() != null && now.isAfter(r.resolveDueAt()));
                    confirmDue = now.plusDays(props.confirmDays());
                    cols.put("confirm_due_at", confirmDue);
                }
            }
            case SUPPLY -> {
                if (note == null && files.isEmpty()) {
                    throw BilingualException.badRequest("请填写补充说明或上传附件", "give a note or attach a file");
                }
                if (r.pausedAt() != null) {
                    long before = jdbc.sql("select paused_seconds from sd_request where id = ?").param(id)
                            .query(Long.class).single();
                    cols.put("paused_seconds", before + Math.max(0, java.time.Duration.between(r.pausedAt(), now).toSeconds()));
                }
                cols.put("paused_at", null);
            }
            case CONFIRM -> {
                if (in.rating() == null || in.rating() < 1 || in.rating() > 5) {
                    throw BilingualException.badRequest("满意度评分（rating）须为 1–5", "the satisfaction rating must be 1 to 5");
                }
                String comment = in.comment() == null || in.comment().isBlank() ? null : in.comment().strip();
                if (comment != null && comment.length() > 1000) {
                    throw BilingualException.badRequest("评价内容最多 1000 个字符", "the comment has more than 1000 characters");
                }
                cols.put("rating", in.rating());
                cols.put("rating_comment", comment);
                cols.put("rated_at", now);
                cols.put("closed_at", now);
                note = "评分 " + in.rating() + (comment == null ? "" : "：" + comment);
            }
            case REOPEN -> {
                note = need(note, "重新办理的理由", "the reason to reopen");
                if (r.confirmDueAt() != null && !now.isBefore(r.confirmDueAt())) {
                    throw new BilingualException(HttpStatus.CONFLICT, "诉求 " + r.refNo() + " 已超过 " + props.confirmDays()
                            + " 天确认期（" + r.confirmDueAt() + "），不能重新办理",
                            "request " + r.refNo() + " is past its " + props.confirmDays() + "-day confirmation window ("
                                    + r.confirmDueAt() + ") and cannot be reopened");
                }
                resolveFrom = now;
                cols.put("resolve_from", now);
                cols.put("resolved_at", null);
                cols.put("resolve_late", null);
                cols.put("confirm_due_at", null);
                cols.put("reopen_count", r.reopenCount() + 1);
            }
            case AUTO_CLOSE -> {
                if (r.confirmDueAt() == null || now.isBefore(r.confirmDueAt())) {
                    throw new BilingualException(HttpStatus.CONFLICT, "诉求 " + r.refNo() + " 尚在确认期内",
                            "request " + r.refNo() + " is still in its confirmation window");
                }
                cols.put("closed_at", now);
                note = "确认期满未评价，自动关闭";
            }
            default -> throw new IllegalStateException(action.name());
        }
        long event = store.insertEvent(id, now, actor, action.name(), r.status(), to, department, note);
        saveFiles(id, event, files, actor, now);
        cols.putAll(sla(r, to, acceptedAt, firstReplyAt, resolveFrom, confirmDue == null ? (to == RequestStatus.RESOLVED
                ? r.confirmDueAt() : null) : confirmDue, now));
        if (!store.update(id, r.rowVersion(), cols)) {
            throw conflict(r);
        }
        ServiceRequest after = store.find(id).orElseThrow();
        audit.recordAs(actor, "REQUEST_" + action.name(), "service_request", r.refNo(), summary(r), summary(after));
        if (notify) {
            notifyAfter(after, action);
        }
    }

    private void notifyAfter(ServiceRequest r, RequestAction action) {
        java.time.LocalDate due = r.dueAt() == null ? null : r.dueAt().minusSeconds(1).toLocalDate();
        switch (action) {
            case DECLINE, TRANSFER -> alerts.toAccept(r, r.departmentId(), due);
            case ACCEPT -> alerts.accepted(r, r.assignee(), due);
            case ASK_MORE -> alerts.firm(r, "请补充诉求 " + r.refNo() + " 的材料", "Please supply more for request " + r.refNo(), null);
            case REPLY -> alerts.firm(r, "诉求 " + r.refNo() + " 有新的答复", "Request " + r.refNo() + " has a new reply", null);
            case RESOLVE -> {
                alerts.handled(r);
                alerts.firm(r, "诉求 " + r.refNo() + " 已办结，请确认并评价", "Request " + r.refNo() + " is resolved: confirm and rate",
                        r.confirmDueAt() == null ? null : r.confirmDueAt().toLocalDate());
            }
            case SUPPLY -> {
                alerts.firmDone(r);
                if (r.assignee() != null) {
                    alerts.accepted(r, r.assignee(), due);
                }
            }
            case REOPEN -> {
                alerts.firmDone(r);
                if (r.assignee() != null) {
                    alerts.accepted(r, r.assignee(), due);
                }
            }
            case CONFIRM, AUTO_CLOSE -> alerts.closed(r);
            default -> {
            }
        }
    }

    private static Map<String, Object> summary(ServiceRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", r.status().name());
        m.put("department", r.departmentId());
        m.put("assignee", r.assignee());
        m.put("sla_stage", r.slaStage());
        m.put("due_at", r.dueAt() == null ? null : r.dueAt().toString());
        m.put("escalation", r.escalation());
        if (r.rating() != null) {
            m.put("rating", r.rating());
        }
        return m;
    }

    // ------------------------------------------------------------------ SLA

    /**
     * The SLA columns of a request in state {@code status} with these milestones, at {@code now}:
     * the three due instants (a met stage keeps the due it was measured against), the running stage
     * with its due and near instants, the escalation (reset when the stage changes) and the next
     * instant the sweep must look at the row.
     */
    Map<String, Object> sla(ServiceRequest r, RequestStatus status, LocalDateTime acceptedAt, LocalDateTime firstReplyAt,
                            LocalDateTime resolveFrom, LocalDateTime confirmDue, LocalDateTime now) {
        return sla(r, status, acceptedAt, firstReplyAt, resolveFrom, confirmDue, now, store.waits(r.id()));
    }

    /** {@link #sla(ServiceRequest, RequestStatus, LocalDateTime, LocalDateTime, LocalDateTime, LocalDateTime, LocalDateTime)} with the request's waits for the firm given. */
    private Map<String, Object> sla(ServiceRequest r, RequestStatus status, LocalDateTime acceptedAt,
                                    LocalDateTime firstReplyAt, LocalDateTime resolveFrom, LocalDateTime confirmDue,
                                    LocalDateTime now, List<LocalDateTime[]> waits) {
        int[] d = props.deadlines(r.category());
        Map<String, Object> cols = new LinkedHashMap<>();
        SlaTimes.Stage accept = times.stage(r.createdAt(), d[0], List.of(), now);
        cols.put("accept_due_at", accept.due());
        SlaTimes.Stage reply = times.stage(r.createdAt(), d[1], waits, now);
        if (firstReplyAt == null) {
            cols.put("reply_due_at", reply.due());
        }
        SlaTimes.Stage resolve = times.stage(resolveFrom == null ? r.createdAt() : resolveFrom, d[2], waits, now);
        boolean done = status == RequestStatus.RESOLVED || status == RequestStatus.CLOSED;
        if (!done) {
            cols.put("resolve_due_at", resolve.due());
        }
        String stage = done ? null : acceptedAt == null ? "ACCEPT" : firstReplyAt == null ? "REPLY" : "RESOLVE";
        SlaTimes.Stage running = stage == null ? null : switch (stage) {
            case "ACCEPT" -> accept;
            case "REPLY" -> reply;
            default -> resolve;
        };
        int escalation = stage != null && stage.equals(r.slaStage()) ? r.escalation() : 0;
        boolean paused = status == RequestStatus.WAITING_FIRM;
        cols.put("sla_stage", stage);
        cols.put("escalation", escalation);
        cols.put("due_at", running == null || paused ? null : running.due());
        cols.put("near_at", running == null || paused ? null : running.near());
        LocalDateTime next;
        if (status == RequestStatus.RESOLVED) {
            next = confirmDue;
        } else if (running == null || paused) {
            next = null;
        } else {
            next = escalation == 0 ? running.near() : escalation == 1 ? running.due() : null;
        }
        cols.put("next_check_at", next);
        return cols;
    }

    /**
     * The SLA sweep: every request whose {@code next_check_at} has come (an indexed range query) is
     * escalated (near → the department's supervisor, overdue → the coordinator) or, resolved and past
     * its confirmation window, closed. Escalations go set-based, in chunks of {@link #CHUNK} rows,
     * each chunk one transaction, chunks on {@code srdi.servicedesk.sweep-threads} threads (the
     * sweep's own thread among them); closing is one transaction per request. Returns how many rows
     * were changed.
     */
    public int sweep() {
        LocalDateTime now = now();
        int changed = escalateAllDue(now);
        java.util.Set<Long> seen = new java.util.HashSet<>();
        while (true) { // closing by itself, one request at a time (a transition of its own)
            List<Long> ids = store.dueForCheck(now, 500).stream().filter(seen::add).toList();
            if (ids.isEmpty()) {
                return changed;
            }
            for (long id : ids) {
                try {
                    Boolean c = tx.execute(s -> check(id, now, true));
                    if (Boolean.TRUE.equals(c)) {
                        changed++;
                    }
                } catch (BilingualException e) {
                    log.warn("SLA sweep: request {} skipped: {}", id, e.en());
                }
            }
        }
    }

    /** One row the sweep escalates: as read, and the level it reaches at the sweep's instant. */
    record Due(long id, String refNo, String subject, String department, String stage, int escalation,
               LocalDateTime dueAt, LocalDateTime nearAt, RequestStatus status, int rowVersion, int level) {
    }

    /** To-dos per recipient up to this many requests each; beyond, one to-do naming the count. */
    static final int TODOS_PER_RECIPIENT = 20;

    /** Rows escalated per transaction (the to-dos are grouped per chunk, {@link #TODOS_PER_RECIPIENT}). */
    static final int CHUNK = 5000;

    /** Rows read per round of the sweep (split into chunks; rounds repeat while full). */
    static final int ROUND = 100_000;

    /**
     * Held from a chunk's to-dos until its transaction ends, so that two chunks escalating in
     * parallel see each other's open to-dos (one "N requests" to-do per recipient, not two).
     */
    private final java.util.concurrent.locks.ReentrantLock todoLock = new java.util.concurrent.locks.ReentrantLock(true);

    private volatile java.util.concurrent.ExecutorService sweepPool;

    /**
     * Every escalation due at {@code now}: rounds of one range read of up to {@link #ROUND} rows,
     * each round's chunks escalated in parallel. A chunk that fails rolls back alone (the others
     * stay committed) and the failure is rethrown once the round is over; rows changed by a user
     * meanwhile are left to the next sweep.
     */
    int escalateAllDue(LocalDateTime now) {
        return escalateAllDue(now, ROUND, CHUNK);
    }

    /** {@link #escalateAllDue(LocalDateTime)} with other round and chunk sizes (tests). */
    int escalateAllDue(LocalDateTime now, int round, int chunkSize) {
        int total = 0;
        while (true) {
            List<Due> due = dueRows(now, round);
            if (due.isEmpty()) {
                return total;
            }
            int n = escalateInChunks(now, due, chunkSize);
            total += n;
            if (due.size() < round || n == 0) {
                return total;
            }
        }
    }

    /** Escalates the rows in chunks of {@code chunkSize}, each its own transaction, on the sweep threads. */
    int escalateInChunks(LocalDateTime now, List<Due> due, int chunkSize) {
        List<List<Due>> chunks = new ArrayList<>();
        for (int i = 0; i < due.size(); i += chunkSize) {
            chunks.add(due.subList(i, Math.min(due.size(), i + chunkSize)));
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ConcurrentLinkedQueue<RuntimeException> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < chunks.size(); i = next.getAndIncrement()) {
                List<Due> chunk = chunks.get(i);
                try {
                    Integer n = tx.execute(s -> escalate(now, chunk));
                    done.addAndGet(n == null ? 0 : n);
                } catch (RuntimeException e) {
                    log.warn("SLA sweep: a chunk of {} escalations rolled back: {}", chunk.size(), e.toString());
                    failures.add(e);
                }
            }
        };
        int helpers = Math.min(props.sweepThreads(), chunks.size()) - 1;
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (int h = 0; h < helpers; h++) {
            running.add(pool().submit(worker));
        }
        worker.run();
        for (java.util.concurrent.Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("SLA sweep interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(new IllegalStateException(e.getCause()));
            }
        }
        if (!failures.isEmpty()) {
            throw failures.peek();
        }
        return done.get();
    }

    private java.util.concurrent.ExecutorService pool() {
        if (sweepPool == null) {
            synchronized (this) {
                if (sweepPool == null) {
                    java.util.concurrent.atomic.AtomicInteger k = new java.util.concurrent.atomic.AtomicInteger();
                    sweepPool = java.util.concurrent.Executors.newCachedThreadPool(r -> {
                        Thread t = new Thread(r, "sla-sweep-" + k.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
                }
            }
        }
        return sweepPool;
    }

    @jakarta.annotation.PreDestroy
    void stopPool() {
        if (sweepPool != null) {
            sweepPool.shutdownNow();
        }
    }

    /** Up to {@code limit} rows due at {@code now} whose stage clock runs, with the level each reaches. */
    List<Due> dueRows(LocalDateTime now, int limit) {
        return jdbc.sql("select r.id, r.ref_no, r.subject, r.department_id, r.sla_stage, c.escalation, r.due_at, r.near_at, "
                        + "r.status, c.row_version from " + RequestStore.TABLES + " where c.next_check_at <= ? "
                        + "and r.sla_stage is not null and r.due_at is not null order by c.next_check_at fetch first " + limit
                        + " rows only")
                .param(RequestStore.ts(now))
                .query((rs, n) -> {
                    LocalDateTime dueAt = RequestStore.ldt(rs, 7);
                    LocalDateTime nearAt = RequestStore.ldt(rs, 8);
                    int esc = rs.getInt(6);
                    int level = !now.isBefore(dueAt) ? 2 : nearAt != null && !now.isBefore(nearAt) ? 1 : esc;
                    return new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), esc,
                            dueAt, nearAt, RequestStatus.valueOf(rs.getString(9)), rs.getInt(10), Math.max(level, esc));
                }).list();
    }

    /**
     * Escalates, in one transaction and a handful of batched statements, up to {@code limit} requests
     * whose running stage has reached its near (→ level 1, the department's supervisor) or due
     * (→ level 2, the coordinator) instant. Returns the number of rows changed.
     */
    int escalateDue(LocalDateTime now, int limit) {
        List<Due> due = dueRows(now, limit);
        return due.isEmpty() ? 0 : escalate(now, due);
    }

    /**
     * Escalates the rows as read (joins the caller's transaction): each row's update is guarded by
     * the row version it was read with, so a row a user changed since (a transition, which also
     * bumps the version) is left as the user left it — no level, no history event, no audit
     * record, no to-do — and the next sweep looks at it afresh. The rows updated get their history
     * events and audit records in batches, then the to-dos (under {@link #todoLock} until the
     * transaction ends). Returns the number of rows changed.
     */
    int escalate(LocalDateTime now, List<Due> due) {
        List<Object[]> updates = new ArrayList<>(due.size());
        for (Due d : due) {
            LocalDateTime next = d.level() == 0 ? d.nearAt() : d.level() == 1 ? d.dueAt() : null;
            updates.add(new Object[] {d.level(), RequestStore.ts(next), d.id(), d.rowVersion()});
        }
        int[] counts = batch.batchUpdate("update sd_request_clock set escalation = ?, next_check_at = ?, "
                + "row_version = row_version + 1 where request_id = ? and row_version = ?", updates);
        List<Object[]> events = new ArrayList<>();
        List<AuditTrail.Change> changes = new ArrayList<>();
        List<Due> escalated = new ArrayList<>();
        Map<String, Department> depts = departments.byId();
        int changed = 0;
        for (int i = 0; i < due.size(); i++) {
            if (counts[i] == 0) { // changed by a transition since it was read: the next sweep looks again
                continue;
            }
            changed++;
            Due d = due.get(i);
            if (d.level() > d.escalation()) {
                escalated.add(d);
                String[] stage = stageName(d.stage());
                Department dept = depts.get(d.department());
                String note = d.level() == 2
                        ? stage[0] + "时限 " + d.dueAt() + " 已过，升级至统筹部门"
                        : stage[0] + "时限 " + d.dueAt() + " 临近，提醒" + (dept == null ? "部门" : dept.nameZh()) + "负责人"
                                + (dept == null || dept.supervisor() == null ? "" : " " + dept.supervisor());
                events.add(new Object[] {d.id(), RequestStore.ts(now), "system", "ESCALATE", d.status().name(), d.status().name(),
                        d.department(), note});
                changes.add(new AuditTrail.Change(d.refNo(), Map.of("escalation", d.escalation(), "sla_stage", d.stage()),
                        Map.of("escalation", d.level(), "sla_stage", d.stage(), "due_at", d.dueAt().toString())));
            }
        }
        if (changed < due.size()) {
            log.info("SLA sweep: {} of {} requests changed by users meanwhile, left to the next sweep", due.size() - changed,
                    due.size());
        }
        if (!events.isEmpty()) {
            batch.batchUpdate("insert into sd_request_event (request_id, occurred_at, actor, action, from_status, to_status, "
                    + "department_id, note) values (?, ?, ?, ?, ?, ?, ?, ?)", events);
        }
        audit.recordAllAs("system", "REQUEST_ESCALATE", "service_request", changes);
        if (!escalated.isEmpty()) {
            lockTodosUntilTransactionEnds();
            notifyEscalations(escalated, depts);
        }
        return changed;
    }

    /** Takes {@link #todoLock} (if this thread holds it not yet) and gives it back when the transaction ends. */
    private void lockTodosUntilTransactionEnds() {
        if (todoLock.isHeldByCurrentThread()) {
            return;
        }
        todoLock.lock();
        try {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            todoLock.unlock();
                        }
                    });
        } catch (RuntimeException e) { // no transaction to wait for
            todoLock.unlock();
            throw e;
        }
    }

    private void notifyEscalations(List<Due> escalated, Map<String, Department> depts) {
        Department coordinator = depts.values().stream().filter(Department::coordinating).findFirst().orElse(null);
        Map<String, List<Due>> byRecipientAndLevel = new LinkedHashMap<>();
        Map<String, List<String>> members = new java.util.HashMap<>();
        for (Due d : escalated) {
            java.util.Set<String> to = new java.util.LinkedHashSet<>();
            Department dept = depts.get(d.department());
            if (dept != null && dept.supervisor() != null) {
                to.add(dept.supervisor());
            }
            if (d.level() >= 2 && coordinator != null) {
                if (coordinator.supervisor() != null) {
                    to.add(coordinator.supervisor());
                }
                to.addAll(members.computeIfAbsent(coordinator.id(), departments::members));
            }
            for (String u : to) {
                byRecipientAndLevel.computeIfAbsent(d.level() + "|" + u, k -> new ArrayList<>()).add(d);
            }
        }
        for (Map.Entry<String, List<Due>> e : byRecipientAndLevel.entrySet()) {
            int level = Integer.parseInt(e.getKey().substring(0, 1));
            String user = e.getKey().substring(2);
            List<Due> list = e.getValue();
            if (list.size() <= TODOS_PER_RECIPIENT) {
                for (Due d : list) {
                    String[] stage = stageName(d.stage());
                    alerts.escalateOne(user, d.id(), d.refNo(), d.subject(), level, stage[0], stage[1],
                            d.dueAt().minusSeconds(1).toLocalDate());
                }
            } else {
                alerts.escalateMany(user, level, list.size(), now().toLocalDate());
            }
        }
    }

    /** Escalates or closes one request if its next check has come; true when it changed. */
    boolean check(long id, LocalDateTime now, boolean notify) {
        ServiceRequest r = store.find(id).orElse(null);
        if (r == null || r.nextCheckAt() == null || r.nextCheckAt().isAfter(now)) {
            return false;
        }
        if (r.status() == RequestStatus.RESOLVED) {
            actAt(id, RequestAction.AUTO_CLOSE, new ActionInput(null, null, null, null), List.of(), "system", now, notify);
            return true;
        }
        if (notify && r.slaStage() != null && r.dueAt() != null) {
            return escalateDue(now, 5000) > 0; // the set-based path
        }
        if (r.slaStage() == null || r.dueAt() == null) {
            Map<String, Object> clear = new java.util.HashMap<>();
            clear.put("next_check_at", null);
            return store.update(id, r.rowVersion(), clear);
        }
        int level = !now.isBefore(r.dueAt()) ? 2 : r.nearAt() != null && !now.isBefore(r.nearAt()) ? 1 : r.escalation();
        Map<String, Object> cols = new LinkedHashMap<>();
        if (level <= r.escalation()) {
            cols.put("next_check_at", r.escalation() == 0 ? r.nearAt() : r.escalation() == 1 ? r.dueAt() : null);
            return store.update(id, r.rowVersion(), cols);
        }
        cols.put("escalation", level);
        cols.put("next_check_at", level == 1 ? r.dueAt() : null);
        String[] stage = stageName(r.slaStage());
        Department dept = departments.find(r.departmentId()).orElse(null);
        String note = level == 2
                ? stage[0] + "时限 " + r.dueAt() + " 已过，升级至统筹部门"
                : stage[0] + "时限 " + r.dueAt() + " 临近，提醒" + (dept == null ? "部门" : dept.nameZh()) + "负责人"
                        + (dept == null || dept.supervisor() == null ? "" : " " + dept.supervisor());
        store.insertEvent(id, now, "system", "ESCALATE", r.status(), r.status(), r.departmentId(), note);
        if (!store.update(id, r.rowVersion(), cols)) {
            throw conflict(r);
        }
        ServiceRequest after = store.find(id).orElseThrow();
        audit.recordAs("system", "REQUEST_ESCALATE", "service_request", r.refNo(), summary(r), summary(after));
        if (notify) {
            alerts.escalate(after, level, stage[0], stage[1], r.dueAt().minusSeconds(1).toLocalDate());
        }
        return true;
    }

    /**
     * The official calendar changed (an administrator's edit, committed): the stored deadlines of
     * open requests whose periods run through the changed years are recomputed, each in its own
     * transaction, so the sweep escalates on the new calendar.
     */
    @org.springframework.context.event.EventListener
    public void on(cn.srdi.app.calendar.CalendarChanged changed) {
        if (changed.years().isEmpty()) {
            return;
        }
        int n = recomputeOpen(changed.years().first(), changed.years().last());
        log.info("calendar changed ({}): deadlines of {} open requests recomputed", changed.years(), n);
    }

    /** Recomputes the SLA columns of open requests whose periods touch the years {@code from}..{@code to}. */
    public int recomputeOpen(int from, int to) {
        LocalDateTime lo = LocalDateTime.of(from, 1, 1, 0, 0);
        LocalDateTime hi = LocalDateTime.of(to + 1, 1, 1, 0, 0);
        TransactionTemplate own = new TransactionTemplate(tx.getTransactionManager());
        own.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        LocalDateTime now = now();
        long after = 0;
        int n = 0;
        while (true) {
            List<Long> ids = jdbc.sql("select id from sd_request where status not in ('RESOLVED', 'CLOSED') and id > ? "
                            + "and created_at < ? and (resolve_due_at is null or resolve_due_at >= ?) order by id fetch first 500 rows only")
                    .params(after, RequestStore.ts(hi), RequestStore.ts(lo)).query(Long.class).list();
            if (ids.isEmpty()) {
                return n;
            }
            for (long id : ids) {
                own.executeWithoutResult(s -> {
                    ServiceRequest r = store.find(id).orElseThrow();
                    Map<String, Object> cols = sla(r, r.status(), r.acceptedAt(), r.firstReplyAt(), r.resolveFrom(),
                            r.confirmDueAt(), now);
                    if (!store.update(id, r.rowVersion(), cols)) {
                        throw conflict(r);
                    }
                });
                n++;
                after = id;
            }
        }
    }

    static String[] stageName(String stage) {
        return switch (stage == null ? "" : stage) {
            case "ACCEPT" -> new String[] {"受理", "acceptance"};
            case "REPLY" -> new String[] {"首次答复", "first reply"};
            case "RESOLVE" -> new String[] {"办结", "resolution"};
            default -> new String[] {"—", "—"};
        };
    }
}
