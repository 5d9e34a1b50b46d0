package cn.srdi.app.audit.web;

import cn.srdi.app.audit.AuditTrail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail over REST, for administrators. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "audit", description = "审计日志（只可追加）/ the append-only audit trail")
@PreAuthorize("hasRole('ADMIN')")
class AuditApi {

    private final AuditTrail audit;

    AuditApi(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "审计事件，最新在前 / audit events, newest first",
            description = "Filters are exact matches; blank matches all. ADMIN only. before/after are the recorded JSON states.")
    AuditTrail.Page events(@Parameter(description = "entity type, e.g. enterprise, region") @RequestParam(name = "entityType", required = false) String entityType,
                           @Parameter(description = "entity id, e.g. a credit code") @RequestParam(name = "entityId", required = false) String entityId,
                           @Parameter(description = "user name of the actor") @RequestParam(name = "actor", required = false) String actor,
                           @Parameter(description = "action, e.g. DEMO_LOADED") @RequestParam(name = "action", required = false) String action,
                           @Parameter(description = "page, from 0") @RequestParam(name = "page", defaultValue = "0") int page,
                           @Parameter(description = "events per page, 1..500") @RequestParam(name = "size", defaultValue = "50") int size) {
        return audit.search(new AuditTrail.Filter(entityType, entityId, actor, action), page, size);
    }
}
