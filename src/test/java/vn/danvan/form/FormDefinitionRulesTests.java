package vn.danvan.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.danvan.shared.InvalidInputException;

/** An uploaded form definition is checked whole before it is stored; every problem names its field. */
class FormDefinitionRulesTests {

    static FormDefinition definition(List<FormColumn> columns, List<String> identities, String provider) {
        return new FormDefinition("01-XLD", "01/XLD", "06/2025/TT-TTCP", 2, LocalDate.of(2025, 9, 30), "Tổng hợp kết quả xử lý đơn",
                provider, Map.of(), PeriodCut.INSPECTION, columns, identities, List.of());
    }

    static FormColumn column(int n, String measure) {
        return new FormColumn(n, List.of("Cột " + n), measure, FormColumn.ValueKind.COUNT);
    }

    @Test
    void aConsistentDefinitionPasses() {
        var d = definition(List.of(column(1, "a"), column(2, "b"), column(3, "c"), column(4, null)), List.of("1 = 2 + 3"), "petition");
        FormDefinitionRules.check(d, Set.of("a", "b", "c"));
    }

    @Test
    void unknownMeasuresRepeatedColumnsAndIdentitiesOnMissingOrNoteColumnsAreAllReported() {
        var d = definition(List.of(column(1, "a"), column(2, "zzz"), column(2, "b"), column(4, null)),
                List.of("1 = 2 + 9", "1 = 4", "1 = = 2"), "petition");
        var error = catchThrowableOfType(InvalidInputException.class, () -> FormDefinitionRules.check(d, Set.of("a", "b")));
        assertThat(error.problems()).extracting(InvalidInputException.Problem::messageKey).contains(
                "form.definition.measure-unknown", "form.definition.column-number-repeated",
                "form.definition.identity-column-unknown", "form.definition.identity-unreadable");
        assertThat(error.problems()).extracting(InvalidInputException.Problem::field).contains("columns", "identities");
    }

    @Test
    void aDefinitionForAnUnknownProviderIsRefused() {
        var d = definition(List.of(column(1, "a")), List.of(), "nobody");
        var error = catchThrowableOfType(InvalidInputException.class, () -> FormDefinitionRules.check(d, null));
        assertThat(error.problems()).extracting(InvalidInputException.Problem::field).containsExactly("provider");
    }
}
