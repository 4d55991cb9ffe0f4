package vn.danvan.exemplar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchWordsTests {

    @Test
    void asksTheIndexForTheWholeWordsAfterTheFirstAndTheLastAsAPrefix() {
        assertThat(SearchWords.query("lo kim thang")).isEqualTo("kim & thang:*");
        assertThat(SearchWords.query("  nong thon moi ")).isEqualTo("thon & moi:*");
    }

    @Test
    void foldsAccentsAndĐLikeTheSearchKey() {
        assertThat(SearchWords.query("Dân Vận Khéo")).isEqualTo("van & kheo:*");
        assertThat(SearchWords.query("ĐẾM THEO")).isEqualTo("theo:*");
    }

    @Test
    void leavesToTheTrigramsWhatHoldsNoWholeWord() {
        assertThat(SearchWords.query("d")).isNull();
        assertThat(SearchWords.query("kheo")).isNull();
        assertThat(SearchWords.query("16/ct-ttg")).isNull();
        assertThat(SearchWords.query("mh-2026 000123")).isNull();
    }

    @Test
    void skipsWordsOutsideTheVietnameseAlphabetAndPunctuatedOnes() {
        assertThat(SearchWords.query("mo hinh thu: hien dat")).isEqualTo("hinh & hien & dat:*");
        assertThat(SearchWords.query("a æther b")).isEqualTo("b:*");
        assertThat(SearchWords.query("to 5")).isNull();
    }

    @Test
    void eachUnitOfASubtreeIsAskedForTheSameWordsUnderItsOwnId() {
        assertThat(SearchWords.perUnit(SearchWords.query("nong thon moi"), java.util.List.of(977L, 12L)))
                .containsExactly("'977/thon' & '977/moi':*", "'12/thon' & '12/moi':*");
        assertThat(SearchWords.perUnit(SearchWords.query("ĐẾM THEO"), java.util.List.of(5L))).containsExactly("'5/theo':*");
        assertThat(SearchWords.perUnit("kim & thang:*", java.util.List.of())).isEmpty();
    }

    @Test
    void theWholeCountryAsksNeighbouringWordsAsPairsAndTheRestAlone() {
        assertThat(SearchWords.terms("nong thanh vinh")).containsExactly("nong thanh", "thanh vinh:*");
        assertThat(SearchWords.terms("an ninh trat tu")).containsExactly("ninh trat", "trat tu:*");
        // "hien" may end "thien", "chien" …: its pair is asked beside theirs
        assertThat(SearchWords.terms("hien dat")).containsExactly(
                "hien dat:*|chien dat:*|ghien dat:*|khien dat:*|nhien dat:*|nghien dat:*|phien dat:*|thien dat:*");
        assertThat(SearchWords.terms("an dat")).containsExactly("dat:*");
        assertThat(SearchWords.terms("mo hinh thu: hien dat")).containsExactly("mo hinh", "hien dat:*");
        assertThat(SearchWords.terms("o hinh thu: hien dat")).containsExactly("hien dat:*", "hinh");
        assertThat(SearchWords.terms("kheo")).isNull();
        assertThat(SearchWords.terms("to 5")).containsExactly("5:*");
        assertThat(SearchWords.terms("x " + "a".repeat(41) + " b")).containsExactly("b:*");
    }

    @Test
    void eachYearIsAskedForTheSameTermsUnderItsOwnYearNewestFirst() {
        assertThat(SearchWords.perYear(SearchWords.terms("an ninh trat tu"), java.util.List.of(2026, 2025)))
                .containsExactly("'2026/ninh trat' & '2026/trat tu':*", "'2025/ninh trat' & '2025/trat tu':*");
        assertThat(SearchWords.perYear(java.util.List.of("dat:*"), java.util.List.of())).isEmpty();
    }
}
