package vn.danvan.exemplar;

import java.math.BigDecimal;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.danvan.exemplar.ExemplarRounds.Criterion;
import vn.danvan.exemplar.ExemplarRounds.NewRound;
import vn.danvan.exemplar.ExemplarRounds.RoundKind;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.ProblemsOnForm;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.InvalidInputException;

/** The screens of rounds: the list with the form that opens one, a round with its result table or its pick. */
@Controller
class RoundController {

    record RoundForm(RoundKind kind, Long unitId, String name, Integer fromYear, Integer toYear, List<String> criterionName,
                     List<BigDecimal> criterionMax, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate ceremonyOn,
                     String decisionNumber, String issuer, CommendationForm form) {

        NewRound toNew() {
            var criteria = new ArrayList<Criterion>();
            var names = criterionName == null ? List.<String>of() : criterionName;
            for (int i = 0; i < names.size(); i++) {
                var max = criterionMax != null && i < criterionMax.size() ? criterionMax.get(i) : null;
                if (names.get(i) != null && !names.get(i).isBlank() || max != null) {
                    criteria.add(new Criterion(names.get(i), max));
                }
            }
            return new NewRound(kind, unitId, name, fromYear, toYear, criteria, ceremonyOn, decisionNumber, issuer, form);
        }
    }

    private final ExemplarRounds rounds;
    private final CurrentUsers users;
    private final OrgUnits units;
    private final MessageSource messages;
    private final Clock clock;

    RoundController(ExemplarRounds rounds, CurrentUsers users, OrgUnits units, MessageSource messages, Clock clock) {
        this.rounds = rounds;
        this.users = users;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/exemplars/rounds")
    String list(Model model) {
        var user = users.require();
        var year = LocalDate.now(clock).getYear();
        var defaults = new ArrayList<String>();
        var maxes = new ArrayList<BigDecimal>();
        for (int i = 1; i <= 5; i++) {
            defaults.add(text("exemplar.criterion.default." + i));
            maxes.add(BigDecimal.valueOf(20));
        }
        model.addAttribute("form", new RoundForm(RoundKind.ASSESSMENT, user.homeUnitId(), text("exemplar.round.default-title", String.valueOf(year)),
                year, year, defaults, maxes, LocalDate.now(clock), null, null, CommendationForm.CERTIFICATE_OF_MERIT));
        return showList(model);
    }

    @PostMapping("/exemplars/rounds")
    String open(@ModelAttribute("form") RoundForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return showList(model);
        }
        try {
            var id = rounds.open(form.toNew(), users.require());
            redirect.addFlashAttribute("flashSuccess", text("exemplar.round.opened"));
            return "redirect:/exemplars/rounds/" + id;
        } catch (InvalidInputException invalid) {
            ProblemsOnForm.reject(invalid, result);
            return showList(model);
        }
    }

    @GetMapping("/exemplars/rounds/{id}")
    String detail(@PathVariable long id, Model model) {
        var round = rounds.detail(id, users.require());
        model.addAttribute("round", round);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("exemplar.nav"), "/exemplars"),
                new Crumb(text("exemplar.round.title"), "/exemplars/rounds"), new Crumb(round.title(), null)));
        return "exemplar/round";
    }

    @PostMapping("/exemplars/rounds/{id}/assess")
    String assess(@PathVariable long id, @RequestParam long exemplarId, @RequestParam(required = false) List<BigDecimal> score,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                  @RequestParam(required = false) String assessor, RedirectAttributes redirect) {
        return act(id, redirect, "exemplar.round.assessed", () -> rounds.assess(id, exemplarId, score, day, assessor, null, users.require()));
    }

    @PostMapping("/exemplars/rounds/{id}/select")
    String select(@PathVariable long id, @RequestParam(name = "exemplarId", required = false) List<Long> ids, @RequestParam int version,
                  RedirectAttributes redirect) {
        return act(id, redirect, "exemplar.round.selection-saved",
                () -> rounds.select(id, ids == null ? List.of() : ids, version, users.require()));
    }

    @PostMapping("/exemplars/rounds/{id}/close")
    String close(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        return act(id, redirect, "exemplar.round.closed-ok", () -> rounds.close(id, version, users.require()));
    }

    /** Runs a step; a refusal comes back above the table, with every reason named. */
    private String act(long id, RedirectAttributes redirect, String done, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("flashSuccess", text(done));
        } catch (InvalidInputException invalid) {
            var reasons = new ArrayList<String>();
            for (var p : invalid.problems()) {
                reasons.add(text("field." + p.field()) + ": " + text(p.messageKey(), p.args()));
            }
            redirect.addFlashAttribute("flashError", String.join(" — ", reasons));
        } catch (ConflictException conflict) {
            redirect.addFlashAttribute("flashError", text("error.conflict", conflict.key()));
        }
        return "redirect:/exemplars/rounds/" + id;
    }

    private String showList(Model model) {
        var form = (RoundForm) model.getAttribute("form");
        model.addAttribute("rounds", rounds.list(users.require()));
        model.addAttribute("kinds", RoundKind.values());
        model.addAttribute("commendationForms", CommendationForm.values());
        model.addAttribute("unitName", form == null || form.unitId() == null ? null
                : units.find(form.unitId(), LocalDate.now(clock)).map(u -> u.name()).orElse(null));
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("exemplar.nav"), "/exemplars"), new Crumb(text("exemplar.round.title"), null)));
        return "exemplar/rounds";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
