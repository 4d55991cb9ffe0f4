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
        // a first word that no syllable ends with joins its pair: "nguyen", "thu", "boi", "dong"
        assertThat(PetitionSearchWords.terms("nguyen van an")).containsExactly("nguyen van", "van an:*");
        assertThat(PetitionSearchWords.terms("Thu hồi Đất")).containsExactly("thu hoi", "hoi dat:*");
        assertThat(PetitionSearchWords.terms("boi thuong")).containsExactly("boi thuong:*");
        assertThat(PetitionSearchWords.terms("Đông Kinh")).containsExactly("dong kinh:*");
        // one that may end any syllable (a vowel first: "an" of "lan") stays out; one whose initial ends longer ones
        // ("hoa" of "thoa", "guyen" of "nguyen") is asked in its pair or in that of any syllable it ends
        assertThat(PetitionSearchWords.terms("an nhon dong")).containsExactly("nhon dong:*");
        assertThat(PetitionSearchWords.terms("hoa binh")).containsExactly(
                "hoa binh:*|choa binh:*|ghoa binh:*|khoa binh:*|nhoa binh:*|nghoa binh:*|phoa binh:*|thoa binh:*");
        assertThat(PetitionSearchWords.terms("guyen van")).containsExactly("guyen van:*|nguyen van:*");
        // a number typed last begins a word of the index ("713/qd", "713,5"): asked as a prefix beside the pairs
        assertThat(PetitionSearchWords.terms("thua dat so 713")).containsExactly("thua dat", "dat so", "713:*");
        assertThat(PetitionSearchWords.terms("ho so 12")).containsExactly("ho so|cho so|gho so|kho so|nho so|ngho so|pho so|tho so", "12:*");
        assertThat(PetitionSearchWords.terms("an so 12")).containsExactly("so", "12:*");
        assertThat(PetitionSearchWords.perYear(PetitionSearchWords.terms("o nhiem nguon nuoc"), java.util.List.of(2026, 2025)))
                .containsExactly("'2026/nhiem nguon' & '2026/nguon nuoc':*", "'2025/nhiem nguon' & '2025/nguon nuoc':*");
    }

    @Test
    void leavesToTheTrigramsTheSameTextsForTheYearWordsIndex() {
        assertThat(PetitionSearchWords.terms("dat")).isNull();
        assertThat(PetitionSearchWords.terms("dat_dai o%")).isNull();
        assertThat(PetitionSearchWords.terms("so 7 13")).containsExactly("13:*");
    }
}
