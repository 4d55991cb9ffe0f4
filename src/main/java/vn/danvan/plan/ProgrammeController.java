package vn.danvan.plan;

import java.time.Clock;
import java.time.LocalDate;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.danvan.document.DocumentQueries;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.ProblemsOnForm;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.InvalidInputException;

/**
 * The coordination programme screens: the list, and a programme with its items, reviews, joint plans and
 * renewal chain, with the forms of the owner unit's writers (content item, review result naming its
 * conference, yearly joint plan, activity and its status, the successor programme). A form with bad input
 * is shown again as typed, its problems beside the fields; the other forms stay empty.
 */
@Controller
class ProgrammeController {

    record ReviewForm(Long itemId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reviewedOn, String result, Long meetingId) {
    }

    record ItemForm(String title, String description) {
    }

    record JointPlanForm(Integer year, String title, String documentIdentifier) {
    }

    record ActivityForm(Long jointPlanId, String title, Long ownerUnitId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn) {
    }

    record RenewalForm(Long successorId) {
    }

    private final CoordinationProgrammes programmes;
    private final ProgrammeQueries queries;
    private final DocumentQueries documents;
    private final CurrentUsers users;
    private final OrgUnits units;
    private final MessageSource messages;
    private final Clock clock;

    ProgrammeController(CoordinationProgrammes programmes, ProgrammeQueries queries, DocumentQueries documents, CurrentUsers users,
                        OrgUnits units, MessageSource messages, Clock clock) {
        this.programmes = programmes;
        this.queries = queries;
        this.documents = documents;
        this.users = users;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/programmes")
    String list(Model model) {
        model.addAttribute("programmes", queries.list(users.require()));
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("programme.nav"), null)));
        return "plan/programmes";
    }

    @GetMapping("/programmes/{id}")
    String detail(@PathVariable long id, Model model) {
        return show(id, model);
    }

    private String show(long id, Model model) {
        var user = users.require();
        var programme = queries.detail(id, user);
        var today = LocalDate.now(clock);
        model.addAttribute("programme", programme);
        if (!model.containsAttribute("review")) {
            model.addAttribute("review", new ReviewForm(null, today, null, null));
        }
        if (!model.containsAttribute("item")) {
            model.addAttribute("item", new ItemForm(null, null));
        }
        if (!model.containsAttribute("jointPlan")) {
            var year = Math.max(programme.fromYear(), Math.min(programme.toYear(), today.getYear()));
            model.addAttribute("jointPlan", new JointPlanForm(year, null, null));
        }
        if (!model.containsAttribute("activity")) {
            var last = programme.jointPlans().isEmpty() ? null : programme.jointPlans().get(programme.jointPlans().size() - 1).id();
            model.addAttribute("activity", new ActivityForm(last, null, null, null));
        }
        var activity = (ActivityForm) model.getAttribute("activity");
        model.addAttribute("activityUnitName", activity.ownerUnitId() == null ? null
                : units.find(activity.ownerUnitId(), today).map(u -> u.name()).orElse(null));
        if (!model.containsAttribute("renewal")) {
            model.addAttribute("renewal", new RenewalForm(null));
        }
        model.addAttribute("statuses", List.of(TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS, TaskStatus.DONE, TaskStatus.CANCELLED));
        model.addAttribute("successors", programme.canWrite() && programme.successor() == null
                ? queries.list(user).stream().filter(p -> p.id() != id && p.predecessorId() == null && p.fromYear() >= programme.toYear()).toList()
                : List.of());
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("programme.nav"), "/programmes"), new Crumb(programme.title(), null)));
        return "plan/programme";
    }

    @PostMapping("/programmes/{id}/reviews")
    String review(@PathVariable long id, @ModelAttribute("review") ReviewForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        try {
            if (form.itemId() == null) {
                throw new InvalidInputException("itemId", "validation.required");
            }
            requireItemOf(id, form.itemId());
            programmes.recordReview(form.itemId(), form.reviewedOn(), form.result(), form.meetingId(), users.require());
            return saved(id, "programme.review.saved", redirect);
        } catch (InvalidInputException e) {
            ProblemsOnForm.reject(e, result);
            return show(id, model);
        }
    }

    @PostMapping("/programmes/{id}/items")
    String item(@PathVariable long id, @ModelAttribute("item") ItemForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            programmes.addContentItem(id, new CoordinationProgrammes.ContentItem(form.title(), form.description()), users.require());
            return saved(id, "programme.item.saved", redirect);
        } catch (InvalidInputException e) {
            ProblemsOnForm.reject(e, result);
            return show(id, model);
        }
    }

    @PostMapping("/programmes/{id}/joint-plans")
    String jointPlan(@PathVariable long id, @ModelAttribute("jointPlan") JointPlanForm form, BindingResult result, Model model,
                     RedirectAttributes redirect) {
        try {
            var user = users.require();
            if (form.year() == null) {
                throw new InvalidInputException("year", "validation.required");
            }
            Long documentId = null;
            var identifier = TaskWriter.blankToNull(form.documentIdentifier());
            if (identifier != null) {
                documentId = documents.idByIdentifier(identifier)
                        .orElseThrow(() -> new InvalidInputException("documentIdentifier", "assignment.document.unknown", identifier));
            }
            programmes.addJointPlan(id, form.year(), form.title(), documentId, user);
            return saved(id, "programme.joint-plan.saved", redirect);
        } catch (InvalidInputException e) {
            ProblemsOnForm.reject(rename(e, "documentId", "documentIdentifier"), result);
            return show(id, model);
        }
    }

    @PostMapping("/programmes/{id}/activities")
    String activity(@PathVariable long id, @ModelAttribute("activity") ActivityForm form, BindingResult result, Model model,
                    RedirectAttributes redirect) {
        try {
            if (form.jointPlanId() == null || queries.detail(id, users.require()).jointPlans().stream().noneMatch(j -> j.id() == form.jointPlanId())) {
                throw new InvalidInputException("jointPlanId", "validation.required");
            }
            programmes.addActivity(form.jointPlanId(), new CoordinationProgrammes.ActivityDraft(form.title(), form.ownerUnitId(), form.dueOn()),
                    users.require());
            return saved(id, "programme.activity.saved", redirect);
        } catch (InvalidInputException e) {
            ProblemsOnForm.reject(e, result);
            return show(id, model);
        }
    }

    @PostMapping("/programmes/{id}/activities/{activityId}/status")
    String activityStatus(@PathVariable long id, @PathVariable long activityId, @RequestParam(required = false) TaskStatus status,
                          RedirectAttributes redirect) {
        var user = users.require();
        if (queries.detail(id, user).jointPlans().stream().flatMap(j -> j.activities().stream()).noneMatch(a -> a.id() == activityId)) {
            throw new vn.danvan.shared.NotFoundException("programme", activityId);
        }
        try {
            programmes.setActivityStatus(activityId, status, user);
            redirect.addFlashAttribute("flashSuccess", text("programme.activity.status-saved"));
        } catch (InvalidInputException e) {
            var p = e.problems().get(0);
            redirect.addFlashAttribute("flashError", text("plan.field." + p.field()) + ": " + text(p.messageKey(), p.args()));
        }
        return "redirect:/programmes/" + id;
    }

    @PostMapping("/programmes/{id}/renewal")
    String renew(@PathVariable long id, @ModelAttribute("renewal") RenewalForm form, BindingResult result, Model model,
                 RedirectAttributes redirect) {
        try {
            if (form.successorId() == null) {
                throw new InvalidInputException("successorId", "validation.required");
            }
            programmes.renew(id, form.successorId(), users.require());
            return saved(id, "programme.renewal.saved", redirect);
        } catch (InvalidInputException e) {
            ProblemsOnForm.reject(e, result);
            return show(id, model);
        }
    }

    /** A review posted on this programme's page must name one of its own items. */
    private void requireItemOf(long programmeId, long itemId) {
        if (queries.detail(programmeId, users.require()).items().stream().noneMatch(i -> i.id() == itemId)) {
            throw new InvalidInputException("itemId", "validation.bad-value", String.valueOf(itemId));
        }
    }

    private static InvalidInputException rename(InvalidInputException e, String from, String to) {
        return new InvalidInputException(e.problems().stream()
                .map(p -> p.field().equals(from) ? new InvalidInputException.Problem(to, p.messageKey(), p.args()) : p).toList());
    }

    private String saved(long id, String key, RedirectAttributes redirect) {
        redirect.addFlashAttribute("flashSuccess", text(key));
        return "redirect:/programmes/" + id;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
