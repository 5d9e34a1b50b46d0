package cn.srdi.app.servicedesk.web;

import cn.srdi.app.identity.CurrentUser;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.servicedesk.Category;
import cn.srdi.app.servicedesk.CodeSheets;
import cn.srdi.app.servicedesk.FirmCodes;
import cn.srdi.app.servicedesk.RequestAction;
import cn.srdi.app.servicedesk.RequestEvent;
import cn.srdi.app.servicedesk.RequestStatus;
import cn.srdi.app.servicedesk.RequestStore;
import cn.srdi.app.servicedesk.ServiceDesk;
import cn.srdi.app.servicedesk.ServiceRequest;
import cn.srdi.app.servicedesk.Statistics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the enterprise code service; the caller's scope applies as on the pages. */
@RestController
@RequestMapping("/api/v1/servicedesk")
@Tag(name = "servicedesk", description = "企业码上服务: requests, actions, statistics, enterprise codes")
class ServiceDeskApi {

    private final ServiceDesk desk;
    private final Statistics stats;
    private final CodeSheets sheets;
    private final FirmCodes codes;

    ServiceDeskApi(ServiceDesk desk, Statistics stats, CodeSheets sheets, FirmCodes codes) {
        this.desk = desk;
        this.stats = stats;
        this.sheets = sheets;
        this.codes = codes;
    }

