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
 */
public record FormDefinition(String code, String symbol, String circular, int version, LocalDate validFrom,
        String title, String provider, Map<String, String> parameters, PeriodCut cut, List<FormColumn> columns,
        List<String> identities, List<String> notes) {

    public FormDefinition {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        columns = columns == null ? List.of() : List.copyOf(columns);
        identities = identities == null ? List.of() : List.copyOf(identities);
        notes = notes == null ? List.of() : List.copyOf(notes);
        cut = cut == null ? PeriodCut.CALENDAR : cut;
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
