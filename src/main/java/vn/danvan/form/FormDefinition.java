package vn.danvan.form;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A version of a report form, as data: its code ({@code 01-XLD}) and printed symbol ({@code 01/XLD}),
 * the circular it belongs to, the day it applies from, its title, the provider that fills it and the
 * provider's parameters, how its periods are cut, its numbered columns, the identities printed under
 * them, and notes that say how each measure is read from the records.
 *
 * <p>A periodic report entered by units (provider {@code reporting}) uses the optional fields too: the
 * period type it is reported for ({@code periodKind}, on {@code cut}), the submission deadline after
 * each period's end, the unit levels and kinds that report it, validation rules over its measures
 * (blocking errors or warnings) and the narrative sections of a submission. Its numbered columns are
 * the form's lines (mã số): the header path is {@code [section, line label]} and the measure an
 * indicator code, optionally with an option combination ({@code MO_HINH.COLLECTIVE.ECONOMY}). Forms
 * without these fields (01/TCD …) read as before.
 */
public record FormDefinition(String code, String symbol, String circular, int version, LocalDate validFrom,
        String title, String provider, Map<String, String> parameters, PeriodCut cut, List<FormColumn> columns,
        List<String> identities, List<String> notes, ReportPeriod.Kind periodKind, FormDeadline deadline,
        FormReporters reporters, List<FormRule> rules, List<FormNarrative> narratives) {

    public FormDefinition {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        columns = columns == null ? List.of() : List.copyOf(columns);
        identities = identities == null ? List.of() : List.copyOf(identities);
        notes = notes == null ? List.of() : List.copyOf(notes);
        cut = cut == null ? PeriodCut.CALENDAR : cut;
        rules = rules == null ? List.of() : List.copyOf(rules);
        narratives = narratives == null ? List.of() : List.copyOf(narratives);
    }

    /** A form as the official statistics forms define it: no period type, deadline, rules or narrative. */
    public FormDefinition(String code, String symbol, String circular, int version, LocalDate validFrom, String title,
            String provider, Map<String, String> parameters, PeriodCut cut, List<FormColumn> columns, List<String> identities,
            List<String> notes) {
        this(code, symbol, circular, version, validFrom, title, provider, parameters, cut, columns, identities, notes, null,
                null, null, null, null);
    }

    public List<RuleExpression> parsedRules() {
        return rules.stream().map(r -> RuleExpression.parse(r.expression())).toList();
    }

    /** The column whose measure is exactly {@code measure}. */
    public Optional<FormColumn> columnOf(String measure) {
        return columns.stream().filter(c -> measure.equals(c.measure())).findFirst();
    }

    public List<ColumnIdentity> parsedIdentities() {
        return identities.stream().map(ColumnIdentity::parse).toList();
    }

    public Optional<FormColumn> column(int number) {
        return columns.stream().filter(c -> c.number() == number).findFirst();
    }

    /** Rows of the header: the deepest header path. */
    public int headerDepth() {
        return columns.stream().mapToInt(c -> c.header().size()).max().orElse(1);
    }
}
