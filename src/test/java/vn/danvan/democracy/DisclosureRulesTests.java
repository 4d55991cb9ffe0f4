package vn.danvan.democracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.danvan.democracy.DisclosureRules.Channel;
import vn.danvan.democracy.DisclosureRules.Frequency;
import vn.danvan.democracy.DisclosureRules.Item;
import vn.danvan.democracy.DisclosureRules.Obligation;
import vn.danvan.shared.InvalidInputException;

class DisclosureRulesTests {

    static final List<Item> ITEMS = List.of(
            new Item("PLAN", Frequency.YEARLY, 30),
            new Item("BUDGET", Frequency.QUARTERLY, 30),
            new Item("COMPLAINTS", Frequency.HALF_YEARLY, 30),
            new Item("PROJECT", Frequency.ON_EVENT, 30));

    static List<String> keys(List<Obligation> obligations) {
        return obligations.stream().map(o -> o.itemCode() + " " + o.periodKey()).toList();
    }

    @Test
    void aQuarterOwesOnlyTheQuarterlyItems() {
        assertThat(keys(DisclosureRules.obligations(ITEMS, ReportingPeriod.parse("2026Q3", "period"))))
                .containsExactly("BUDGET 2026Q3");
    }

    @Test
    void aHalfYearOwesItsTwoQuartersAndTheHalfYearlyItem() {
        assertThat(keys(DisclosureRules.obligations(ITEMS, ReportingPeriod.parse("2026h1", "period"))))
                .containsExactly("BUDGET 2026Q1", "BUDGET 2026Q2", "COMPLAINTS 2026H1");
    }

    @Test
    void aYearOwesEveryPeriodicItemAndNeverAnItemDueWithAnEvent() {
        assertThat(keys(DisclosureRules.obligations(ITEMS, ReportingPeriod.parse("2026", "period")))).containsExactly(
                "PLAN 2026", "BUDGET 2026Q1", "BUDGET 2026Q2", "BUDGET 2026Q3", "BUDGET 2026Q4", "COMPLAINTS 2026H1", "COMPLAINTS 2026H2");
    }

    @Test
    void whatWasDisclosedForItsPeriodIsNoLongerOutstanding() {
        var outstanding = DisclosureRules.outstanding(ITEMS, ReportingPeriod.parse("2026H1", "period"),
                Set.of("BUDGET|2026Q1", "COMPLAINTS|2026H1", "BUDGET|2025Q2"));
        assertThat(keys(outstanding)).containsExactly("BUDGET 2026Q2");
        assertThat(outstanding.get(0).periodEnd()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(outstanding.get(0).overdueOn(LocalDate.of(2026, 7, 1))).isTrue();
        assertThat(outstanding.get(0).overdueOn(LocalDate.of(2026, 6, 30))).isFalse();
    }

    @Test
    void obligationsEndingInARangeAcrossAYearEnd() {
        assertThat(keys(DisclosureRules.obligationsEnding(ITEMS, LocalDate.of(2025, 12, 1), LocalDate.of(2026, 3, 31))))
                .containsExactly("PLAN 2025", "BUDGET 2025Q4", "COMPLAINTS 2025H2", "BUDGET 2026Q1");
    }

    @Test
    void aDisclosureNamesAPeriodThatFitsItsItem() {
        assertThat(DisclosureRules.periodFits(Frequency.QUARTERLY, ReportingPeriod.parse("2026Q2", "p"))).isTrue();
        assertThat(DisclosureRules.periodFits(Frequency.QUARTERLY, ReportingPeriod.parse("2026", "p"))).isFalse();
        assertThat(DisclosureRules.periodFits(Frequency.YEARLY, ReportingPeriod.parse("2026H2", "p"))).isFalse();
        assertThat(DisclosureRules.periodFits(Frequency.ON_EVENT, ReportingPeriod.parse("2026Q4", "p"))).isTrue();
    }

    @Test
    void aNoticeBoardPostingOfTwentyNineDaysIsWarnedAndThirtyIsEnough() {
        var warning = DisclosureRules.postingTooShort(Channel.NOTICE_BOARD, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 29), 30);
        assertThat(warning).hasValueSatisfying(p -> {
            assertThat(p.field()).isEqualTo("postedUntil");
            assertThat(p.args()).containsExactly(29L, 30);
        });
        assertThat(DisclosureRules.postingTooShort(Channel.NOTICE_BOARD, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), 30)).isEmpty();
        assertThat(DisclosureRules.postingTooShort(Channel.LOUDSPEAKER, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 2), 30)).isEmpty();
    }

    @Test
    void periodsAreReadInTheirThreeShapesAndAnythingElseIsRefusedNamingTheField() {
        var q = ReportingPeriod.parse("2026Q4", "period");
        assertThat(q.from()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(q.to()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(ReportingPeriod.parse("2026H2", "period").from()).isEqualTo(LocalDate.of(2026, 7, 1));
        for (var bad : new String[] {"2026Q5", "2026H3", "26Q1", "quý 1", ""}) {
            assertThatThrownBy(() -> ReportingPeriod.parse(bad, "period")).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.problems().get(0).field()).isEqualTo("period"));
        }
    }
}
