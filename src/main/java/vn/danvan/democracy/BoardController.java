package vn.danvan.democracy;

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
import vn.danvan.democracy.BoardRules.BoardKind;
import vn.danvan.democracy.BoardRules.MemberRole;
import vn.danvan.democracy.DemocracyViews.Saved;
import vn.danvan.democracy.PageForms.ActivityForm;
import vn.danvan.democracy.PageForms.BoardForm;
import vn.danvan.democracy.PageForms.MemberRow;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.InvalidInputException;

/**
 * A commune's boards on screen: the form electing one, a board's page with its members, activity plans,
 * inspections and supervisions, recommendations and answers, each added on the page. A refused form
 * comes back as typed, each problem beside its field; a warning (a notice sent late, a board whose size
 * differs from the villages') is shown after saving.
 */
@Controller
class BoardController {

    private final Boards boards;
    private final BoardActivities activities;
    private final DemocracyQueries queries;
    private final Communes communes;
    private final CurrentUsers users;
    private final MessageSource messages;
    private final Clock clock;

    BoardController(Boards boards, BoardActivities activities, DemocracyQueries queries, Communes communes, CurrentUsers users,
                    MessageSource messages, Clock clock) {
        this.boards = boards;
        this.activities = activities;
        this.queries = queries;
        this.communes = communes;
        this.users = users;
        this.messages = messages;
        this.clock = clock;
    }

    // ---- board form -----------------------------------------------------------------------------

    @GetMapping("/democracy/boards/new")
    String newBoard(@RequestParam String unit, @RequestParam(defaultValue = "PEOPLES_INSPECTION") BoardKind kind, Model model) {
        var commune = communes.readable(unit, users.require());
        var form = new BoardForm();
        form.setKind(kind);
        form.setUnitId(commune.id());
        form.setTermFrom(LocalDate.now(clock));
        return showForm(form, null, List.of(), model);
    }

