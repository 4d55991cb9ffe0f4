package vn.danvan.plan;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.danvan.document.DocumentQueries;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.ProblemsOnForm;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.InvalidInputException;

/**
 * The task screens: the lists (my tasks, my scope's subtree, overdue, due within N days) and a task with
 * its progress updates, the progress form (evidence file or registered document) and delegation to a
 * lower unit.
 */
@Controller
class TaskController {

    record ProgressForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportedOn, Integer percent, String text,
                        String evidenceIdentifier) {
    }

    record DelegateForm(String title, Long responsibleUnitId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
                        String note) {
    }

    private final TaskManagement management;
    private final TaskQueries queries;
    private final DocumentQueries documents;
    private final CurrentUsers users;
    private final OrgUnits units;
    private final MessageSource messages;
    private final Clock clock;

    TaskController(TaskManagement management, TaskQueries queries, DocumentQueries documents, CurrentUsers users, OrgUnits units,
                   MessageSource messages, Clock clock) {
        this.management = management;
        this.queries = queries;
        this.documents = documents;
        this.users = users;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/tasks")
    String list(@RequestParam(required = false) TaskFilter.Tab tab, @RequestParam(required = false) TaskStatus status,
                @RequestParam(required = false) String q, @RequestParam(required = false) Integer within,
                @RequestParam(required = false) TaskFilter.Sort sort, @RequestParam(defaultValue = "0") int page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        var filter = new TaskFilter(tab == null ? TaskFilter.Tab.MINE : tab, null, status, q, within, null, sort);
        model.addAttribute("filter", filter);
        model.addAttribute("tabs", TaskFilter.Tab.values());
        model.addAttribute("statuses", TaskStatus.values());
        model.addAttribute("results", queries.list(filter, Math.max(0, page), 25, users.require()));
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("task.nav"), null)));
        return htmx != null ? "plan/tasks :: results" : "plan/tasks";
    }

    @GetMapping("/tasks/{id}")
    String detail(@PathVariable long id, Model model) {
        return showDetail(id, new ProgressForm(LocalDate.now(clock), null, null, null), new DelegateForm(null, null, null, null), model);
    }

    private String showDetail(long id, ProgressForm progress, DelegateForm delegate, Model model) {
        var task = queries.detail(id, users.require());
        model.addAttribute("task", task);
        if (!model.containsAttribute("progress")) {
            model.addAttribute("progress", progress.percent() == null ? new ProgressForm(progress.reportedOn(), task.progressPercent(),
                    progress.text(), progress.evidenceIdentifier()) : progress);
        }
        if (!model.containsAttribute("delegate")) {
            model.addAttribute("delegate", delegate);
        }
        model.addAttribute("responsibleUnitName", delegate.responsibleUnitId() == null ? null
                : units.find(delegate.responsibleUnitId(), LocalDate.now(clock)).map(u -> u.name()).orElse(null));
        model.addAttribute("maxMegabytes", management.maxEvidenceBytes() / (1024 * 1024));
        var crumbs = new java.util.ArrayList<Crumb>();
        crumbs.add(new Crumb(text("task.nav"), "/tasks"));
        if (task.planId() != null) {
            crumbs.add(new Crumb(task.planTitle(), "/plans/" + task.planId()));
        }
        crumbs.add(new Crumb(task.title(), null));
        model.addAttribute("breadcrumbs", crumbs);
        return "plan/task";
    }

    @PostMapping("/tasks/{id}/progress")
    String progress(@PathVariable long id, @ModelAttribute("progress") ProgressForm form, BindingResult result,
                    @RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        try {
            Long evidence = null;
            if (form.evidenceIdentifier() != null && !form.evidenceIdentifier().isBlank()) {
                evidence = documents.idByIdentifier(form.evidenceIdentifier().strip()).orElseThrow(() -> new InvalidInputException(
                        "evidenceIdentifier", "assignment.document.unknown", form.evidenceIdentifier().strip()));
            }
            var hasFile = file != null && !file.isEmpty();
            management.report(id, new TaskManagement.Progress(form.reportedOn(), form.percent(), form.text(),
                    hasFile ? file.getOriginalFilename() : null, hasFile ? file.getBytes() : null, evidence), users.require());
            redirect.addFlashAttribute("flashSuccess", text("task.progress.saved"));
            return "redirect:/tasks/" + id;
        } catch (InvalidInputException e) {
            ProblemsOnForm.reject(new InvalidInputException(e.problems().stream()
                    .map(p -> p.field().equals("evidenceDocumentId") ? new InvalidInputException.Problem("evidenceIdentifier", p.messageKey(),
                            p.args()) : p).toList()), result);
            return showDetail(id, form, new DelegateForm(null, null, null, null), model);
        }
    }

    @PostMapping("/tasks/{id}/delegate")
    String delegate(@PathVariable long id, @ModelAttribute("delegate") DelegateForm form, BindingResult result, Model model,
                    RedirectAttributes redirect) {
        try {
            management.delegate(id, List.of(new TaskDraft(form.title(), form.responsibleUnitId(), List.of(), null, form.dueOn(), null,
                    form.note())), users.require());
            redirect.addFlashAttribute("flashSuccess", text("task.delegated"));
            return "redirect:/tasks/" + id;
        } catch (InvalidInputException e) {
            ProblemsOnForm.reject(new InvalidInputException(e.problems().stream()
                    .map(p -> new InvalidInputException.Problem(p.field().replace("children[0].", ""), p.messageKey(), p.args()))
                    .toList()), result);
            return showDetail(id, new ProgressForm(LocalDate.now(clock), null, null, null), form, model);
        }
    }

    @PostMapping("/tasks/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            management.cancel(id, version, users.require());
            redirect.addFlashAttribute("flashSuccess", text("task.cancelled"));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", text("task.conflict"));
        }
        return "redirect:/tasks/" + id;
    }

    @GetMapping("/tasks/{id}/updates/{updateId}/evidence")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long updateId) {
        var file = queries.evidence(id, updateId, users.require());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName(),
                        java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(file.contentType())).body(file.content());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
