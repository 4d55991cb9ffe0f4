package vn.danvan.orgunit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Rules of dates, hierarchy and names, without a database. */
class UnitRulesTests {

    static final LocalDate LAST_OLD_DAY = LocalDate.of(2025, 6, 30);
    static final LocalDate REFORM_DAY = LocalDate.of(2025, 7, 1);

    static OrgUnit unit(long id, String path, LocalDate from, LocalDate to) {
        return new OrgUnit(id, "c" + id, UnitCategory.AREA, UnitLevel.COMMUNE, UnitKind.COMMUNE, "Xã " + id, null, null,
                path, path.split("/").length - 2, from, to);
    }

    @Test
    void aPreReformUnitIsValidFromTheOpenStartToItsLastDay() {
        var old = unit(7, "/1/5/7/", null, LAST_OLD_DAY);
        assertThat(old.validOn(LocalDate.of(1990, 1, 1))).isTrue();
        assertThat(old.validOn(LAST_OLD_DAY)).isTrue();
        assertThat(old.validOn(REFORM_DAY)).isFalse();
    }

    @Test
    void aUnitIsWithinItsAncestorsByPathPrefixOnly() {
        var province = unit(5, "/1/5/", null, null);
        var commune = unit(57, "/1/5/57/", null, null);
        var other = unit(55, "/1/55/", null, null);
        assertThat(commune.isWithin(province)).isTrue();
        assertThat(province.isWithin(province)).isTrue();
        assertThat(other.isWithin(province)).as("/1/55/ does not start with /1/5/").isFalse();
    }

    @Test
    void codeHoldingPeriodsThatTouchDoNotOverlap() {
        assertThat(KnownUnits.overlaps(null, LAST_OLD_DAY, REFORM_DAY, null)).isFalse();
        assertThat(KnownUnits.overlaps(null, REFORM_DAY, REFORM_DAY, null)).isTrue();
        assertThat(KnownUnits.overlaps(null, null, REFORM_DAY, null)).isTrue();
        assertThat(KnownUnits.overlaps(LocalDate.of(2026, 1, 1), null, null, LAST_OLD_DAY)).isFalse();
    }

    @Test
    void anOpenEndedPeriodCoversOnlyTheOpenEndDay() {
        assertThat(KnownUnits.covers(REFORM_DAY, null, null)).isTrue();
        assertThat(KnownUnits.covers(null, LAST_OLD_DAY, null)).isFalse();
        assertThat(KnownUnits.covers(REFORM_DAY, null, LAST_OLD_DAY)).isFalse();
    }

    @Test
    void namesSortByTheProperNameAfterTheKind() {
        assertThat(UnitNames.sortKey("Tỉnh Bắc Ninh", UnitKind.PROVINCE)).isEqualTo("Bắc Ninh");
        assertThat(UnitNames.sortKey("Thành phố Cần Thơ", UnitKind.MUNICIPALITY)).isEqualTo("Cần Thơ");
        assertThat(UnitNames.sortKey("Xã Thái Hòa", UnitKind.COMMUNE)).isEqualTo("Thái Hoà");
        assertThat(UnitNames.sortKey("Tỉnh ủy Lạng Sơn", UnitKind.PARTY_COMMITTEE)).isEqualTo("Tỉnh uỷ Lạng Sơn");
    }

    @Test
    void csvFieldsMayBeQuotedAndContainCommas() {
        assertThat(CsvTable.split("01,\"Phường Văn Miếu, Quốc Tử Giám\",,x\r"))
                .containsExactly("01", "Phường Văn Miếu, Quốc Tử Giám", "", "x");
        assertThat(CsvTable.split("a,\"say \"\"hi\"\"\"")).containsExactly("a", "say \"hi\"");
    }

    @Test
    void everyKindBelongsToItsLevels() {
        assertThat(UnitKind.WARD.allowedAt(UnitLevel.COMMUNE)).isTrue();
        assertThat(UnitKind.WARD.allowedAt(UnitLevel.PROVINCE)).isFalse();
        assertThat(UnitKind.PEOPLES_COMMITTEE.allowedAt(UnitLevel.COMMUNE)).isTrue();
        assertThat(UnitKind.PEOPLES_COMMITTEE.category()).isEqualTo(UnitCategory.BODY);
        assertThat(UnitKind.URBAN_DISTRICT.allowedAt(UnitLevel.DISTRICT)).isTrue();
    }

    @Test
    void aSubtreeIsTheRangeFromItsPathToThePathJustAfterAllItsDescendants() {
        var end = OrgUnits.pathRangeEnd("/1/42/");
        assertThat(end).isEqualTo("/1/420");
        assertThat("/1/42/977/".compareTo("/1/42/")).isPositive();
        assertThat("/1/42/977/".compareTo(end)).isNegative();
        assertThat("/1/420/".compareTo(end)).as("/1/420/ is another unit").isGreaterThanOrEqualTo(0);
        assertThat("/1/43/".compareTo(end)).isPositive();
        assertThat("/1/4/".compareTo("/1/42/")).isNegative();
    }
}
