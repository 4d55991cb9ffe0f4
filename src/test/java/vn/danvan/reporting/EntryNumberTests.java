package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntryNumberTests {

    @Test
    void numbersTypedTheVietnameseWayAreReadWithCommaDecimalsAndDotGrouping() {
        assertThat(EntryController.vietnameseNumber("22,6")).isEqualTo("22.6");
        assertThat(EntryController.vietnameseNumber("38.500")).isEqualTo("38500");
        assertThat(EntryController.vietnameseNumber("1.250,5")).isEqualTo("1250.5");
        assertThat(EntryController.vietnameseNumber(" 12 ")).isEqualTo("12");
        assertThat(EntryController.vietnameseNumber("22.6")).isEqualTo("22.6");
        assertThat(EntryController.vietnameseNumber("có")).isEqualTo("có");
    }

    @Test
    void aPlainDecimalIsShownWithAComma() {
        assertThat(EntryController.shown("22.6")).isEqualTo("22,6");
        assertThat(EntryController.shown("12")).isEqualTo("12");
        assertThat(EntryController.shown("không")).isEqualTo("không");
    }
}
