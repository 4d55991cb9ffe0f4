package vn.danvan.reporting;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;
import vn.danvan.form.ReportPeriod;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.reporting.Pivot.PivotCell;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * The pivot page {@code /reporting/pivot}: choose indicators, a unit (its children are the rows; a
 * click on a child opens its own children), a period cut into smaller periods, the day and the mode;
 * swap the axes; see a chart; download the table as .xlsx ({@code /reporting/pivot.xlsx}, same
 * parameters) or the chart as PNG; save the pivot on a unit's dashboard.
 */
@Controller
class PivotController {

    /** Shown when a signed-in user opens the page without choosing: the briefing figures of last year by quarter. */
    static final List<String> DEFAULT_INDICATORS = List.of("HOI_NGHI_GIAO_BAN", "Y_KIEN_DOI_THOAI", "TY_LE_TRA_LOI_TAI_CHO",
            "TY_LE_KDC_CO_MO_HINH");

    private final Pivots pivots;
    private final Indicators indicators;
    private final CurrentUsers users;
    private final OrgUnits units;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    PivotController(Pivots pivots, Indicators indicators, CurrentUsers users, OrgUnits units, MessageSource messages,
                    JsonMapper json, Clock clock) {
        this.pivots = pivots;
        this.indicators = indicators;
        this.users = users;
        this.units = units;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/reporting/pivot")
    String pivot(HttpServletRequest request, Model model) {
        var user = users.require();
        var question = withDefaults(PivotQuestion.fromParameters(request.getParameterMap()), user);
        model.addAttribute("question", question);
        model.addAttribute("indicators", indicators.all());
        model.addAttribute("modes", AggregateMode.values());
        model.addAttribute("axes", PivotQuestion.Axis.values());
        model.addAttribute("charts", PivotQuestion.Chart.values());
        model.addAttribute("splits", List.of(ReportPeriod.Kind.QUARTER, ReportPeriod.Kind.MONTH, ReportPeriod.Kind.YEAR));
        try {
            var pivot = pivots.pivot(question, user);
            model.addAttribute("pivot", pivot);
            model.addAttribute("table", table(pivot));
            model.addAttribute("chartJson", chartJson(pivot));
            model.addAttribute("swapped", pivot.question().swapped().toQuery());
        } catch (InvalidInputException invalid) {
            model.addAttribute("problems", invalid.problems().stream().map(p -> text("field." + p.field()) + ": "
                    + messages.getMessage(p.messageKey(), p.args(), p.messageKey(), LocaleContextHolder.getLocale())).toList());
        } catch (NotFoundException missing) {
            model.addAttribute("problems", List.of(text("error.not-found." + missing.what(), missing.key())));
        }
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("reporting.nav"), "/reporting"),
                new Crumb(text("reporting.pivot.title"), null)));
        return "reporting/pivot";
    }

    @GetMapping("/reporting/pivot.xlsx")
    ResponseEntity<byte[]> xlsx(HttpServletRequest request) {
        var user = users.require();
        var pivot = pivots.pivot(withDefaults(PivotQuestion.fromParameters(request.getParameterMap()), user), user);
        var table = table(pivot);
        var q = pivot.question();
        var title = new ArrayList<String>();
        title.add(text("reporting.pivot.xlsx.title", pivot.root().name(), periodLabel(pivot.span())));
        title.add(text("reporting.pivot.xlsx.subtitle", text("reporting.mode." + q.mode()),
                pivot.on().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
        var words = new PivotXlsx.Words(text("reporting.pivot.xlsx.values"), text("reporting.pivot.xlsx.previous"),
                text("reporting.pivot.axis." + q.group()), text("reporting.pivot.axis." + q.rows()),
                text("reporting.result.yes"), text("reporting.result.no"), text("reporting.pivot.unallocated"));
        var bytes = PivotXlsx.write(table, title, words, this::changeText);
        var name = "phan-tich-" + pivot.root().code() + "-" + pivot.span() + ".xlsx";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CONTENT_TYPE, PivotXlsx.CONTENT_TYPE)
                .body(bytes);
    }

    /** The page's defaults for what was not chosen: the user's own unit, last year by quarter, the briefing figures. */
    PivotQuestion withDefaults(PivotQuestion q, CurrentUser user) {
        var today = LocalDate.now(clock);
        var chosen = q.indicators().isEmpty() ? DEFAULT_INDICATORS : q.indicators();
        var unit = q.unit() != null && !q.unit().isBlank() ? q.unit()
                : units.find(user.homeUnitId(), today).map(u -> u.code()).orElse("");
        var period = q.period() != null && !q.period().isBlank() ? q.period() : String.valueOf(today.getYear() - 1);
        var split = q.split() != null || q.period() != null ? q.split() : ReportPeriod.Kind.QUARTER;
        return new PivotQuestion(chosen, unit, period, split, q.on(), q.mode(), q.rows(), q.columns(), q.chart());
    }

    PivotTable table(Pivot pivot) {
        return PivotTable.of(pivot, this::periodLabel, name -> text("reporting.pivot.total", name));
    }

    String chartJson(Pivot pivot) {
        var q = pivot.question();
        var title = text("reporting.chart.title." + q.chart(), pivot.root().name(), periodLabel(pivot.span()));
        var chart = PivotCharts.of(pivot, this::periodLabel, pivots.optionNames(), title,
                "bieu-do-" + pivot.root().code() + "-" + pivot.span() + ".png");
        return json.writeValueAsString(chart).replace("</", "<\\/");
    }

    /** "Quý 1/2024", "Tháng 3/2024", "6 tháng đầu năm 2024", "Năm 2024 (kỳ thanh tra)", "Giai đoạn 2016–2021". */
    String periodLabel(String identifier) {
        ReportPeriod p;
        try {
            p = ReportPeriod.parse(identifier, "period");
        } catch (InvalidInputException e) {
            return identifier;
        }
        var key = "reporting.pivot.period." + p.kind() + (p.kind() == ReportPeriod.Kind.SIX_MONTHS ? "." + p.index() : "");
        var label = text(key, String.valueOf(p.year()), String.valueOf(p.index()));
        return p.cut() == vn.danvan.form.PeriodCut.INSPECTION ? label + " " + text("reporting.pivot.period.inspection") : label;
    }

    /** "tăng 12,5% so với cùng kỳ" / "giảm 3% so với cùng kỳ" / "bằng cùng kỳ" / "" without a base. */
    String changeText(PivotCell cell) {
        if (cell.change() == null) {
            return "";
        }
        var percent = PivotTable.format(cell.change().abs());
        return switch (cell.change().signum()) {
            case 1 -> text("reporting.pivot.change.up", percent);
            case -1 -> text("reporting.pivot.change.down", percent);
            default -> text("reporting.pivot.change.same");
        };
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
