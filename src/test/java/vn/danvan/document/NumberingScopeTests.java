package vn.danvan.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a number must be unique: the Party-committee term of a date, and the issuer a numbering belongs to. */
class NumberingScopeTests {

    @ParameterizedTest(name = "{0} central={1} → {2}")
    @CsvSource(textBlock = """
            2010-02-25, true,  2006-2011
            2021-07-30, true,  2021-2026
            2021-01-31, true,  2016-2021
            2016-10-11, true,  2016-2021
            2018-02-08, true,  2016-2021
            2026-03-01, true,  2026-2031
            2019-03-28, false, 2015-2020
            2020-10-01, false, 2020-2025
            2020-09-30, false, 2015-2020
            2025-12-01, false, 2025-2030
            """)
    void theTermOfADateCountsFromTheCongressYear(LocalDate day, boolean central, String term) {
        assertThat(PartyTerms.termOf(day, central)).isEqualTo(term);
    }

    @Test
    void centralBodiesAreToldByTheirAbbreviation() {
        assertThat(PartyTerms.central(DocumentIdentifier.parse("290-QĐ/TW"))).isTrue();
        assertThat(PartyTerms.central(DocumentIdentifier.parse("79-CTr/BDVTW-BCSĐCP"))).isTrue();
        assertThat(PartyTerms.central(DocumentIdentifier.parse("05-CT/TU"))).isFalse();
        assertThat(PartyTerms.valid("2020-2025")).isTrue();
        assertThat(PartyTerms.valid("2025-2020")).isFalse();
        assertThat(PartyTerms.valid("nhiệm kỳ XIII")).isFalse();
    }

    @Test
    void aNationalAbbreviationIsItsOwnScopeASharedOneNeedsTheUnitOrName() {
        var named = new IssuerInput(null, "Thủ tướng");
        assertThat(DocumentRegistry.numberingScope(DocumentIdentifier.parse("16/CT-TTg"), named)).isEqualTo("code:TTg");
        assertThat(DocumentRegistry.numberingScope(DocumentIdentifier.parse("42/2013/QH13"), named)).isEqualTo("code:QH13");
        assertThat(DocumentRegistry.numberingScope(DocumentIdentifier.parse("1246/UBND-BTCD"), new IssuerInput(77L, null)))
                .isEqualTo("unit:77");
        assertThat(DocumentRegistry.numberingScope(DocumentIdentifier.parse("05-CT/TU"), new IssuerInput(null, "Tỉnh ủy Lạng Sơn")))
                .isEqualTo("name:tinh uy lang son");
        // old and new tone placement are one name
        assertThat(DocumentRegistry.numberingScope(null, new IssuerInput(null, "UBND xã Thái Hòa")))
                .isEqualTo(DocumentRegistry.numberingScope(null, new IssuerInput(null, "UBND xã Thái Hoà")));
    }
}
