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

    @Test
    void asksTheYearWordsIndexForNeighbouringWordsAsPairsPrefixedByEachYearNewestFirst() {
        assertThat(PetitionSearchWords.terms("nguyen van an")).containsExactly("van an:*");
        assertThat(PetitionSearchWords.terms("Thu hồi Đất")).containsExactly("hoi dat:*");
        assertThat(PetitionSearchWords.terms("boi thuong")).containsExactly("thuong:*");
        assertThat(PetitionSearchWords.perYear(PetitionSearchWords.terms("o nhiem nguon nuoc"), java.util.List.of(2026, 2025)))
                .containsExactly("'2026/nhiem nguon' & '2026/nguon nuoc':*", "'2025/nhiem nguon' & '2025/nguon nuoc':*");
    }

    @Test
    void leavesToTheTrigramsTheSameTextsForTheYearWordsIndex() {
        assertThat(PetitionSearchWords.terms("dat")).isNull();
        assertThat(PetitionSearchWords.terms("thua dat so 713")).isNull();
        assertThat(PetitionSearchWords.terms("dat_dai o%")).isNull();
    }
}
