package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PetitionSearchWordsTests {

    @Test
    void asksTheIndexForTheWholeWordsAfterTheFirstAndTheLastAsAPrefix() {
        assertThat(PetitionSearchWords.query("thu hoi dat")).isEqualTo("hoi & dat:*");
        assertThat(PetitionSearchWords.query("  giay chung nhan ")).isEqualTo("chung & nhan:*");
    }

    @Test
    void foldsAccentsAndĐLikeTheSearchKey() {
        assertThat(PetitionSearchWords.query("Thu hồi Đất")).isEqualTo("hoi & dat:*");
        assertThat(PetitionSearchWords.query("BỒI THƯỜNG")).isEqualTo("thuong:*");
    }

    @Test
    void leavesToTheTrigramsWhatHoldsNoWholeWord() {
        assertThat(PetitionSearchWords.query("dat")).isNull();
        assertThat(PetitionSearchWords.query("đ")).isNull();
        assertThat(PetitionSearchWords.query("so 713")).isNull();
        assertThat(PetitionSearchWords.query("DXL-2026 000123")).isNull();
    }

    @Test
    void skipsNumbersAndPunctuatedWordsButKeepsTheOthers() {
        assertThat(PetitionSearchWords.query("thua dat so 713")).isNull();
        assertThat(PetitionSearchWords.query("dat_dai o%")).isNull();
        assertThat(PetitionSearchWords.query("don thu: lan chiem")).isEqualTo("lan & chiem:*");
    }
}
