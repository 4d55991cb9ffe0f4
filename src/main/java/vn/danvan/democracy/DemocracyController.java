package vn.danvan.democracy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.danvan.democracy.DisclosureRules.Channel;
import vn.danvan.democracy.PageForms.CommunityMeetingForm;
import vn.danvan.democracy.PageForms.DisclosureForm;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.InvalidInputException;

/**
 * The grassroots-democracy page of a unit ("Dân chủ ở cơ sở"): for a commune, its boards, the
 * disclosure register with what is due for a period and not yet disclosed, and its community meetings;
 * for a province, the same records of its communes. Disclosures are recorded on the page; community
 * meetings have their own form and page.
 */
@Controller
class DemocracyController {

    private final Disclosures disclosures;
    private final CommunityMeetings meetings;
    private final DemocracyQueries queries;
    private final Communes communes;
    private final CurrentUsers users;
    private final MessageSource messages;
    private final Clock clock;

    DemocracyController(Disclosures disclosures, CommunityMeetings meetings, DemocracyQueries queries, Communes communes,
                        CurrentUsers users, MessageSource messages, Clock clock) {
        this.disclosures = disclosures;
        this.meetings = meetings;
        this.queries = queries;
        this.communes = communes;
        this.users = users;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/democracy")
    String index(@RequestParam(required = false) String unit, @RequestParam(required = false) String period, Model model) {
        var user = users.require();
        var u = unit == null || unit.isBlank() ? communes.find(user.homeUnitId()).orElseThrow() : communes.readable(unit.strip(), user);
        if (!model.containsAttribute("disclosureForm")) {
            var form = new DisclosureForm();
            form.setUnitId(u.id());
            form.setPostedOn(LocalDate.now(clock));
            model.addAttribute("disclosureForm", form);
        }
        return showIndex(u, period, model);
    }

    private String showIndex(OrgUnit u, String period, Model model) {
        var today = LocalDate.now(clock);
        ReportingPeriod p;
        try {
            p = period == null || period.isBlank() ? ReportingPeriod.quarterOf(today) : ReportingPeriod.parse(period, "period");
        } catch (InvalidInputException invalid) {
            model.addAttribute("periodError", PageForms.labelled(invalid.problems(), messages).get(0));
            p = ReportingPeriod.quarterOf(today);
        }
        var subtree = communes.subtree(u.id());
        model.addAttribute("unit", u);
        model.addAttribute("commune", Communes.isCommune(u));
        model.addAttribute("period", p.key());
        model.addAttribute("boards", queries.boards(subtree, null, 0, 50));
        model.addAttribute("disclosures", queries.disclosures(subtree, p.year(), 0, 50));
        model.addAttribute("communityMeetings", queries.communityMeetings(subtree, 0, 20));
        if (Communes.isCommune(u)) {
            model.addAttribute("due", disclosures.dueList(u, p));
        }
        model.addAttribute("items", disclosures.items());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("democracy.nav"), null)));
        return "democracy/index";
    }

    @PostMapping("/democracy/disclosures")
    String disclose(@ModelAttribute("disclosureForm") DisclosureForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        var user = users.require();
        var unit = communes.find(form.getUnitId() == null ? user.homeUnitId() : form.getUnitId()).orElseThrow();
        try {
            if (result.hasErrors()) {
                throw PageForms.bindingProblems(result);
            }
            var saved = disclosures.record(form.input(), user);
            redirect.addFlashAttribute("flashSuccess", text("democracy.disclosure.saved"));
            if (!saved.warnings().isEmpty()) {
                redirect.addFlashAttribute("flashWarnings", PageForms.labelled(saved.warnings(), messages));
            }
            return "redirect:/democracy?unit=" + unit.code() + "&period=" + form.getPeriodKey().strip().toUpperCase();
        } catch (InvalidInputException invalid) {
            model.addAttribute("disclosureErrors", PageForms.messages(invalid.problems(), messages));
            return showIndex(unit, null, model);
        }
    }

    /** A disclosure's place: its commune's register for its period (the figures link here). */
    @GetMapping("/democracy/disclosures/{id}")
    String disclosure(@PathVariable long id) {
        var d = queries.disclosure(id, users.require());
        return "redirect:/democracy?unit=" + d.unit().code() + "&period=" + d.periodKey();
    }

    @GetMapping("/democracy/community-meetings/new")
    String newMeeting(@RequestParam String unit, Model model) {
        var commune = communes.readable(unit, users.require());
        var form = new CommunityMeetingForm();
        form.setUnitId(commune.id());
        form.setMeetingOn(LocalDate.now(clock));
        return showMeetingForm(form, List.of(), model);
    }

    @PostMapping("/democracy/community-meetings/new")
    String record(@ModelAttribute("form") CommunityMeetingForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            if (result.hasErrors()) {
                throw PageForms.bindingProblems(result);
            }
            var saved = meetings.record(form.input(), users.require());
            redirect.addFlashAttribute("flashSuccess", text("democracy.community-meeting.saved"));
            return "redirect:/democracy/community-meetings/" + saved.id();
        } catch (InvalidInputException invalid) {
            return showMeetingForm(form, invalid.problems(), model);
        }
    }

    private String showMeetingForm(CommunityMeetingForm form, List<InvalidInputException.Problem> problems, Model model) {
        var unit = communes.find(form.getUnitId() == null ? users.require().homeUnitId() : form.getUnitId()).orElseThrow();
        form.padVotes();
        model.addAttribute("form", form);
        model.addAttribute("unit", unit);
        model.addAttribute("errors", PageForms.messages(problems, messages));
        model.addAttribute("problems", PageForms.labelled(problems, messages));
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("democracy.nav"), "/democracy?unit=" + unit.code()),
                new Crumb(text("democracy.community-meeting.new"), null)));
        return "democracy/community-meeting-form";
    }

    @GetMapping("/democracy/community-meetings/{id}")
    String meeting(@PathVariable long id, Model model) {
        var m = queries.communityMeeting(id, users.require());
        model.addAttribute("meeting", m);
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("democracy.nav"), "/democracy?unit=" + m.unit().code()),
                new Crumb(m.village(), null)));
        return "democracy/community-meeting";
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
