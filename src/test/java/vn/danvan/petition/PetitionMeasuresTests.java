package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.danvan.petition.PetitionMeasures.Aggregate;
import vn.danvan.petition.PetitionMeasures.AggregateKind;
import vn.danvan.petition.PetitionMeasures.Measure;
import vn.danvan.petition.PetitionMeasures.Source;

/** Which rows a measure's total or a form's statement reads: the lean parts its conditions allow, else the whole source. */
class PetitionMeasuresTests {

    static final String PROCESSED_PART = "where p.processed_on between :from and :to and p.received_on <= :to";
    static final String RECEIVED_PART = "where p.received_on between :from and :to";
    static final String CARRIED_PART = "where petition_pending_span(p.received_on, p.processed_on) @> cast(:from as date) and p.received_on <> :from";

    static Measure count(String condition) {
        return new Measure("test", Source.PETITION, new Aggregate(AggregateKind.COUNT, null, condition));
    }

    static void assertPeriodParts(List<String> parts, String what) {
        assertThat(parts).as(what).hasSize(2);
        assertThat(parts.get(0)).as(what).contains(RECEIVED_PART);
        assertThat(parts.get(1)).as(what).contains(CARRIED_PART);
        assertThat(parts).as(what + ": no join, no labels (index-only, V109)")
                .allSatisfy(part -> assertThat(part).doesNotContain("petition_matter").doesNotContain("'/petitions/'"));
    }

    @Test
    void aMeasureOfPetitionsProcessedInThePeriodThatReadsOnlyWhatTheProcessingDayIndexHoldsReadsOnlyThoseRows() {
        for (var key : new String[] {"petitions.processed", "petitions.processed.carried", "petitions.processed.received",
                "petitions.eligible", "cases.finished", "cases.eligible"}) {
            var measure = PetitionMeasures.BY_KEY.get(key);
            var parts = measure.source().partsFor(measure, false);
            assertThat(parts).as(key).hasSize(1);
            assertThat(parts.get(0)).as(key).contains(PROCESSED_PART).doesNotContain("petition_matter");
            assertPeriodParts(measure.source().partsFor(measure, true), key + ", for some content kinds");
        }
    }

    @Test
    void aMeasureThatReadsTheClassificationReadsThePeriodsTwoPartsNotTheRowsByProcessingDay() {
        for (var key : new String[] {"petitions.eligible.resolved.repeat", "cases.outside.forward", "petitions.eligible.complaint",
                "cases.field.admin.land"}) {
            var measure = PetitionMeasures.BY_KEY.get(key);
            assertPeriodParts(measure.source().partsFor(measure, false), key);
        }
    }

    @Test
    void anyOtherConditionOfThePetitionSourceReadsThePeriodsTwoParts() {
        for (var condition : new String[] {"e or carried", "processed and carried or many", "not processed", "carried and e",
                "processed_late", "true"}) {
            assertPeriodParts(Source.PETITION.partsFor(count(condition), false), condition);
            assertThat(Source.PETITION.partsFor(count(condition), true)).as(condition + ", for some content kinds")
                    .allSatisfy(part -> assertThat(part).contains("{kinds:p}"));
        }
    }

    @Test
    void aFormStatementReadsTheFirstLeanReadingEveryMeasureAllows() {
        var processed = PetitionMeasures.BY_KEY.get("petitions.processed");
        var cases = PetitionMeasures.BY_KEY.get("cases.eligible");
        var total = PetitionMeasures.BY_KEY.get("petitions.total");
        assertThat(Source.PETITION.partsFor(List.of(processed, cases), false)).singleElement().asString().contains(PROCESSED_PART);
        assertPeriodParts(Source.PETITION.partsFor(List.of(processed, cases, total), false), "with the count of every petition");
    }

    @Test
    void aSourceWithoutLeanReadingsOrAMeasureNoneAllowsReadsTheWholeSource() {
        var matters = PetitionMeasures.BY_KEY.get("matters.total");
        assertThat(matters.source().partsFor(matters, false)).containsExactly(Source.MATTER.sql);
        var byHost = PetitionMeasures.BY_KEY.get("visits.office.visits");
        assertThat(byHost.source().partsFor(byHost, false)).containsExactly(Source.VISIT.sql);
        var visits = PetitionMeasures.BY_KEY.get("visits.total");
        assertThat(visits.source().partsFor(visits, false)).singleElement().asString().doesNotContain("petition_session");
    }
}
