package vn.danvan.meeting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
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
import vn.danvan.meeting.MeetingQueries.MeetingFilter;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.person.People;
import vn.danvan.plan.ProgrammeReviews;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.NotFoundException;

/**
 * The conference screens: the list (upcoming first, then filters), the form, a meeting's page opening
 * with the previous briefing's conclusion, and the .docx drafts. Refused forms come back as typed,
 * each problem beside its field.
 */
@Controller
class MeetingController {

    private final MeetingManagement management;
    private final MeetingQueries queries;
    private final MeetingDocuments documents;
    private final ConclusionTasks tasks;
    private final DocumentQueries documentQueries;
    private final People people;
    private final ProgrammeReviews programmeReviews;
    private final CurrentUsers users;
    private final OrgUnits units;
    private final MessageSource messages;
    private final Clock clock;

    MeetingController(MeetingManagement management, MeetingQueries queries, MeetingDocuments documents, ConclusionTasks tasks,
                      DocumentQueries documentQueries, People people, ProgrammeReviews programmeReviews, CurrentUsers users,
                      OrgUnits units, MessageSource messages, Clock clock) {
        this.management = management;
        this.queries = queries;
        this.documents = documents;
        this.tasks = tasks;
        this.documentQueries = documentQueries;
        this.people = people;
        this.programmeReviews = programmeReviews;
        this.users = users;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    // ---- list -----------------------------------------------------------------------------------

    @GetMapping("/meetings")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) MeetingKind kind,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "0") int page, @RequestHeader(value = "HX-Request", required = false) String htmx,
                Model model) {
        var user = users.require();
        var filter = new MeetingFilter(q, kind, null, from, to);
        var today = LocalDate.now(clock);
        model.addAttribute("filter", filter);
        model.addAttribute("kinds", MeetingKind.values());
        model.addAttribute("results", queries.search(filter, false, Math.max(0, page), 25, user));
        model.addAttribute("upcoming", queries.search(new MeetingFilter(null, null, null, today, today.plusDays(60)), true, 0, 5, user)
                .content());
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("meeting.nav"), null)));
        return htmx != null ? "meeting/list :: results" : "meeting/list";
    }

    // ---- detail ---------------------------------------------------------------------------------

    @GetMapping("/meetings/{id}")
    String detail(@PathVariable long id, Model model) {
        return showDetail(id, model);
    }

    private String showDetail(long id, Model model) {
        var m = queries.detail(id, users.require());
        model.addAttribute("meeting", m);
        model.addAttribute("reviewedItems", programmeReviews.reviewedAt(id));
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("meeting.nav"), "/meetings"), new Crumb(m.title(), null)));
        return "meeting/detail";
    }

    @PostMapping("/meetings/{id}/opinions")
    String addOpinion(@PathVariable long id, @RequestParam(required = false) Long opinionUnitId,
                      @RequestParam(required = false) String opinionText, Model model, RedirectAttributes redirect) {
        try {
            management.addOpinion(id, opinionUnitId, opinionText, users.require());
            redirect.addFlashAttribute("flashSuccess", text("meeting.opinion.saved"));
            return "redirect:/meetings/" + id;
        } catch (InvalidInputException invalid) {
            model.addAttribute("opinionErrors", invalid.problems().stream().map(this::fieldText).toList());
            model.addAttribute("opinionText", opinionText);
            return showDetail(id, model);
        }
    }

    @PostMapping("/meetings/{id}/opinions/{opinionId}/delete")
    String removeOpinion(@PathVariable long id, @PathVariable long opinionId, RedirectAttributes redirect) {
        management.removeOpinion(id, opinionId, users.require());
        redirect.addFlashAttribute("flashSuccess", text("meeting.opinion.removed"));
        return "redirect:/meetings/" + id;
    }

    @PostMapping("/meetings/{id}/conclusion")
    String conclude(@PathVariable long id, @RequestParam(required = false) String conclusionDocument,
                    @RequestParam(required = false) String conclusionSummary, Model model, RedirectAttributes redirect) {
        try {
            management.conclude(id, documentId(conclusionDocument, "conclusionDocument"), conclusionSummary, users.require());
            redirect.addFlashAttribute("flashSuccess", text("meeting.conclusion.saved"));
            return "redirect:/meetings/" + id;
        } catch (InvalidInputException invalid) {
            model.addAttribute("conclusionErrors", invalid.problems().stream().map(this::fieldText).toList());
            model.addAttribute("typedConclusionDocument", conclusionDocument);
            model.addAttribute("typedConclusionSummary", conclusionSummary);
            return showDetail(id, model);
        }
    }

    @PostMapping("/meetings/{id}/tasks")
    String assign(@PathVariable long id, @RequestParam(required = false) String taskTitle,
                  @RequestParam(required = false) Long taskUnitId,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate taskDueOn,
                  @RequestParam(required = false) String taskNote, Model model, RedirectAttributes redirect) {
        var user = users.require();
        try {
            var m = management.loadForWrite(id, user);
            if (taskUnitId == null) {
                throw new InvalidInputException("tasks[0].responsibleUnitId", "validation.required");
            }
            tasks.assign(id, m.hostUnitId(), List.of(new ConclusionTasks.Assigned(taskTitle, taskUnitId, List.of(), taskDueOn, taskNote)),
                    user);
            redirect.addFlashAttribute("flashSuccess", text("meeting.task.saved"));
            return "redirect:/meetings/" + id;
        } catch (InvalidInputException invalid) {
            model.addAttribute("taskErrors", invalid.problems().stream().map(this::fieldText).toList());
            model.addAttribute("typedTaskTitle", taskTitle);
            model.addAttribute("typedTaskDueOn", taskDueOn);
            model.addAttribute("typedTaskNote", taskNote);
            return showDetail(id, model);
        }
    }

    @GetMapping("/meetings/{id}/invitation.docx")
    ResponseEntity<byte[]> invitation(@PathVariable long id) {
        return MeetingApi.file(documents.invitation(id, users.require()));
    }

    @GetMapping("/meetings/{id}/conclusion-notice.docx")
    ResponseEntity<byte[]> conclusionNotice(@PathVariable long id) {
        return MeetingApi.file(documents.conclusionNotice(id, users.require()));
    }

    // ---- form -----------------------------------------------------------------------------------

    @GetMapping("/meetings/new")
    String newMeeting(Model model) {
        model.addAttribute("form", MeetingForm.empty(users.require().homeUnitId()));
        return showForm(model, null);
    }

    @PostMapping("/meetings/new")
    String create(@ModelAttribute("form") MeetingForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return showForm(model, null);
        }
        try {
            var id = management.create(input(form), users.require());
            redirect.addFlashAttribute("flashSuccess", text("meeting.saved"));
            return "redirect:/meetings/" + id;
        } catch (InvalidInputException invalid) {
            ProblemsOnForm.reject(onFormFields(invalid), result);
            return showForm(model, null);
        }
    }

    @GetMapping("/meetings/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        var m = queries.detail(id, users.require());
        if (!m.canWrite()) {
            throw new NotFoundException("meeting", id);
        }
        model.addAttribute("form", MeetingForm.of(m));
        return showForm(model, id);
    }

    @PostMapping("/meetings/{id}/edit")
    String update(@PathVariable long id, @ModelAttribute("form") MeetingForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return showForm(model, id);
        }
        try {
            management.update(id, input(form), form.version() == null ? -1 : form.version(), users.require());
            redirect.addFlashAttribute("flashSuccess", text("meeting.saved"));
            return "redirect:/meetings/" + id;
        } catch (InvalidInputException invalid) {
            ProblemsOnForm.reject(onFormFields(invalid), result);
            return showForm(model, id);
        } catch (ConflictException stale) {
            redirect.addFlashAttribute("flashError", text("error.conflict", stale.key()));
            return "redirect:/meetings/" + id;
        }
    }

    private String showForm(Model model, Long meetingId) {
        var user = users.require();
        var form = (MeetingForm) model.getAttribute("form");
        var today = LocalDate.now(clock);
        model.addAttribute("kinds", MeetingKind.values());
        model.addAttribute("seriesList", queries.seriesFor(user));
        model.addAttribute("persons", people.search(null, 0, 200, user).content());
        model.addAttribute("hostUnitName", form == null || form.hostUnitId() == null ? null
                : units.find(form.hostUnitId(), today).map(u -> u.name()).orElse(null));
        model.addAttribute("meetingId", meetingId);
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("meeting.nav"), "/meetings"),
                new Crumb(text(meetingId == null ? "meeting.new.title" : "meeting.edit.title"), null)));
        return "meeting/form";
    }

    /** The form's codes and identifiers resolved; every unknown one is a problem of its field, all reported together. */
    private MeetingInput input(MeetingForm f) {
        var problems = new ArrayList<Problem>();
        var day = f.startsAt() != null ? f.startsAt().toLocalDate() : LocalDate.now(clock);
        var unitIds = new ArrayList<Long>();
        for (var code : split(f.participatingUnitCodes(), "[,;\\s]+")) {
            units.findByCode(code, day).or(() -> units.findByCode(code, LocalDate.now(clock))).ifPresentOrElse(u -> unitIds.add(u.id()),
                    () -> problems.add(new Problem("participatingUnitCodes", "meeting.unit.code-unknown", code)));
        }
        var reportIds = new ArrayList<Long>();
        for (var ref : split(f.reportIdentifiers(), "\\R+")) {
            resolve(ref).ifPresentOrElse(reportIds::add, () -> problems.add(new Problem("reportIdentifiers", "meeting.document.not-found", ref)));
        }
        Long reviewed = null;
        Long conclusion = null;
        try {
            reviewed = documentId(f.reviewedDocument(), "reviewedDocument");
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        try {
            conclusion = documentId(f.conclusionDocument(), "conclusionDocument");
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new MeetingInput(f.kind(), f.meetingTitle(), f.startsAt(), f.endsAt(), f.place(), f.hostUnitId(), f.seriesId(), f.newSeriesName(),
                reviewed, f.chairPersonId(), f.coChairPersonIds(), unitIds, split(f.agendaText(), "\\R+"), reportIds, conclusion,
                f.conclusionSummary());
    }

    private Long documentId(String ref, String field) {
        if (ref == null || ref.isBlank()) {
            return null;
        }
        return resolve(ref.strip()).orElseThrow(() -> new InvalidInputException(field, "meeting.document.not-found", ref.strip()));
    }

    /** "#123" names a document by id, anything else by its identifier. */
    private java.util.Optional<Long> resolve(String ref) {
        if (ref.startsWith("#")) {
            try {
                var id = Long.parseLong(ref.substring(1).strip());
                return documentQueries.identifierOf(id).map(x -> id);
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        }
        return documentQueries.idByIdentifier(ref);
    }

    private static List<String> split(String text, String separators) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.strip().split(separators)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The management names lists as a whole; the form shows them beside the field the officer typed. */
    private static InvalidInputException onFormFields(InvalidInputException invalid) {
        return new InvalidInputException(invalid.problems().stream().map(p -> switch (p.field()) {
            case "participatingUnits" -> new Problem("participatingUnitCodes", p.messageKey(), p.args());
            case "reports" -> new Problem("reportIdentifiers", p.messageKey(), p.args());
            case "agenda" -> new Problem("agendaText", p.messageKey(), p.args());
            default -> p;
        }).toList());
    }

    String fieldText(Problem p) {
        var locale = LocaleContextHolder.getLocale();
        // plan names a conclusion task's fields "tasks[0].dueOn": the form has one task, "field.task.dueOn"
        var key = p.field().startsWith("tasks[") && p.field().contains("].") ? "field.task." + p.field().substring(p.field().indexOf("].") + 2)
                : "field." + p.field();
        return messages.getMessage(key, null, p.field(), locale) + ": "
                + messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
