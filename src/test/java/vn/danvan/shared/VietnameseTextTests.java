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
}