    /** A bilingual 429 with Retry-After. */
    @org.springframework.web.bind.annotation.ExceptionHandler(cn.srdi.app.servicedesk.IntakeLimiter.TooManyRequests.class)
    ResponseEntity<Map<String, Object>> tooMany(cn.srdi.app.servicedesk.IntakeLimiter.TooManyRequests e, HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 429);
        body.put("error_zh", e.zh());
        body.put("error_en", e.en());
        body.put("path", request.getRequestURI());
        return ResponseEntity.status(429).header("Retry-After", String.valueOf(e.retryAfterSeconds())).body(body);
    }

    /** A request as the API shows it (no contacts of the firm). */
    record RequestJson(long id, String refNo, String creditCode, String firmName, String parkId, String category,
                       String suggestedCategory, String subject, String body, String status, String department,
                       String assignee, LocalDateTime createdAt, LocalDateTime acceptedAt, LocalDateTime firstReplyAt,
                       LocalDateTime resolvedAt, LocalDateTime closedAt, LocalDateTime acceptDueAt, LocalDateTime replyDueAt,
                       LocalDateTime resolveDueAt, String slaStage, String slaState, LocalDateTime dueAt, int escalation,
                       LocalDateTime confirmDueAt, Integer rating, String ratingComment) {

        static RequestJson of(ServiceRequest r, LocalDateTime now) {
            return new RequestJson(r.id(), r.refNo(), r.creditCode(), r.firmName(), r.parkId(), r.category().name(),
                    r.suggestedCategory() == null ? null : r.suggestedCategory().name(), r.subject(), r.body(), r.status().name(),
                    r.departmentId(), r.assignee(), r.createdAt(), r.acceptedAt(), r.firstReplyAt(), r.resolvedAt(),
                    r.closedAt(), r.acceptDueAt(), r.replyDueAt(), r.resolveDueAt(), r.slaStage(), r.slaState(now), r.dueAt(),
                    r.escalation(), r.confirmDueAt(), r.rating(), r.ratingComment());
        }
    }

    /** What an action takes. */
    record ActionBody(String note, String department, Integer rating, String comment) {
    }

    @Operation(summary = "Raise a request (enterprise users; rate-limited per firm and per client address: 429)")
    @PostMapping(value = "/requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RequestJson> submit(@RequestBody(required = false) ServiceDesk.Intake body, HttpServletRequest request) {
        ServiceRequest r = desk.submit(CurrentUser.scope(), body, List.of(), Uploads.address(request));
        return ResponseEntity.created(URI.create("/api/v1/servicedesk/requests/" + r.id())).body(RequestJson.of(r, desk.now()));
    }

    @Operation(summary = "Raise a request with attachments (multipart/form-data: category, subject, body, files; the "
            + "files are checked by size and by content: 413, 415)")
    @PostMapping(value = "/requests", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<RequestJson> submitWithFiles(@RequestParam(value = "category", required = false) String category,
                                                @RequestParam(value = "subject", required = false) String subject,
                                                @RequestParam(value = "body", required = false) String text,
                                                @RequestParam(value = "files", required = false) List<MultipartFile> files,
                                                HttpServletRequest request) {
        ServiceRequest r = desk.submit(CurrentUser.scope(), new ServiceDesk.Intake(category, subject, text), Uploads.of(files),
                Uploads.address(request));
        return ResponseEntity.created(URI.create("/api/v1/servicedesk/requests/" + r.id())).body(RequestJson.of(r, desk.now()));
    }

    @Operation(summary = "The content of one attachment, to any user who may read the request")
    @GetMapping("/requests/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable("id") long id, @PathVariable("attachmentId") long attachmentId) {
        Map.Entry<ServiceDesk.AttachmentInfo, byte[]> a = desk.attachment(CurrentUser.scope(), id, attachmentId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(a.getKey().contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                        .filename(a.getKey().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(a.getValue());
    }

    @Operation(summary = "Requests in the caller's scope, newest first")
    @GetMapping("/requests")
    Map<String, Object> list(@RequestParam(value = "status", required = false) String status,
                             @RequestParam(value = "category", required = false) String category,
                             @RequestParam(value = "department", required = false) String department,
                             @RequestParam(value = "overdue", required = false) Boolean overdue,
                             @RequestParam(value = "page", defaultValue = "0") int page,
                             @RequestParam(value = "size", defaultValue = "20") int size) {
        Scope s = CurrentUser.scope();
        RequestStore.Page p = desk.list(s, new RequestStore.Query(status == null || status.isBlank() ? null
                : DeskPages.parseStatus(status), department == null || department.isBlank() ? null : department,
                category == null || category.isBlank() ? null : Category.parse(category, "category"), null, overdue, null, null,
                page, size));
        LocalDateTime now = desk.now();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", p.total());
        out.put("page", p.page());
        out.put("size", p.size());
        out.put("items", p.items().stream().map(r -> RequestJson.of(r, now)).toList());
        return out;
    }

    @Operation(summary = "One request with its history and the actions the caller may take")
    @GetMapping("/requests/{id}")
    Map<String, Object> one(@PathVariable("id") long id) {
        ServiceDesk.Detail d = desk.detail(CurrentUser.scope(), id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("request", RequestJson.of(d.request(), d.now()));
        out.put("events", d.events().stream().map(e -> eventJson(e)).toList());
        out.put("attachments", d.attachments().stream().map(a -> Map.of("id", a.id(), "fileName", a.fileName(),
                "contentType", a.contentType(), "size", a.sizeBytes(), "sha256", a.sha256())).toList());
        out.put("actions", d.actions().stream().map(Enum::name).toList());
        return out;
    }

    private static Map<String, Object> eventJson(RequestEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", e.occurredAt());
        m.put("actor", e.actor());
        m.put("action", e.action());
        m.put("from", e.fromStatus() == null ? null : e.fromStatus().name());
        m.put("to", e.toStatus() == null ? null : e.toStatus().name());
        m.put("department", e.departmentId());
        m.put("note", e.note());
        return m;
    }

    @Operation(summary = "Take an action: ACCEPT, DECLINE, TRANSFER, REPLY, ASK_MORE, RESOLVE (departments); SUPPLY, CONFIRM, REOPEN (the firm)")
    @PostMapping(value = "/requests/{id}/actions/{action}", consumes = MediaType.APPLICATION_JSON_VALUE)
    RequestJson act(@PathVariable("id") long id, @PathVariable("action") String action,
                    @RequestBody(required = false) ActionBody body) {
        ActionBody b = body == null ? new ActionBody(null, null, null, null) : body;
        ServiceRequest r = desk.act(CurrentUser.scope(), id, RequestAction.parse(action),
                new ServiceDesk.ActionInput(b.note(), b.department(), b.rating(), b.comment()), List.of());
        return RequestJson.of(r, desk.now());
    }

    @Operation(summary = "Take an action with attachments (multipart/form-data: note, department, rating, comment, files)")
    @PostMapping(value = "/requests/{id}/actions/{action}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    RequestJson actWithFiles(@PathVariable("id") long id, @PathVariable("action") String action,
                             @RequestParam(value = "note", required = false) String note,
                             @RequestParam(value = "department", required = false) String department,
                             @RequestParam(value = "rating", required = false) Integer rating,
                             @RequestParam(value = "comment", required = false) String comment,
                             @RequestParam(value = "files", required = false) List<MultipartFile> files) {
        ServiceRequest r = desk.act(CurrentUser.scope(), id, RequestAction.parse(action),
                new ServiceDesk.ActionInput(note, department, rating, comment), Uploads.of(files));
        return RequestJson.of(r, desk.now());
    }

    @Operation(summary = "Statistics by department, category, park or month (from/to: yyyy-MM-dd of submission)")
    @GetMapping("/stats")
    List<Statistics.Row> stats(@RequestParam(value = "by", required = false) String by,
                               @RequestParam(value = "from", required = false) String from,
                               @RequestParam(value = "to", required = false) String to) {
        LocalDateTime t = StatsPages.day(to, "to");
        return stats.by(CurrentUser.scope(), Statistics.By.parse(by), StatsPages.day(from, "from"), t == null ? null : t.plusDays(1));
    }

    @Operation(summary = "The enterprise code of a firm: its URL, version and state")
    @GetMapping("/firms/{code}/code")
    Map<String, Object> code(@PathVariable("code") String code) {
        Scope s = CurrentUser.scope();
        sheets.requireFirm(s, code);
        String url = sheets.url(code);
        FirmCodes.Code c = codes.current(code).orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("creditCode", code);
        out.put("url", url);
        out.put("version", c.version());
        out.put("revoked", c.revoked());
        return out;
    }

    @Operation(summary = "Rotate a firm's code (old prints stop working)")
    @PostMapping("/firms/{code}/code/rotate")
    Map<String, Object> rotate(@PathVariable("code") String code) {
        Scope s = CurrentUser.scope();
        CurrentUser.require(CodeSheets.canManage(s), "企业码 enterprise codes");
        sheets.requireFirm(s, code);
        FirmCodes.Code c = codes.rotate(code);
        return Map.of("creditCode", code, "version", c.version(), "revoked", c.revoked());
    }

    @Operation(summary = "Revoke a firm's code (no token works until it is rotated)")
    @PostMapping("/firms/{code}/code/revoke")
    Map<String, Object> revoke(@PathVariable("code") String code) {
        Scope s = CurrentUser.scope();
        CurrentUser.require(CodeSheets.canManage(s), "企业码 enterprise codes");
        sheets.requireFirm(s, code);
        FirmCodes.Code c = codes.revoke(code);
        return Map.of("creditCode", code, "version", c.version(), "revoked", c.revoked());
    }
}
