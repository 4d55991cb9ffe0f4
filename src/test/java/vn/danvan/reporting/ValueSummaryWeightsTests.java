package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.danvan.orgunit.Allocation;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.UnitCategory;
import vn.danvan.orgunit.UnitKind;
import vn.danvan.orgunit.UnitLevel;

/** Where the summary counts a unit's values: the weights by area, as Aggregates weighs a value for a subtree. */
class ValueSummaryWeightsTests {

    static final OrgUnit COUNTRY = area(1, "/1/", UnitLevel.CENTRAL);
    static final OrgUnit NORTH = area(2, "/1/2/", UnitLevel.PROVINCE);
    static final OrgUnit SOUTH = area(3, "/1/3/", UnitLevel.PROVINCE);

    static OrgUnit area(long id, String path, UnitLevel level) {
        return new OrgUnit(id, "A" + id, UnitCategory.AREA, level, UnitKind.PROVINCE, "Khu " + id, null, null, path, 0, null, null);
    }

    @Test
    void aUnitWhoseCarriersAllLieInOneProvinceCountsWholeThereAndInTheCountryWhateverItsShares() {
        var weights = ValueSummary.weights(List.of(new Allocation(20, "/1/2/20/", new BigDecimal("0.6")),
                new Allocation(21, "/1/2/21/", null)), COUNTRY, List.of(NORTH, SOUTH));
        assertThat(weights).containsOnlyKeys(1L, 2L);
        assertThat(weights.get(1L)).isEqualByComparingTo("1");
        assertThat(weights.get(2L)).isEqualByComparingTo("1");
    }

    @Test
    void aSplitAcrossProvincesCountsByItsSharesWhenTheyAreSet() {
        var weights = ValueSummary.weights(List.of(new Allocation(20, "/1/2/20/", new BigDecimal("0.25")),
                new Allocation(30, "/1/3/30/", new BigDecimal("0.75"))), COUNTRY, List.of(NORTH, SOUTH));
        assertThat(weights.get(2L)).isEqualByComparingTo("0.25");
        assertThat(weights.get(3L)).isEqualByComparingTo("0.75");
        assertThat(weights.get(1L)).isEqualByComparingTo("1");
    }

    @Test
    void aSplitAcrossProvincesWithoutSharesIsNotKnownInEitherProvinceButWholeInTheCountry() {
        var weights = ValueSummary.weights(List.of(new Allocation(20, "/1/2/20/", null),
                new Allocation(30, "/1/3/30/", null)), COUNTRY, List.of(NORTH, SOUTH));
        assertThat(weights).containsEntry(2L, null).containsEntry(3L, null);
        assertThat(weights.get(1L)).isEqualByComparingTo("1");
    }

    @Test
    void aUnitNotYetEstablishedCountsNowhere() {
        assertThat(ValueSummary.weights(List.of(), COUNTRY, List.of(NORTH, SOUTH))).isEmpty();
    }

    @Test
    void averagesDivideTheWeightedSumByTheWeightsAndSumsKeepWholeNumbers() {
        var totals = new ValueSummary.Totals(new BigDecimal("150.0"), new BigDecimal("2.5"), 3, 0);
        assertThat((BigDecimal) totals.figure(Aggregation.AVERAGE).value()).isEqualByComparingTo("60");
        assertThat(totals.figure(Aggregation.SUM).value()).isEqualTo(new BigDecimal("150"));
        assertThat(ValueSummary.Totals.NONE.figure(Aggregation.SUM).value()).isEqualTo(BigDecimal.ZERO);
        assertThat(ValueSummary.Totals.NONE.figure(Aggregation.AVERAGE).value()).isNull();
    }
}
