package vn.danvan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class VietnameseTextTests {

    @Test
    void searchKeyDropsDiacriticsAndTurnsDStrokeIntoD() {
        assertThat(VietnameseText.searchKey("Dân vận khéo")).isEqualTo("dan van kheo");
        assertThat(VietnameseText.searchKey("Đắk Lắk")).isEqualTo("dak lak");
        assertThat(VietnameseText.searchKey("ĐƯỜNG Ỷ LAN")).isEqualTo("duong y lan");
    }

    @Test
    void searchKeyIsTheSameForComposedAndDecomposedText() {
        var decomposed = Normalizer.normalize("Phường Đông Kinh", Normalizer.Form.NFD);
        assertThat(VietnameseText.searchKey(decomposed)).isEqualTo(VietnameseText.searchKey("Phường Đông Kinh"));
        assertThat(VietnameseText.nfc(decomposed)).isEqualTo("Phường Đông Kinh");
    }

    @Test
    void oldTonePlacementMovesToTheSecondVowelOfOpenOaOeUy() {
        assertThat(VietnameseText.withNewTonePlacement("Thái Hòa")).isEqualTo("Thái Hoà");
        assertThat(VietnameseText.withNewTonePlacement("Thanh Hóa")).isEqualTo("Thanh Hoá");
        assertThat(VietnameseText.withNewTonePlacement("Khỏe")).isEqualTo("Khoẻ");
        assertThat(VietnameseText.withNewTonePlacement("Thanh Thủy")).isEqualTo("Thanh Thuỷ");
        assertThat(VietnameseText.withNewTonePlacement("Ủy ban")).isEqualTo("Uỷ ban");
    }

    @Test
    void syllablesWithAFinalConsonantAndQuAreTheSameInBothPlacements() {
        assertThat(VietnameseText.withNewTonePlacement("Hoàng Hoa Thám")).isEqualTo("Hoàng Hoa Thám");
        assertThat(VietnameseText.withNewTonePlacement("Toán")).isEqualTo("Toán");
        assertThat(VietnameseText.withNewTonePlacement("Quý")).isEqualTo("Quý");
        assertThat(VietnameseText.withNewTonePlacement("Hoà")).isEqualTo("Hoà");
    }

    @Test
    void bothTonePlacementsAreOneNameButAnotherVowelIsAnotherName() {
        assertThat(VietnameseText.sameName("Xã Thái Hòa", "Xã Thái Hoà")).isTrue();
        assertThat(VietnameseText.sameName("xã Bắc Sơn", "Xã Bắc Sơn")).isTrue();
        assertThat(VietnameseText.sameName("Xã Phó Bảng", "Xã Phố Bảng")).isFalse();
        assertThat(VietnameseText.sameName("Hòa", "Hóa")).isFalse();
    }

    @Test
    void aWordsQueryAsksTheWholeWordsAfterTheFirstAndTheLastAsAPrefix() {
        assertThat(VietnameseText.wordsQuery("lo kim thang")).isEqualTo("kim & thang:*");
        assertThat(VietnameseText.wordsQuery("Thu hồi Đất")).isEqualTo("hoi & dat:*");
        assertThat(VietnameseText.wordsQuery("kheo")).isNull();
        assertThat(VietnameseText.wordsQuery("16/ct-ttg 2016")).isNull();
        assertThat(VietnameseText.wordsQuery(null)).isNull();
    }

    @Test
    void theFirstWordJoinsItsPairOnlyWhenNoSyllableEndsWithIt() {
        // whole initials that are no tail of a longer one, then a vowel
        for (var first : java.util.List.of("dong", "Đông", "nguyen", "nghia", "thu", "trinh", "khanh", "phuc", "quang", "nhung", "chau",
                "binh", "lo", "mai", "xa", "vinh", "son", "kim", "cao", "pho", "tam")) {
            assertThat(VietnameseText.wordTerms(first + " van")).as(first).containsExactly(VietnameseText.searchKey(first) + " van:*");
        }
        // a vowel first, or no vowel: the pair is not asked
        for (var first : java.util.List.of("an", "o", "uyen", "ng", "x", "d")) {
            assertThat(VietnameseText.wordTerms(first + " van")).as(first).containsExactly("van:*");
        }
        // an initial that ends longer ones (h of th, g of ng, gh of ngh, r of tr): its pair or that of any syllable it ends
        assertThat(VietnameseText.wordTerms("hoang thu hoa")).containsExactly(
                "hoang thu|choang thu|ghoang thu|khoang thu|nhoang thu|nghoang thu|phoang thu|thoang thu", "thu hoa:*");
        assertThat(VietnameseText.wordTerms("hang van")).containsExactly(
                "hang van:*|chang van:*|ghang van:*|khang van:*|nhang van:*|nghang van:*|phang van:*|thang van:*");
        assertThat(VietnameseText.wordTerms("guyen van")).containsExactly("guyen van:*|nguyen van:*");
        assertThat(VietnameseText.wordTerms("ghi van")).containsExactly("ghi van:*|nghi van:*");
        assertThat(VietnameseText.wordTerms("rung van")).containsExactly("rung van:*|trung van:*");
        // nor when the second word is not one the index pairs, or a number
        assertThat(VietnameseText.wordTerms("dong kinh: moi")).containsExactly("moi:*");
        // a number typed last is asked as the beginning of a word; one typed before is not asked
        assertThat(VietnameseText.wordTerms("thua dat so 713")).containsExactly("thua dat", "dat so", "713:*");
        assertThat(VietnameseText.wordTerms("so 713 dong")).containsExactly("dong:*");
    }

    @Test
    void aKeyedQueryAsksTheTermsTogetherUnderEachKeyAndAnyKeyWillDo() {
        var terms = VietnameseText.wordTerms("nguyen van an");
        assertThat(VietnameseText.keyedQuery(terms, java.util.List.of("2026.42")))
                .isEqualTo("'2026.42/nguyen van' & '2026.42/van an':*");
        assertThat(VietnameseText.keyedQuery(terms, java.util.List.of("2026.42", "2026.7")))
                .isEqualTo("('2026.42/nguyen van' & '2026.42/van an':*) | ('2026.7/nguyen van' & '2026.7/van an':*)");
        assertThat(VietnameseText.keyedQuery(java.util.List.of("dat:*"), java.util.List.of("2026.42", "2026.7")))
                .isEqualTo("'2026.42/dat':* | '2026.7/dat':*");
        // a choice of pairs: any of them, under each key
        assertThat(VietnameseText.keyedQuery(VietnameseText.wordTerms("rung van an"), java.util.List.of("2026.42", "2026.7")))
                .isEqualTo("(('2026.42/rung van' | '2026.42/trung van') & '2026.42/van an':*) | (('2026.7/rung van' | '2026.7/trung van') & '2026.7/van an':*)");
        assertThat(VietnameseText.keyedQuery(VietnameseText.wordTerms("rung van"), java.util.List.of("2026")))
                .isEqualTo("('2026/rung van':* | '2026/trung van':*)");
        // a year words index's question is the same with the year alone as key
        assertThat(VietnameseText.perYearQueries(terms, java.util.List.of(2026, 2025)))
                .containsExactly("'2026/nguyen van' & '2026/van an':*", "'2025/nguyen van' & '2025/van an':*");
    }
}
