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
import vn.danvan.identity.ProblemsOnForm;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;

/**
 * The plan screens: the list with its filters, the form for a new plan, and a plan with its task tree
 * (delegated tasks under their parent, progress rolled up) and the form adding a task to it. Forms keep
 * what the officer typed, each problem beside its field.
 */
@Controller
class PlanController {

    record PlanForm(Long unitId, PlanDraft.PlanKind kind, Integer year, String title, String theme,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn, String documentIdentifier,
                    String implementsIdentifier) {
    }

    record TaskForm(String title, Long responsibleUnitId, String coordinatingUnitCodes,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn, Integer dueWorkingDays, String note) {

        static TaskForm empty() {
            return new TaskForm(null, null, null, null, null, null, null);
        }
    }

    private final PlanManagement management;
    private final PlanQueries queries;
    private final TaskManagement tasks;
    private final DocumentQueries documents;
    private final CurrentUsers users;
    private final OrgUnits units;
    private final UnitCodes codes;
    private final MessageSource messages;
    private final Clock clock;

    PlanController(PlanManagement management, PlanQueries queries, TaskManagement tasks, DocumentQueries documents, CurrentUsers users,
                   OrgUnits units, UnitCodes codes, MessageSource messages, Clock clock) {
        this.management = management;
        this.queries = queries;
        this.tasks = tasks;
        this.documents = documents;
        this.users = users;
        this.units = units;
        this.codes = codes;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/plans")
    String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("year", year);
        model.addAttribute("q", q);
        model.addAttribute("results", queries.list(null, year, q, Math.max(0, page), 25, users.require()));
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("plan.nav"), null)));
        return htmx != null ? "plan/list :: results" : "plan/list";
    }

    @GetMapping("/plans/new")
    String newPlan(Model model) {
        var user = users.require();
        return showForm(new PlanForm(user.homeUnitId(), PlanDraft.PlanKind.YEARLY, LocalDate.now(clock).getYear(), null, null, null, null,
                null, null), model);
    }

    private String showForm(PlanForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("kinds", PlanDraft.PlanKind.values());
        model.addAttribute("unitName", unitName(form.unitId()));
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("plan.nav"), "/plans"), new Crumb(text("plan.new.title"), null)));
        return "plan/form";
    }

    @PostMapping("/plans/new")
    String create(@ModelAttribute("form") PlanForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        var user = users.require();
        try {
            var problems = new ArrayList<Problem>();
            var document = documentId(form.documentIdentifier(), "documentIdentifier", problems);
            var implemented = documentId(form.implementsIdentifier(), "implementsIdentifier", problems);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            var id = management.create(new PlanDraft(form.unitId(), form.kind(), form.year(), form.title(), form.theme(), form.startsOn(),
                    form.endsOn(), document, implemented, null), user);
            redirect.addFlashAttribute("flashSuccess", text("plan.saved"));
            return "redirect:/plans/" + id;
        } catch (InvalidInputException e) {
            ProblemsOnForm.reject(renamed(e), result);
            return showForm(form, model);
        }
    }

    @GetMapping("/plans/{id}")
    String detail(@PathVariable long id, Model model) {
        return showDetail(id, TaskForm.empty(), model);
    }

    private String showDetail(long id, TaskForm taskForm, Model model) {
        var plan = queries.detail(id, users.require());
        model.addAttribute("plan", plan);
        model.addAttribute("taskForm", taskForm);
        model.addAttribute("responsibleUnitName", unitName(taskForm.responsibleUnitId()));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("plan.nav"), "/plans"), new Crumb(plan.title(), null)));
        return "plan/detail";
    }

    @PostMapping("/plans/{id}/tasks")
    String addTask(@PathVariable long id, @ModelAttribute("taskForm") TaskForm form, BindingResult result, Model model,
                   RedirectAttributes redirect) {
        var user = users.require();
        try {
            var coordinators = codes.ids(form.coordinatingUnitCodes() == null ? List.of()
                    : List.of(form.coordinatingUnitCodes().split("[,;\\s]+")), "coordinatingUnitCodes");
            var taskId = tasks.create(id, new TaskDraft(form.title(), form.responsibleUnitId(), coordinators, form.startsOn(), form.dueOn(),
                    form.dueWorkingDays(), form.note()), null, user);
            redirect.addFlashAttribute("flashSuccess", text("task.saved"));
            return "redirect:/tasks/" + taskId;
        } catch (InvalidInputException e) {
            ProblemsOnForm.reject(renamed(e), result);
            return showDetail(id, form, model);
        }
    }

    /** Problems on ids the form shows as codes or identifiers go beside the field the officer typed in. */
    static InvalidInputException renamed(InvalidInputException e) {
        return new InvalidInputException(e.problems().stream().map(p -> switch (p.field()) {
            case "coordinatingUnitIds" -> new Problem("coordinatingUnitCodes", p.messageKey(), p.args());
            case "documentId" -> new Problem("documentIdentifier", p.messageKey(), p.args());
            case "implementsDocumentId", "implementsProgrammeId" -> new Problem("implementsIdentifier", p.messageKey(), p.args());
            default -> p;
        }).toList());
    }

    private Long documentId(String identifier, String field, List<Problem> problems) {
        if (identifier == null || identifier.isBlank()) {
            return null;
        }
        var id = documents.idByIdentifier(identifier.strip());
        if (id.isEmpty()) {
            problems.add(new Problem(field, "assignment.document.unknown", identifier.strip()));
            return null;
        }
        return id.get();
    }

    private String unitName(Long unitId) {
        return unitId == null ? null : units.find(unitId, LocalDate.now(clock)).map(u -> u.name()).orElse(null);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
