package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.danvan.petition.PetitionMeasures.Aggregate;
import vn.danvan.petition.PetitionMeasures.AggregateKind;
import vn.danvan.petition.PetitionMeasures.Measure;
import vn.danvan.petition.PetitionMeasures.Source;

/** Which rows a measure's total reads: the lean parts its condition allows, else the whole source. */
class PetitionMeasuresTests {

    static Measure count(String condition) {
        return new Measure("test", Source.PETITION, new Aggregate(AggregateKind.COUNT, null, condition));
    }

    static String onePart(Measure measure, boolean kinds) {
        var parts = measure.source().partsFor(measure, kinds);
        assertThat(parts).hasSize(1);
        return parts.get(0);
    }

    @Test
    void aMeasureOfPetitionsProcessedInThePeriodReadsOnlyThePetitionsProcessedInIt() {
        for (var key : new String[] {"petitions.processed", "petitions.processed.carried", "petitions.eligible",
                "cases.finished", "cases.eligible", "petitions.eligible.resolved.repeat", "cases.outside.forward"}) {
            var measure = PetitionMeasures.BY_KEY.get(key);
            assertThat(onePart(measure, false)).as(key)
                    .contains("where p.processed_on between :from and :to and p.received_on <= :to")
                    .doesNotContain("join petition_matter");
            assertThat(onePart(measure, true)).as(key + ", for some content kinds").contains("p.processed_on between :from and :to")
                    .contains("{kinds:p}");
        }
    }

    @Test
    void aConditionThatDoesNotImplyProcessingReadsTheWholeSource() {
        for (var condition : new String[] {"e or carried", "processed and carried or many", "not processed", "carried and e",
                "processed_late"}) {
            assertThat(onePart(count(condition), false)).as(condition).isEqualTo(Source.PETITION.sql);
        }
        assertThat(onePart(count("e and (round = 2 or follow_up)"), false)).as("an or within parentheses")
                .contains("where p.processed_on between :from and :to");
    }

    @Test
    void theCountOfEveryPetitionReadsItsTwoLeanPartsUnlessContentKindsAreAsked() {
        var total = PetitionMeasures.BY_KEY.get("petitions.total");
        assertThat(total.source().partsFor(total, false)).hasSize(2).allSatisfy(part -> assertThat(part).doesNotContain("petition_matter"));
        assertThat(total.source().partsFor(total, true)).containsExactly(Source.PETITION.sql);
        var received = PetitionMeasures.BY_KEY.get("petitions.received.many");
        assertThat(received.source().partsFor(received, false)).containsExactly(Source.PETITION.sql);
    }
}
