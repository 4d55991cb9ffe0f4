package vn.danvan.web;

import vn.danvan.shared.Crumb;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.danvan.audit.AuditLog;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.OrgScope;
import vn.danvan.shared.NotFoundException;

/**
 * The audit browser, for administrators: a system administrator sees every change, a unit
 * administrator the changes concerning units in their subtree. Others: not found.
 */
@Controller
class AuditController {

    private static final int PAGE_SIZE = 50;

    private final AuditLog log;
    private final CurrentUsers users;
    private final OrgScope scope;
    private final Labels labels;

    AuditController(AuditLog log, CurrentUsers users, OrgScope scope, Labels labels) {
        this.labels = labels;
        this.log = log;
        this.users = users;
        this.scope = scope;
    }

    @GetMapping("/admin/audit")
    String browse(@RequestParam(required = false) String actor,
                  @RequestParam(required = false) String action,
                  @RequestParam(required = false) String entityType,
                  @RequestParam(required = false) String entityId,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(defaultValue = "0") int page,
                  Model model) {
        var user = users.require();
        if (!user.administersSomething()) {
            throw new NotFoundException("page", "/admin/audit");
        }
        var filter = new AuditLog.Filter(actor, action, entityType, entityId, from, to, scope.administrableUnitIds(user));
        model.addAttribute("filter", filter);
        model.addAttribute("result", log.search(filter, Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("breadcrumbs", Crumb.trail(labels.get("audit.title"), null));
        return "audit/list";
    }
}
