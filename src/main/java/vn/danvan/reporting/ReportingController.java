package vn.danvan.reporting;

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
import vn.danvan.form.ReportPeriod;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.ProblemsOnForm;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * The reporting pages: {@code /reporting} shows one indicator over a unit subtree and a period, restated
 * or as recorded, beside the same period of the year before; {@code /reporting/indicators} lists the
 * catalogue, where system administrators define and change indicators.
 */
@Controller
class ReportingController {

    /** The indicator form; {@code version} is the version read when editing. */
    record IndicatorForm(String code, String name, String nameEn, String description, ValueType valueType,
                         Aggregation aggregation, IndicatorSource source, String periodType, String numerator,
                         String denominator, String provider, String measure, String categoryCombo, Integer version) {

        IndicatorInput input() {
            return new IndicatorInput(code, name, nameEn, description, valueType, aggregation, source, periodType, numerator,
                    denominator, provider, measure, categoryCombo);
        }

        static IndicatorForm of(Indicator i) {
            return new IndicatorForm(i.code(), i.name(), i.nameEn(), i.description(), i.valueType(), i.aggregation(), i.source(),
                    i.periodExample(), i.numerator(), i.denominator(), i.provider(), i.measure(), i.categoryCombo(), i.version());
        }
    }

    /** What the aggregate form asked, kept as typed. */
    record Question(String indicator, String unit, String period, LocalDate on, AggregateMode mode) {
    }

    private final Indicators indicators;
    private final Aggregates aggregates;
    private final EnteredValues enteredValues;
    private final CurrentUsers users;
    private final OrgUnits units;
    private final MessageSource messages;
    private final Clock clock;

    ReportingController(Indicators indicators, Aggregates aggregates, EnteredValues enteredValues, CurrentUsers users, OrgUnits units,
                        MessageSource messages, Clock clock) {
        this.indicators = indicators;
        this.aggregates = aggregates;
        this.enteredValues = enteredValues;
        this.users = users;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/reporting")
    String aggregate(@RequestParam(required = false) String indicator, @RequestParam(required = false) String unit,
                     @RequestParam(required = false) String period,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                     @RequestParam(required = false) AggregateMode mode, Model model) {
        var user = users.require();
        var today = LocalDate.now(clock);
        var asked = indicator != null;
        var question = new Question(asked ? indicator : "HOI_NGHI_GIAO_BAN",
                unit != null ? unit : units.find(user.homeUnitId(), today).map(u -> u.code()).orElse(""),
                period != null ? period : lastQuarter(today).identifier(), on != null ? on : today,
                mode != null ? mode : AggregateMode.RESTATED);
        model.addAttribute("question", question);
        model.addAttribute("indicators", indicators.all());
        model.addAttribute("modes", AggregateMode.values());
        try {
            model.addAttribute("result", aggregates.aggregate(question.indicator(), question.unit(), question.period(),
                    question.on(), question.mode(), null, user));
            model.addAttribute("records", aggregates.records(question.indicator(), question.unit(), question.period(),
                    question.on(), user, 20));
            model.addAttribute("entered", enteredValues.behind(question.indicator(), question.unit(), question.period(),
                    question.on(), user, 50));
        } catch (InvalidInputException invalid) {
            model.addAttribute("problems", invalid.problems().stream().map(p -> text("field." + p.field()) + ": "
                    + messages.getMessage(p.messageKey(), p.args(), p.messageKey(), LocaleContextHolder.getLocale())).toList());
        } catch (NotFoundException missing) {
            model.addAttribute("problems", List.of(text("error.not-found." + missing.what(), missing.key())));
        }
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("reporting.nav"), null)));
        return "reporting/aggregate";
    }

    @GetMapping("/reporting/indicators")
    String indicators(Model model) {
        var user = users.require();
        model.addAttribute("indicators", indicators.all());
        model.addAttribute("admin", user.isSystemAdmin());
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("reporting.nav"), "/reporting"),
                new Crumb(text("reporting.indicators.title"), null)));
        return "reporting/indicators";
    }

    @GetMapping("/reporting/indicators/new")
    String newIndicator(Model model) {
        requireAdmin();
        model.addAttribute("form", new IndicatorForm(null, null, null, null, ValueType.INTEGER, Aggregation.SUM, null, "2025Q1",
                null, null, null, null, null, null));
        return showForm(null, model);
    }

    @PostMapping("/reporting/indicators")
    String define(@ModelAttribute("form") IndicatorForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        var user = users.require();
        if (!result.hasErrors()) {
            try {
                var created = indicators.define(form.input(), user);
                redirect.addFlashAttribute("flashSuccess", text("reporting.indicators.saved", created.code()));
                return "redirect:/reporting/indicators";
            } catch (InvalidInputException invalid) {
                ProblemsOnForm.reject(invalid, result);
            }
        }
        return showForm(null, model);
    }

    @GetMapping("/reporting/indicators/{code}/edit")
    String edit(@PathVariable String code, Model model) {
        requireAdmin();
        var indicator = indicators.get(code);
        model.addAttribute("form", IndicatorForm.of(indicator));
        return showForm(indicator, model);
    }

    @PostMapping("/reporting/indicators/{code}")
    String update(@PathVariable String code, @ModelAttribute("form") IndicatorForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        var user = users.require();
        var indicator = indicators.get(code);
        if (!result.hasErrors()) {
            try {
                indicators.update(code, form.input(), form.version() == null ? -1 : form.version(), user);
                redirect.addFlashAttribute("flashSuccess", text("reporting.indicators.saved", indicator.code()));
                return "redirect:/reporting/indicators";
            } catch (InvalidInputException invalid) {
                ProblemsOnForm.reject(invalid, result);
            } catch (ConflictException stale) {
                // Another administrator saved first: keep what this one typed, say so, offer the newer version.
                result.reject("reporting.indicators.stale", new Object[] {indicator.code()}, "stale");
            }
        }
        return showForm(indicator, model);
    }

    private String showForm(Indicator editing, Model model) {
        model.addAttribute("editing", editing);
        model.addAttribute("valueTypes", ValueType.values());
        model.addAttribute("aggregations", Aggregation.values());
        model.addAttribute("sources", IndicatorSource.values());
        model.addAttribute("indicators", indicators.all());
        model.addAttribute("figures", indicators.figures());
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("reporting.nav"), "/reporting"),
                new Crumb(text("reporting.indicators.title"), "/reporting/indicators"),
                new Crumb(text(editing == null ? "reporting.indicators.new" : "reporting.indicators.edit"), null)));
        return "reporting/indicator-form";
    }

    private void requireAdmin() {
        if (!users.require().isSystemAdmin()) {
            throw new NotFoundException("page", "/reporting/indicators");
        }
    }

    /** The last quarter that has ended by today. */
    static ReportPeriod lastQuarter(LocalDate today) {
        int quarter = (today.getMonthValue() - 1) / 3;
        return quarter == 0 ? new ReportPeriod(ReportPeriod.Kind.QUARTER, today.getYear() - 1, 4, vn.danvan.form.PeriodCut.CALENDAR)
                : new ReportPeriod(ReportPeriod.Kind.QUARTER, today.getYear(), quarter, vn.danvan.form.PeriodCut.CALENDAR);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
