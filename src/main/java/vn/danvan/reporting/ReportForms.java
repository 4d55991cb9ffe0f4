package vn.danvan.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.form.FormColumn;
import vn.danvan.form.FormDeadlines;
import vn.danvan.form.FormDefinition;
import vn.danvan.form.FormDefinitions;
import vn.danvan.form.ReportPeriod;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.NotFoundException;

/**
 * Report forms of units' periodic reports (báo cáo định kỳ), kept as versions of the one form
 * mechanism ({@link FormDefinitions}, provider {@code reporting}): every signed-in user reads them;
 * system administrators add versions without code, each checked here (every line an indicator of
 * the catalogue whose entry period fits the form's, a full option combination for an entered one)
 * and in {@code form} (numbered lines, rules over known indicators, deadline, narratives), and
 * audited. A period reads the version valid on its last day.
 */
@Service
@Transactional(readOnly = true)
public class ReportForms {

    private final FormDefinitions definitions;
    private final FormDeadlines deadlines;
    private final Indicators indicators;
    private final ReportValues values;
    private final OrgUnits units;
    private final OrgScope scope;
    private final AuditTrail audit;
    private final Clock clock;

    ReportForms(FormDefinitions definitions, FormDeadlines deadlines, Indicators indicators, ReportValues values, OrgUnits units,
                OrgScope scope, AuditTrail audit, Clock clock) {
        this.definitions = definitions;
        this.deadlines = deadlines;
        this.indicators = indicators;
        this.values = values;
        this.units = units;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /** One line of a form as entered: its number (mã số), section, label, indicator and option combination. */
    public record Line(int number, String section, String label, String measure, Indicator indicator, String optionCombo,
                       boolean entered) {
    }

    /** What a grid is for: the form version valid for the period, the unit, the period, its deadline and lines. */
    record Target(FormDefinition form, OrgUnit unit, ReportPeriod period, LocalDate deadline, List<Line> lines) {
    }

    /** The latest version of each reporting form, by code. */
    public List<FormDefinition> forms() {
        return definitions.latest().stream().filter(d -> ReportFormProvider.NAME.equals(d.provider())).toList();
    }

    /** @throws NotFoundException when there is no reporting form with that code */
    public List<FormDefinition> versions(String code) {
        var versions = definitions.versions(code);
        if (versions.isEmpty() || !ReportFormProvider.NAME.equals(versions.get(0).provider())) {
            throw new NotFoundException("form", code);
        }
        return versions;
    }

    /** The version of a form valid for a period: the latest one whose validity began by the period's last day. */
    public FormDefinition applicable(String code, ReportPeriod period) {
        versions(code);
        return definitions.applicable(code.strip().toUpperCase(Locale.ROOT), period.to());
    }

    /** The submission deadline of a form for a period (null when it sets none). */
    public LocalDate deadline(FormDefinition form, ReportPeriod period) {
        return deadlines.due(form, period);
    }

    /**
     * Stores a new version of a reporting form (a new code starts at version 1).
     *
     * @throws NotFoundException     when the user is not a system administrator
     * @throws InvalidInputException naming each field in error; nothing is stored
     */
    @Transactional
    public FormDefinition define(FormDefinition given, CurrentUser user) {
        if (!user.isSystemAdmin()) {
            throw new NotFoundException("page", "/reporting/forms");
        }
        var d = new FormDefinition(given.code() == null ? null : given.code().strip().toUpperCase(Locale.ROOT), given.symbol(),
                given.circular(), given.version(), given.validFrom(), given.title(), ReportFormProvider.NAME, given.parameters(),
                given.cut(), given.columns(), given.identities(), given.notes(), given.periodKind(), given.deadline(),
                given.reporters(), given.rules(), given.narratives());
        var problems = new ArrayList<Problem>();
        if (d.periodKind() == null) {
            problems.add(new Problem("periodKind", "validation.required"));
        }
        var existing = d.code() == null ? List.<FormDefinition>of() : definitions.versions(d.code());
        if (!existing.isEmpty() && !ReportFormProvider.NAME.equals(existing.get(0).provider())) {
            problems.add(new Problem("code", "reporting.form.code-not-reporting", d.code()));
        }
        for (var column : d.columns()) {
            checkLine(d, column, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var stored = definitions.define(d, user.username());
        audit.record("reporting.form-version-defined", "form_definition", stored.code() + "/" + stored.version(), null, null,
                AuditTrail.fields("code", stored.code(), "version", stored.version(), "validFrom", stored.validFrom(), "title",
                        stored.title(), "periodKind", stored.periodKind(), "lines", stored.columns().size(), "rules",
                        stored.rules().size()));
        return stored;
    }

    private void checkLine(FormDefinition d, FormColumn column, List<Problem> problems) {
        if (column.measure() == null) {
            return;
        }
        var indicator = indicators.find(ReportFormProvider.indicatorOf(column.measure()));
        if (indicator.isEmpty()) {
            return; // the form's own check names the unknown measure
        }
        var i = indicator.get();
        if (i.isEntered() && i.periodKind() != null && d.periodKind() != null
                && (i.periodKind() != d.periodKind() || i.periodCut() != d.cut())) {
            problems.add(new Problem("columns", "reporting.form.line-period", column.number(), i.code(), i.periodExample()));
        }
    }

    /** The lines of a form version, each with its indicator. */
    List<Line> lines(FormDefinition form) {
        var result = new ArrayList<Line>();
        for (var c : form.columns()) {
            if (c.isNote()) {
                continue;
            }
            var indicator = indicators.get(ReportFormProvider.indicatorOf(c.measure()));
            var combo = c.measure().contains(".") ? c.measure().substring(c.measure().indexOf('.') + 1) : "";
            var section = c.header().size() > 1 ? c.header().get(0) : "";
            result.add(new Line(c.number(), section, c.label(), c.measure(), indicator, combo,
                    indicator.isEntered() && fullCombo(indicator, combo)));
        }
        result.sort(Comparator.comparingInt(Line::number));
        return List.copyOf(result);
    }

    private boolean fullCombo(Indicator indicator, String combo) {
        try {
            values.optionCombo(indicator, combo);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    /**
     * Resolves a grid's form, unit and period, and checks them.
     *
     * @param write whether the user is to enter data (else: read)
     * @throws InvalidInputException naming {@code period} when it is ill-formed or not of the form's period type,
     *                               {@code unit} when the unit does not report this form
     * @throws NotFoundException     for an unknown form or unit, or a unit outside the user's scope
     */
    Target target(String formCode, String unitCode, String periodText, CurrentUser user, boolean write) {
        var period = ReportPeriod.parse(periodText, "period");
        if (formCode == null || formCode.isBlank()) {
            throw new InvalidInputException("reportForm", "validation.required");
        }
        var form = applicable(formCode, period);
        if (form.periodKind() != null && (form.periodKind() != period.kind() || form.cut() != period.cut())) {
            throw new InvalidInputException("period", "reporting.entry.period-type", period.identifier(), example(form));
        }
        if (unitCode == null || unitCode.isBlank()) {
            throw new InvalidInputException("reportingUnit", "validation.required");
        }
        var unit = units.findByCode(unitCode.strip(), period.to())
                .orElseThrow(() -> new NotFoundException("unit", unitCode.strip()));
        if (write) {
            scope.requireWrite(user, unit.id(), "unit", unit.code());
        } else {
            scope.requireRead(user, unit.id(), "unit", unit.code());
        }
        if (form.reporters() != null && !form.reporters().includes(unit.level().name(), unit.kind().name())) {
            throw new InvalidInputException("reportingUnit", "reporting.entry.unit-not-reporter", unit.name(), form.symbol());
        }
        return new Target(form, unit, period, deadline(form, period), lines(form));
    }

    /** A period of the form's type, as an identifier for messages and screens ("2025Q1"). */
    static String example(FormDefinition form) {
        if (form.periodKind() == null) {
            return "";
        }
        var kind = form.periodKind();
        var p = switch (kind) {
            case TERM -> new ReportPeriod(kind, 2021, 2026, form.cut());
            case MONTH -> new ReportPeriod(kind, 2025, 3, form.cut());
            default -> new ReportPeriod(kind, 2025, 1, form.cut());
        };
        return p.identifier();
    }

    /** The last period of a form's type that has ended by today (the one usually being entered). */
    ReportPeriod lastEnded(FormDefinition form) {
        var today = LocalDate.now(clock);
        var p = ReportPeriod.parse(example(form).isEmpty() ? "2025Q1" : example(form), "period");
        var candidate = new ReportPeriod(p.kind(), today.getYear() + 1, p.kind() == ReportPeriod.Kind.TERM ? today.getYear() + 2 : 1,
                p.cut());
        while (!candidate.to().isBefore(today)) {
            candidate = candidate.previous();
        }
        return candidate;
    }
}