    @PostMapping("/democracy/boards/new")
    String create(@ModelAttribute("form") BoardForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            if (result.hasErrors()) {
                throw PageForms.bindingProblems(result);
            }
            var saved = boards.create(form.input(), users.require());
            return saved(saved, "democracy.board.saved", redirect);
        } catch (InvalidInputException invalid) {
            return showForm(form, null, invalid.problems(), model);
        }
    }

    @GetMapping("/democracy/boards/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        var b = queries.board(id, users.require());
        var form = new BoardForm();
        form.setKind(b.kind());
        form.setUnitId(b.unit().id());
        form.setProjectName(b.projectName());
        form.setInvestor(b.investor());
        form.setVillageCount(b.villageCount());
        form.setTermFrom(b.termFrom());
        form.setTermTo(b.termTo());
        form.setElectedCommunityMeetingId(b.electedCommunityMeetingId());
        form.setElectedConferenceId(b.electedConferenceId());
        form.setFindings(b.findings());
        form.setVersion(b.version());
        for (var m : b.members()) {
            var row = new MemberRow();
            row.setFullName(m.fullName());
            row.setRole(m.role());
            row.setVillage(m.village());
            row.setPhone(m.phone());
            row.setAddress(m.address());
            form.getMembers().add(row);
        }
        return showForm(form, id, List.of(), model);
    }

    @PostMapping("/democracy/boards/{id}/edit")
    String update(@PathVariable long id, @ModelAttribute("form") BoardForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        try {
            if (result.hasErrors()) {
                throw PageForms.bindingProblems(result);
            }
            var saved = boards.update(id, form.input(), form.getVersion() == null ? -1 : form.getVersion(), users.require());
            return saved(saved, "democracy.board.saved", redirect);
        } catch (InvalidInputException invalid) {
            return showForm(form, id, invalid.problems(), model);
        } catch (ConflictException stale) {
            model.addAttribute("conflict", true);
            return showForm(form, id, List.of(), model);
        }
    }

    private String showForm(BoardForm form, Long boardId, List<InvalidInputException.Problem> problems, Model model) {
        var unit = communes.find(form.getUnitId() == null ? users.require().homeUnitId() : form.getUnitId()).orElseThrow();
        form.padMembers();
        model.addAttribute("form", form);
        model.addAttribute("boardId", boardId);
        model.addAttribute("unit", unit);
        model.addAttribute("roles", MemberRole.values());
        model.addAttribute("communityMeetings", queries.communityMeetingsOf(unit.id()));
        model.addAttribute("errors", PageForms.messages(problems, messages));
        model.addAttribute("problems", PageForms.labelled(problems, messages));
        var title = text(boardId == null ? "democracy.board.new." + form.getKind() : "democracy.board.edit");
        model.addAttribute("title", title);
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("democracy.nav"), "/democracy?unit=" + unit.code()), new Crumb(title, null)));
        return "democracy/board-form";
    }

    // ---- board page -----------------------------------------------------------------------------

    @GetMapping("/democracy/boards/{id}")
    String board(@PathVariable long id, Model model) {
        return showBoard(id, model);
    }

    private String showBoard(long id, Model model) {
        var b = queries.board(id, users.require());
        model.addAttribute("board", b);
        if (!model.containsAttribute("activityForm")) {
            var form = new ActivityForm();
            model.addAttribute("activityForm", form);
        }
        model.addAttribute("activityKinds", BoardRules.ActivityKind.values());
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("democracy.nav"), "/democracy?unit=" + b.unit().code()),
                new Crumb(text("democracy.board.kind." + b.kind()), null)));
        return "democracy/board";
    }

    @PostMapping("/democracy/boards/{id}/plans")
    String addPlan(@PathVariable long id, @RequestParam(required = false) String periodKey, @RequestParam(required = false) String planContent,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate adoptedOn, Model model,
                   RedirectAttributes redirect) {
        try {
            boards.addPlan(id, periodKey, planContent, adoptedOn, users.require());
            redirect.addFlashAttribute("flashSuccess", text("democracy.plan.saved"));
            return "redirect:/democracy/boards/" + id;
        } catch (InvalidInputException invalid) {
            model.addAttribute("planErrors", PageForms.messages(invalid.problems(), messages));
            model.addAttribute("typedPeriodKey", periodKey);
            model.addAttribute("typedPlanContent", planContent);
            return showBoard(id, model);
        }
    }

    @PostMapping("/democracy/boards/{id}/activities")
    String plan(@PathVariable long id, @ModelAttribute("activityForm") ActivityForm form, BindingResult result, Model model,
                RedirectAttributes redirect) {
        try {
            if (result.hasErrors()) {
                throw PageForms.bindingProblems(result);
            }
            var saved = activities.plan(id, form.input(), users.require());
            return redirectWith(saved, "democracy.activity.saved", "/democracy/boards/" + id, redirect);
        } catch (InvalidInputException invalid) {
            model.addAttribute("activityErrors", PageForms.messages(invalid.problems(), messages));
            return showBoard(id, model);
        }
    }

    @PostMapping("/democracy/activities/{id}/findings")
    String findings(@PathVariable long id, @RequestParam long boardId, @RequestParam(required = false) String findings,
                    @RequestParam int version, Model model, RedirectAttributes redirect) {
        var user = users.require();
        var a = queries.board(boardId, user).activities().stream().filter(x -> x.id() == id).findFirst()
                .orElseThrow(() -> new vn.danvan.shared.NotFoundException("democracy_activity", id));
        try {
            var saved = activities.update(id, new BoardActivities.ActivityInput(a.kind(), a.title(), a.subjects(), a.startsOn(),
                    a.sentFrontOn(), a.sentChairOn(), a.sentSubjectsOn(), findings), version, user);
            return redirectWith(saved, "democracy.activity.saved", "/democracy/boards/" + boardId, redirect);
        } catch (ConflictException stale) {
            redirect.addFlashAttribute("flashError", text("democracy.conflict"));
            return "redirect:/democracy/boards/" + boardId;
        } catch (InvalidInputException invalid) {
            redirect.addFlashAttribute("flashError", String.join("; ", PageForms.labelled(invalid.problems(), messages)));
            return "redirect:/democracy/boards/" + boardId;
        }
    }

    @PostMapping("/democracy/activities/{id}/recommendations")
    String recommend(@PathVariable long id, @RequestParam long boardId, @RequestParam(required = false) String content,
                     @RequestParam(required = false) String addressee,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate madeOn,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn, Model model,
                     RedirectAttributes redirect) {
        try {
            activities.recommend(id, new BoardActivities.RecommendationInput(content, addressee, madeOn, dueOn), users.require());
            redirect.addFlashAttribute("flashSuccess", text("democracy.recommendation.saved"));
            return "redirect:/democracy/boards/" + boardId;
        } catch (InvalidInputException invalid) {
            model.addAttribute("recommendationActivity", id);
            model.addAttribute("recommendationErrors", PageForms.messages(invalid.problems(), messages));
            model.addAttribute("typedRecommendation", new BoardActivities.RecommendationInput(content, addressee, madeOn, dueOn));
            return showBoard(boardId, model);
        }
    }

    @PostMapping("/democracy/recommendations/{id}/answer")
    String answer(@PathVariable long id, @RequestParam long boardId,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate answeredOn,
                  @RequestParam(required = false) String answeredBy, @RequestParam(required = false) String answeredByTitle,
                  @RequestParam(required = false) String answer, @RequestParam int version, Model model, RedirectAttributes redirect) {
        var input = new BoardActivities.AnswerInput(answeredOn, answeredBy, answeredByTitle, answer);
        try {
            activities.answer(id, input, version, users.require());
            redirect.addFlashAttribute("flashSuccess", text("democracy.answer.saved"));
            return "redirect:/democracy/boards/" + boardId;
        } catch (InvalidInputException invalid) {
            model.addAttribute("answerRecommendation", id);
            model.addAttribute("answerErrors", PageForms.messages(invalid.problems(), messages));
            model.addAttribute("typedAnswer", input);
            return showBoard(boardId, model);
        } catch (ConflictException stale) {
            redirect.addFlashAttribute("flashError", text("democracy.conflict"));
            return "redirect:/democracy/boards/" + boardId;
        }
    }

    private String saved(Saved saved, String messageKey, RedirectAttributes redirect) {
        return redirectWith(saved, messageKey, "/democracy/boards/" + saved.id(), redirect);
    }

    private String redirectWith(Saved saved, String messageKey, String to, RedirectAttributes redirect) {
        redirect.addFlashAttribute("flashSuccess", text(messageKey));
        if (!saved.warnings().isEmpty()) {
            redirect.addFlashAttribute("flashWarnings", PageForms.labelled(saved.warnings(), messages));
        }
        return "redirect:" + to;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
