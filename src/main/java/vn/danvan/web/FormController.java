package vn.danvan.web;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.danvan.form.FormDefinition;
import vn.danvan.form.FormDefinitions;
import vn.danvan.form.FormReports;
import vn.danvan.form.PeriodCut;
import vn.danvan.form.ReportPeriod;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.InvalidInputException;

/**
 * The statistics forms as pages: pick a form, a unit and a period (a month, quarter, six or nine
 * months or a year, on calendar or inspection-sector months, or any two days), see the filled form
 * with its identities checked, download it as .xlsx.
 */
@Controller
class FormController {

    private final FormDefinitions definitions;
    private final FormReports reports;
    private final OrgUnits units;
    private final Labels labels;
    private final Clock clock;

    FormController(FormDefinitions definitions, FormReports reports, OrgUnits units, Labels labels, Clock clock) {
        this.definitions = definitions;
        this.reports = reports;
        this.units = units;
        this.labels = labels;
        this.clock = clock;
    }

    /** The period chosen on the page, resolved to two days. */
    record PeriodChoice(ReportPeriod.Kind kind, Integer year, Integer index, PeriodCut cut, LocalDate from, LocalDate to) {

        LocalDate start() {
            return kind == null ? from : new ReportPeriod(kind, year, index == null ? 1 : index, cut).from();
        }

        LocalDate end() {
            return kind == null ? to : new ReportPeriod(kind, year, index == null ? 1 : index, cut).to();
        }
    }

    @GetMapping("/forms")
    String index(Model model) {
        model.addAttribute("forms", definitions.latest());
        model.addAttribute("breadcrumbs", List.of(new Crumb(labels.get("form.nav"), null)));
        return "form/index";
    }

    @GetMapping("/forms/{code}")
    String form(@PathVariable String code, @RequestParam(required = false) Long unitId,
                @RequestParam(required = false) ReportPeriod.Kind kind, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) Integer index, @RequestParam(required = false) PeriodCut cut,
                @RequestParam(required = false) @DateTimeFormat(pattern = "dd/MM/yyyy") LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(pattern = "dd/MM/yyyy") LocalDate to,
                Principal principal, Model model) {
        var today = LocalDate.now(clock);
        var definition = definitions.applicable(code, today);
        var choice = choice(definition, kind, year, index, cut, from, to, today);
        model.addAttribute("definition", definition);
        model.addAttribute("choice", choice);
        model.addAttribute("unitId", unitId);
        model.addAttribute("unitName", unitId == null ? null : units.find(unitId, today).map(u -> u.name()).orElse(null));
        // A term needs two years; the form page offers the periods of one year.
        model.addAttribute("kinds", java.util.Arrays.stream(ReportPeriod.Kind.values()).filter(k -> k != ReportPeriod.Kind.TERM).toList());
        model.addAttribute("cuts", PeriodCut.values());
        model.addAttribute("breadcrumbs", List.of(new Crumb(labels.get("form.nav"), "/forms"), new Crumb(definition.symbol(), null)));
        try {
            var result = reports.fill(code, null, unitId, choice.start(), choice.end(), principal);
            model.addAttribute("result", result);
            model.addAttribute("headerRows", FormHeader.rows(result.definition()));
        } catch (InvalidInputException | IllegalArgumentException e) {
            model.addAttribute("periodError", labels.get("form.period.invalid"));
        }
        return "form/report";
    }

    /** The records behind one figure: every number of a form links here. */
    @GetMapping("/forms/{code}/records")
    String records(@PathVariable String code, @RequestParam(required = false) Long unitId,
                   @RequestParam @DateTimeFormat(pattern = "dd/MM/yyyy") LocalDate from,
                   @RequestParam @DateTimeFormat(pattern = "dd/MM/yyyy") LocalDate to,
                   @RequestParam int column, @RequestParam(required = false) String row, Principal principal, Model model) {
        var found = reports.records(code, null, unitId, from, to, column, row, principal, FormApi.RECORDS_LIMIT);
        model.addAttribute("found", found);
        model.addAttribute("unitId", unitId);
        model.addAttribute("breadcrumbs", List.of(new Crumb(labels.get("form.nav"), "/forms"),
                new Crumb(found.definition().symbol(), "/forms/" + code), new Crumb(labels.get("form.records.crumb", column), null)));
        return "form/records";
    }

    @GetMapping("/forms/{code}/xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String code, @RequestParam(required = false) Long unitId,
                                @RequestParam(required = false) ReportPeriod.Kind kind, @RequestParam(required = false) Integer year,
                                @RequestParam(required = false) Integer index, @RequestParam(required = false) PeriodCut cut,
                                @RequestParam(required = false) @DateTimeFormat(pattern = "dd/MM/yyyy") LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(pattern = "dd/MM/yyyy") LocalDate to,
                                Principal principal) {
        var today = LocalDate.now(clock);
        var choice = choice(definitions.applicable(code, today), kind, year, index, cut, from, to, today);
        return FormApi.xlsxResponse(reports.fill(code, null, unitId, choice.start(), choice.end(), principal));
    }

    private static PeriodChoice choice(FormDefinition definition, ReportPeriod.Kind kind, Integer year, Integer index,
                                       PeriodCut cut, LocalDate from, LocalDate to, LocalDate today) {
        if (kind == null && from != null && to != null) {
            return new PeriodChoice(null, null, null, cut == null ? definition.cut() : cut, from, to);
        }
        var k = kind == null ? ReportPeriod.Kind.QUARTER : kind;
        var c = cut == null ? definition.cut() : cut;
        // The period that holds today: an inspection-sector month runs from the 15th to the 14th of the next.
        var reference = c == PeriodCut.INSPECTION && today.getDayOfMonth() >= 15 ? today.plusMonths(1) : today;
        int y = year == null ? reference.getYear() : year;
        int i = index == null ? (k == ReportPeriod.Kind.QUARTER ? (reference.getMonthValue() + 2) / 3
                : k == ReportPeriod.Kind.MONTH ? reference.getMonthValue() : 1) : index;
        return new PeriodChoice(k, y, i, c, null, null);
    }
}
