package vn.danvan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import vn.danvan.shared.InvalidInputException;

/**
 * The identifier grammar of brief §8.3 and contracts §5 over real identifiers of State and Party
 * documents (most from the brief and the seed articles), with the pitfalls seen in real data.
 */
class DocumentIdentifierTests {

    /** text | system | number | year | type | issuers (space-separated) | normalized. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            16/CT-TTg                              | STATE | 16   | -    | CT   | TTg            | 16/CT-TTg
            33/CT-TTg                              | STATE | 33   | -    | CT   | TTg            | 33/CT-TTg
            09/2019/NĐ-CP                          | STATE | 9    | 2019 | NĐ   | CP             | 09/2019/NĐ-CP
            25/2025/NĐ-CP                          | STATE | 25   | 2025 | NĐ   | CP             | 25/2025/NĐ-CP
            109/2025/NĐ-CP                         | STATE | 109  | 2025 | NĐ   | CP             | 109/2025/NĐ-CP
            1246/UBND-BTCD                         | STATE | 1246 | -    | -    | UBND BTCD      | 1246/UBND-BTCD
            4699/VPCP-KSTT                         | STATE | 4699 | -    | -    | VPCP KSTT      | 4699/VPCP-KSTT
            42/2013/QH13                           | STATE | 42   | 2013 | -    | QH13           | 42/2013/QH13
            136/2025/QH15                          | STATE | 136  | 2025 | -    | QH15           | 136/2025/QH15
            202/2025/QH15                          | STATE | 202  | 2025 | -    | QH15           | 202/2025/QH15
            84/2025/QH15                           | STATE | 84   | 2025 | -    | QH15           | 84/2025/QH15
            97/2025/QH15                           | STATE | 97   | 2025 | -    | QH15           | 97/2025/QH15
            01/2015/TTLT-BNV-BTC                   | STATE | 1    | 2015 | TTLT | BNV BTC        | 01/2015/TTLT-BNV-BTC
            1656/NQ-UBTVQH15                       | STATE | 1656 | -    | NQ   | UBTVQH15       | 1656/NQ-UBTVQH15
            1662/NQ-UBTVQH15                       | STATE | 1662 | -    | NQ   | UBTVQH15       | 1662/NQ-UBTVQH15
            02/2021/TT-TTCP                        | STATE | 2    | 2021 | TT   | TTCP           | 02/2021/TT-TTCP
            05/2021/TT-TTCP                        | STATE | 5    | 2021 | TT   | TTCP           | 05/2021/TT-TTCP
            01/2023/QĐ-UBND                        | STATE | 1    | 2023 | QĐ   | UBND           | 01/2023/QĐ-UBND
            03/VBHN-VPQH                           | STATE | 3    | -    | VBHN | VPQH           | 03/VBHN-VPQH
            09/2008/NQLT-CP-UBTWMTTQVN             | STATE | 9    | 2008 | NQLT | CP UBTWMTTQVN  | 09/2008/NQLT-CP-UBTWMTTQVN
            12/2013/L-CTN                          | STATE | 12   | 2013 | L    | CTN            | 12/2013/L-CTN
            02/CT-UBND                             | STATE | 2    | -    | CT   | UBND           | 02/CT-UBND
            1573/QĐ-TTg                            | STATE | 1573 | -    | QĐ   | TTg            | 1573/QĐ-TTg
            15/KH-UBND                             | STATE | 15   | -    | KH   | UBND           | 15/KH-UBND
            120/BC-UBND                            | STATE | 120  | -    | BC   | UBND           | 120/BC-UBND
            07/QyĐ-UBND                            | STATE | 7    | -    | QyĐ  | UBND           | 07/QyĐ-UBND
            45/TB-VPCP                             | STATE | 45   | -    | TB   | VPCP           | 45/TB-VPCP
            88/GM-UBND                             | STATE | 88   | -    | GM   | UBND           | 88/GM-UBND
            12/KH-TD&XLĐT                          | STATE | 12   | -    | KH   | TD&XLĐT        | 12/KH-TD&XLĐT
            79-CTr/BDVTW-BCSĐCP                    | PARTY | 79   | -    | CTr  | BDVTW BCSĐCP   | 79-CTr/BDVTW-BCSĐCP
            1573-KH/BDVTW-BCSĐCP                   | PARTY | 1573 | -    | KH   | BDVTW BCSĐCP   | 1573-KH/BDVTW-BCSĐCP
            290-QĐ/TW                              | PARTY | 290  | -    | QĐ   | TW             | 290-QĐ/TW
            23-QĐ/TW                               | PARTY | 23   | -    | QĐ   | TW             | 23-QĐ/TW
            124-QĐi/TW                             | PARTY | 124  | -    | QĐi  | TW             | 124-QĐi/TW
            11-QĐi/TW                              | PARTY | 11   | -    | QĐi  | TW             | 11-QĐi/TW
            114-KL/TW                              | PARTY | 114  | -    | KL   | TW             | 114-KL/TW
            215-KL/TW                              | PARTY | 215  | -    | KL   | TW             | 215-KL/TW
            25-NQ/TW                               | PARTY | 25   | -    | NQ   | TW             | 25-NQ/TW
            142-TB/VPTW                            | PARTY | 142  | -    | TB   | VPTW           | 142-TB/VPTW
            1740-CV/VPTW                           | PARTY | 1740 | -    | CV   | VPTW           | 1740-CV/VPTW
            36-HD/VPTW                             | PARTY | 36   | -    | HD   | VPTW           | 36-HD/VPTW
            22-HD/BTGDVTW                          | PARTY | 22   | -    | HD   | BTGDVTW        | 22-HD/BTGDVTW
            24-KH/BDVTU                            | PARTY | 24   | -    | KH   | BDVTU          | 24-KH/BDVTU
            51-KH/BDVTU                            | PARTY | 51   | -    | KH   | BDVTU          | 51-KH/BDVTU
            04-ĐA/TU                               | PARTY | 4    | -    | ĐA   | TU             | 04-ĐA/TU
            983-QĐ/TU                              | PARTY | 983  | -    | QĐ   | TU             | 983-QĐ/TU
            05-CT/TU                               | PARTY | 5    | -    | CT   | TU             | 05-CT/TU
            31-HD/BTCTW                            | PARTY | 31   | -    | HD   | BTCTW          | 31-HD/BTCTW
            298-QĐ/TW                              | PARTY | 298  | -    | QĐ   | TW             | 298-QĐ/TW
            60-NQ/TW                               | PARTY | 60   | -    | NQ   | TW             | 60-NQ/TW
            121-KL/TW                              | PARTY | 121  | -    | KL   | TW             | 121-KL/TW
            360-QĐ/TW                              | PARTY | 360  | -    | QĐ   | TW             | 360-QĐ/TW
            Chỉ thị số 16/CT-TTg                   | STATE | 16   | -    | CT   | TTg            | 16/CT-TTg
            Số: 09/2019/NĐ-CP                      | STATE | 9    | 2019 | NĐ   | CP             | 09/2019/NĐ-CP
            Số 1246/UBND-BTCD                      | STATE | 1246 | -    | -    | UBND BTCD      | 1246/UBND-BTCD
            số:42/2013/QH13                        | STATE | 42   | 2013 | -    | QH13           | 42/2013/QH13
            Luật số 42/2013/QH13                   | STATE | 42   | 2013 | -    | QH13           | 42/2013/QH13
            Công văn số 1246/UBND-BTCD             | STATE | 1246 | -    | -    | UBND BTCD      | 1246/UBND-BTCD
            Chương trình phối hợp số 79-CTr/BDVTW-BCSĐCP | PARTY | 79 | - | CTr | BDVTW BCSĐCP | 79-CTr/BDVTW-BCSĐCP
            Quyết định số 290-QĐ/TW.               | PARTY | 290  | -    | QĐ   | TW             | 290-QĐ/TW
            94- KH/BTGDVTW                         | PARTY | 94   | -    | KH   | BTGDVTW        | 94-KH/BTGDVTW
            16 / CT - TTg                          | STATE | 16   | -    | CT   | TTg            | 16/CT-TTg
            09 /2019/ NĐ-CP                        | STATE | 9    | 2019 | NĐ   | CP             | 09/2019/NĐ-CP
            79–CTr/BDVTW–BCSĐCP                    | PARTY | 79   | -    | CTr  | BDVTW BCSĐCP   | 79-CTr/BDVTW-BCSĐCP
            290 – QĐ/TW                            | PARTY | 290  | -    | QĐ   | TW             | 290-QĐ/TW
            Quy định 11/QĐi-TW                     | PARTY | 11   | -    | QĐi  | TW             | 11-QĐi/TW
            09/2019/ND-CP                          | STATE | 9    | 2019 | NĐ   | CP             | 09/2019/NĐ-CP
            290-qđ/TW                              | PARTY | 290  | -    | QĐ   | TW             | 290-QĐ/TW
            """)
    void parsesRealIdentifiers(String text, DocumentSystem system, int number, Integer year, String type, String issuers,
                               String normalized) {
        var id = DocumentIdentifier.parse(text);
        assertThat(id.system()).isEqualTo(system);
        assertThat(id.number()).isEqualTo(number);
        assertThat(id.year()).isEqualTo(year);
        assertThat(id.type()).isEqualTo(type);
        assertThat(id.issuers()).containsExactlyElementsOf(Arrays.asList(issuers.split(" ")));
        assertThat(id.normalized()).isEqualTo(normalized);
        assertThat(id.original()).isEqualTo(text.strip());
    }

    static List<String> decomposed() {
        return List.of(Normalizer.normalize("09/2019/NĐ-CP", Normalizer.Form.NFD),
                Normalizer.normalize("Chỉ thị số 79-CTr/BDVTW-BCSĐCP", Normalizer.Form.NFD),
                "09/2019/N\u00D0-CP", "79-CTr/BDVTW-BCS\u00D0CP");
    }

    @ParameterizedTest
    @MethodSource("decomposed")
    void decomposedAndLookAlikeLettersGiveTheComposedNormalForm(String text) {
        var id = DocumentIdentifier.parse(text);
        assertThat(id.normalized()).isIn("09/2019/NĐ-CP", "79-CTr/BDVTW-BCSĐCP");
        assertThat(id.normalized()).isEqualTo(Normalizer.normalize(id.normalized(), Normalizer.Form.NFC));
        assertThat(id.original()).isEqualTo(text);
    }

    @Test
    void keepsTheKindNameWrittenBeforeTheNumber() {
        assertThat(DocumentIdentifier.parse("Chỉ thị số 16/CT-TTg").kindName()).isEqualTo("Chỉ thị");
        assertThat(DocumentIdentifier.parse("16/CT-TTg").kindOrDefault()).isEqualTo("Chỉ thị");
        assertThat(DocumentIdentifier.parse("42/2013/QH13").kindOrDefault()).isEqualTo("Luật");
        assertThat(DocumentIdentifier.parse("1246/UBND-BTCD").kindOrDefault()).isEqualTo("Công văn");
        assertThat(DocumentIdentifier.parse("124-QĐi/TW").kindOrDefault()).isEqualTo("Quy định");
        assertThat(DocumentIdentifier.parse("290-QĐ/TW").symbol()).isEqualTo("QĐ/TW");
        assertThat(DocumentIdentifier.parse("1246/UBND-BTCD").symbol()).isEqualTo("UBND-BTCD");
    }

    /** text | message key | the part the message names. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Chỉ thị của Thủ tướng                  | document.identifier.no-number         | Chỉ thị của Thủ tướng
            CT-TTg                                 | document.identifier.no-number         | CT-TTg
            123456/CT-TTg                          | document.identifier.number-too-long   | 123456
            0/CT-TTg                               | document.identifier.number-zero       | 0
            16                                     | document.identifier.no-symbol         | 16
            16/                                    | document.identifier.no-symbol         | 16
            16.CT-TTg                              | document.identifier.separator         | .
            09/19/NĐ-CP                            | document.identifier.year              | 19
            09/1899/NĐ-CP                          | document.identifier.year              | 1899
            16/CT                                  | document.identifier.state-no-issuer   | CT
            16/CT--TTg                             | document.identifier.empty-part        | CT--TTg
            16/CT-TT*g                             | document.identifier.part              | TT*g
            290-QĐ                                 | document.identifier.party-no-issuer   | 290-QĐ
            290-XYZ/TW                             | document.identifier.party-type-unknown | XYZ
            290-/TW                                | document.identifier.party-no-type     | 290
            290-QĐ/                                | document.identifier.party-no-issuer   | 290-QĐ
            16/CT-TTg ngày 16/5/2016               | document.identifier.extra             | ngày 16/5/2016
            Theo 5 điểm 16/CT-TTg                  | document.identifier.extra             | điểm 16/CT-TTg
            Chỉ thị, số 16/CT-TTg                  | document.identifier.prefix            | Chỉ thị, số
            """)
    void refusesWithTheWrongPartNamed(String text, String key, String part) {
        assertThatThrownBy(() -> DocumentIdentifier.parse(text))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0).field()).isEqualTo("identifier");
                    assertThat(e.problems().get(0).messageKey()).isEqualTo(key);
                    assertThat(e.problems().get(0).args()).contains(part);
                });
    }

    @Test
    void refusesBlankText() {
        assertThatThrownBy(() -> DocumentIdentifier.parse("  ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> DocumentIdentifier.parse(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void readsACitationIntoKindIdentifierDateAndIssuer() {
        var c = Citation.parse("Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ");
        assertThat(c.kindName()).isEqualTo("Chỉ thị");
        assertThat(c.identifier().normalized()).isEqualTo("16/CT-TTg");
        assertThat(c.issuedOn()).isEqualTo(LocalDate.of(2016, 5, 16));
        assertThat(c.issuers()).containsExactly("Thủ tướng Chính phủ");
        assertThat(c.problem()).isNull();
    }

    @Test
    void readsAJointPartyCitationWithItsSubject() {
        var c = Citation.parse("Chương trình phối hợp số 79-CTr/BDVTW-BCSĐCP ngày 11/10/2016 giữa Ban Dân vận Trung ương "
                + "và Ban Cán sự đảng Chính phủ về công tác dân vận, giai đoạn 2016 - 2021");
        assertThat(c.kindName()).isEqualTo("Chương trình phối hợp");
        assertThat(c.identifier().system()).isEqualTo(DocumentSystem.PARTY);
        assertThat(c.issuedOn()).isEqualTo(LocalDate.of(2016, 10, 11));
        assertThat(c.issuers()).containsExactly("Ban Dân vận Trung ương", "Ban Cán sự đảng Chính phủ");
        assertThat(c.subject()).isEqualTo("Về công tác dân vận, giai đoạn 2016 - 2021");
    }

    @Test
    void readsPartyDatesWithHyphensAndWordedDates() {
        var c = Citation.parse("Quyết định số 290-QĐ/TW, ngày 25-02-2010 của Bộ Chính trị (khóa X) 'Về việc ban hành Quy chế công tác dân vận của hệ thống chính trị'");
        assertThat(c.identifier().normalized()).isEqualTo("290-QĐ/TW");
        assertThat(c.issuedOn()).isEqualTo(LocalDate.of(2010, 2, 25));
        assertThat(c.issuers()).containsExactly("Bộ Chính trị");
        assertThat(c.subject()).isEqualTo("Về việc ban hành Quy chế công tác dân vận của hệ thống chính trị");
        var worded = Citation.parse("Quyết định số 23-QĐ/TW ngày 30 tháng 7 năm 2021 của Bộ Chính trị");
        assertThat(worded.issuedOn()).isEqualTo(LocalDate.of(2021, 7, 30));
        assertThat(worded.kindName()).isEqualTo("Quyết định");
    }

    @Test
    void aCitationWithoutAnIdentifierStillGivesWhatItCan() {
        var c = Citation.parse("Kế hoạch ngày 8/2/2018 của Ban Dân vận Trung ương");
        assertThat(c.identifier()).isNull();
        assertThat(c.problem()).isNotNull();
        assertThat(c.issuedOn()).isEqualTo(LocalDate.of(2018, 2, 8));
        assertThat(c.issuers()).containsExactly("Ban Dân vận Trung ương");
        var guessed = Citation.parse("16/CT-TTg");
        assertThat(guessed.kindName()).isEqualTo("Chỉ thị");
    }
}
