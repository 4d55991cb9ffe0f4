package vn.danvan.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The identities printed under the forms' columns, read and checked. */
class ColumnIdentityTests {

    @Test
    void aChainedIdentityHasEverySideAsASumOfColumns() {
        var identity = ColumnIdentity.parse("9 = 11 + 12 + 13 = 14 + 15 + 16 + 17 = 18 + 22");
        assertThat(identity.sides()).containsExactly(List.of(9), List.of(11, 12, 13), List.of(14, 15, 16, 17), List.of(18, 22));
        assertThat(identity.columns()).containsExactly(9, 11, 12, 13, 14, 15, 16, 17, 18, 22);
    }

    @Test
    void aRangeStandsForEveryColumnBetween() {
        assertThat(ColumnIdentity.parse("1 = 2..7").sides().get(1)).containsExactly(2, 3, 4, 5, 6, 7);
    }

    @ParameterizedTest(name = "\"{0}\" with 1={1}, 4={2}, 13={3}, 22={4} holds: {5}")
    @CsvSource(textBlock = """
            1 = 4 + 13 + 22,  10, 5, 3, 2, true
            1 = 4 + 13 + 22,  10, 5, 3, 1, false
            1 = 4 + 13 + 22,   0, 0, 0, 0, true
            4 + 13 = 1 + 22,  10, 5, 3, 2, false
            4 + 13 + 22 = 1,  10, 5, 3, 2, true
            """)
    void anIdentityHoldsWhenEverySideHasTheSameSum(String text, int c1, int c4, int c13, int c22, boolean holds) {
        var values = new HashMap<Integer, BigDecimal>();
        values.put(1, BigDecimal.valueOf(c1));
        values.put(4, BigDecimal.valueOf(c4));
        values.put(13, BigDecimal.valueOf(c13));
        values.put(22, BigDecimal.valueOf(c22));
        assertThat(ColumnIdentity.parse(text).holds(values)).isEqualTo(holds);
    }

    @Test
    void moneyWithDecimalsIsComparedByValueNotScale() {
        var values = new HashMap<Integer, BigDecimal>();
        values.put(1, new BigDecimal("120.500"));
        values.put(2, new BigDecimal("120.5"));
        assertThat(ColumnIdentity.parse("1 = 2").holds(values)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1 = ", "1 = 2 +", "a = 2", "1 = 7..2", "1 = 2..3..4", "= 3"})
    void anUnreadableIdentityIsRefused(String text) {
        assertThatThrownBy(() -> ColumnIdentity.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
