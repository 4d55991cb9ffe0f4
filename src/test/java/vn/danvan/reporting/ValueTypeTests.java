package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.danvan.shared.InvalidInputException;

/** Values are checked against the indicator's type before anything is stored. */
class ValueTypeTests {

    @ParameterizedTest(name = "{0} accepts {1} as {2}")
    @CsvSource(textBlock = """
            INTEGER,    12,    12
            INTEGER,    12.0,  12
            DECIMAL,    3.25,  3.25
            PERCENTAGE, 100,   100
            PERCENTAGE, 0,     0
            BOOLEAN,    true,  1
            BOOLEAN,    false, 0
            BOOLEAN,    có,    1
            """)
    void aValueOfTheRightTypeIsRead(ValueType type, String raw, String stored) {
        assertThat(type.check(raw).number()).isEqualByComparingTo(new BigDecimal(stored));
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @CsvSource(textBlock = """
            INTEGER,    1.5,   reporting.value.not-integer
            INTEGER,    abc,   reporting.value.not-number
            DECIMAL,    12a,   reporting.value.not-number
            PERCENTAGE, 101,   reporting.value.not-percentage
            PERCENTAGE, -1,    reporting.value.not-percentage
            BOOLEAN,    maybe, reporting.value.not-boolean
            INTEGER,    ' ',   validation.required
            """)
    void aValueOfTheWrongTypeIsRefusedNamingTheValue(ValueType type, String raw, String key) {
        assertThatThrownBy(() -> type.check(raw)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.problems().get(0).field()).isEqualTo("value");
            assertThat(e.problems().get(0).messageKey()).isEqualTo(key);
        });
    }

    @org.junit.jupiter.api.Test
    void aYesIsNotANumberAndATextIsKeptAsText() {
        assertThatThrownBy(() -> ValueType.INTEGER.check(Boolean.TRUE)).isInstanceOf(InvalidInputException.class);
        assertThat(ValueType.TEXT.check(" Đã tổ chức ").text()).isEqualTo("Đã tổ chức");
    }
}
