package vn.danvan.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.danvan.document.DocumentQueries;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.OrgScope;
import vn.danvan.identity.ProblemsOnForm;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.InvalidInputException;

/**
 * Implementation tracking screens: a document's assignments, the form assigning it, and the matrix of an
 * assignment (not acted first, paged) where each unit links its implementing plan and reports progress.
 */
@Controller
class AssignmentController {

    record AssignmentForm(String documentIdentifier, Long assigningUnitId,
                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate assignedOn,
                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn, boolean lateInWorkingDays,
                          ImplementationTracking.Target target, Long provinceId, String unitCodes, String note) {
    }

    private final ImplementationTracking tracking;
    private final ImplementationMatrix matrix;
    private final DocumentQueries documents;
    private final CurrentUsers users;
    private final OrgUnits units;
    private final UnitCodes codes;
    private final OrgScope scope;
    private final MessageSource messages;
    private final Clock clock;

    AssignmentController(ImplementationTracking tracking, ImplementationMatrix matrix, DocumentQueries documents, CurrentUsers users,
                         OrgUnits units, UnitCodes codes, OrgScope scope, MessageSource messages, Clock clock) {
        this.tracking = tracking;
        this.matrix = matrix;
        this.documents = documents;
        this.users = users;
        this.units = units;
        this.codes = codes;
        this.scope = scope;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/plans/assignments")
    String ofDocument(@RequestParam long document, Model model) {
        var user = users.require();
        var detail = documents.detail(document, user);
        model.addAttribute("document", detail);
        model.addAttribute("assignments", matrix.ofDocument(document, user));
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("plan.nav"), "/plans"),
                new Crumb(detail.identifier() != null ? detail.identifier() : detail.kindName(), "/documents/" + document),
                new Crumb(text("assignment.list.title"), null)));
        return "plan/assignments";
    }

    /**
     * The implementation of a document, loaded by htmx into the document page (the document module knows
     * nothing of plan): how many units it was assigned to and how many have not acted, with a link to the
     * tracking table, or the button to assign it for a user who may write for their unit.
     */
    @GetMapping("/plans/assignments/for-document/{document}")
    String forDocument(@PathVariable long document, Model model) {
        var user = users.require();
        documents.detail(document, user);
        var assignments = matrix.ofDocument(document, user);
        var unitCount = assignments.stream().mapToLong(ImplementationMatrix.AssignmentView::unitCount).sum();
        var acted = assignments.stream().mapToLong(ImplementationMatrix.AssignmentView::actedCount).sum();
        model.addAttribute("documentId", document);
        model.addAttribute("assignments", assignments);
        model.addAttribute("unitCount", unitCount);
        model.addAttribute("notActedCount", unitCount - acted);
        model.addAttribute("trackingHref", assignments.size() == 1 ? "/plans/assignments/" + assignments.get(0).id()
                : "/plans/assignments?document=" + document);
        model.addAttribute("canAssign", scope.canWrite(user, user.homeUnitId()));
        return "plan/for-document :: implementation";
    }

    @GetMapping("/plans/assignments/new")
    String newAssignment(@RequestParam(required = false) Long document, Model model) {
        var user = users.require();
        var identifier = document == null ? null : documents.identifierOf(document).orElse(null);
        var today = LocalDate.now(clock);
        return showForm(new AssignmentForm(identifier, user.homeUnitId(), today, today.plusDays(30), false,
                ImplementationTracking.Target.PROVINCES, null, null, null), model);
    }

    private String showForm(AssignmentForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("targets", ImplementationTracking.Target.values());
        model.addAttribute("assigningUnitName", name(form.assigningUnitId()));
        model.addAttribute("targetUnitName", name(form.provinceId()));
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("plan.nav"), "/plans"), new Crumb(text("assignment.new.title"), null)));
        return "plan/assignment-form";
    }

    @PostMapping("/plans/assignments/new")
    String create(@ModelAttribute("form") AssignmentForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            var problems = new ArrayList<InvalidInputException.Problem>();
            Long document = null;
            if (form.documentIdentifier() == null || form.documentIdentifier().isBlank()) {
                problems.add(new InvalidInputException.Problem("documentIdentifier", "validation.required"));
            } else {
                document = documents.idByIdentifier(form.documentIdentifier().strip()).orElse(null);
                if (document == null) {
                    problems.add(new InvalidInputException.Problem("documentIdentifier", "assignment.document.unknown",
                            form.documentIdentifier().strip()));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            var unitIds = form.target() == ImplementationTracking.Target.UNITS && form.unitCodes() != null
                    ? codes.ids(List.of(form.unitCodes().split("[,;\\s]+")), "unitCodes") : List.<Long>of();
            var id = tracking.assign(new ImplementationTracking.AssignmentDraft(document, form.assigningUnitId(), form.assignedOn(),
                    form.dueOn(), form.lateInWorkingDays(), form.target(), form.provinceId(), unitIds, form.note()), users.require());
            redirect.addFlashAttribute("flashSuccess", text("assignment.saved"));
            return "redirect:/plans/assignments/" + id;
        } catch (InvalidInputException e) {
            ProblemsOnForm.reject(new InvalidInputException(e.problems().stream().map(p -> switch (p.field()) {
                case "documentId" -> new InvalidInputException.Problem("documentIdentifier", p.messageKey(), p.args());
                case "unitIds" -> new InvalidInputException.Problem("unitCodes", p.messageKey(), p.args());
                case "targetUnitId" -> new InvalidInputException.Problem("provinceId", p.messageKey(), p.args());
                default -> p;
            }).toList()), result);
            return showForm(form, model);
        }
    }

    @GetMapping("/plans/assignments/{id}")
    String matrix(@PathVariable long id, @RequestParam(defaultValue = "false") boolean notActed, @RequestParam(defaultValue = "0") int page,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        var user = users.require();
        var assignment = matrix.assignment(id, user);
        model.addAttribute("assignment", assignment);
        model.addAttribute("notActed", notActed);
        model.addAttribute("rows", matrix.matrix(id, notActed, Math.max(0, page), 50, user));
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("plan.nav"), "/plans"),
                new Crumb(assignment.documentIdentifier() != null ? assignment.documentIdentifier() : assignment.documentSubject(),
                        "/documents/" + assignment.documentId()),
                new Crumb(text("assignment.matrix.title"), null)));
        return htmx != null ? "plan/matrix :: rows" : "plan/matrix";
    }

    @PostMapping("/plans/assignments/{id}/units/{rowId}/implementing")
    String implementing(@PathVariable long id, @PathVariable long rowId, @RequestParam String identifier, RedirectAttributes redirect) {
        var document = identifier == null || identifier.isBlank() ? java.util.Optional.<Long>empty()
                : documents.idByIdentifier(identifier.strip());
        if (document.isEmpty()) {
            redirect.addFlashAttribute("flashError", text("assignment.document.unknown", identifier == null ? "" : identifier.strip()));
        } else {
            tracking.linkImplementingDocument(rowId, document.get(), users.require());
            redirect.addFlashAttribute("flashSuccess", text("assignment.implemented"));
        }
        return "redirect:/plans/assignments/" + id;
    }

    @PostMapping("/plans/assignments/{id}/units/{rowId}/reports")
    String report(@PathVariable long id, @PathVariable long rowId, @RequestParam(required = false) String text,
                  RedirectAttributes redirect) {
        try {
            tracking.report(rowId, null, text, null, users.require());
            redirect.addFlashAttribute("flashSuccess", text("assignment.reported"));
        } catch (InvalidInputException e) {
            var p = e.problems().get(0);
            redirect.addFlashAttribute("flashError", text("plan.field." + p.field()) + ": " + text(p.messageKey(), p.args()));
        }
        return "redirect:/plans/assignments/" + id;
    }

    private String name(Long unitId) {
        return unitId == null ? null : units.find(unitId, LocalDate.now(clock)).map(u -> u.name()).orElse(null);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
