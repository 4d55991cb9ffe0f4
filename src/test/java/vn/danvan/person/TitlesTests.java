package vn.danvan.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.danvan.person.Titles.Held;

/** A person's title on a day: the positions held that day, in order, joined. */
class TitlesTests {

    static final LocalDate D = LocalDate.of(2021, 6, 28);

    @Test
    void joinsThePositionsHeldThatDayInTheirOrder() {
        var held = List.of(new Held("Chủ tịch UBND tỉnh", LocalDate.of(2020, 10, 1), null, 1),
                new Held("Phó Bí thư Tỉnh ủy", LocalDate.of(2020, 10, 1), null, 0));
        assertThat(Titles.on(held, D)).isEqualTo("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh");
    }

    @Test
    void aPositionLeftBeforeTheDayOrTakenAfterItIsNotPartOfTheTitle() {
        var held = List.of(new Held("Giám đốc Sở Nội vụ", LocalDate.of(2015, 1, 1), LocalDate.of(2020, 9, 30), 0),
                new Held("Phó Chủ tịch UBND tỉnh", LocalDate.of(2020, 10, 1), LocalDate.of(2021, 6, 27), 1),
                new Held("Chủ tịch UBND tỉnh", LocalDate.of(2021, 6, 28), null, 2),
                new Held("Bí thư Tỉnh ủy", LocalDate.of(2021, 6, 29), null, 3));
        assertThat(Titles.on(held, D)).isEqualTo("Chủ tịch UBND tỉnh");
        assertThat(Titles.on(held, LocalDate.of(2019, 1, 1))).isEqualTo("Giám đốc Sở Nội vụ");
        assertThat(Titles.on(held, LocalDate.of(2021, 1, 1))).isEqualTo("Phó Chủ tịch UBND tỉnh");
    }

    @Test
    void bothEndsOfAPositionAreInclusiveAndOpenEndsRunForever() {
        var oneDay = List.of(new Held("Trưởng Ban Dân vận Tỉnh ủy", D, D, 0));
        assertThat(Titles.on(oneDay, D)).isEqualTo("Trưởng Ban Dân vận Tỉnh ủy");
        assertThat(Titles.on(oneDay, D.plusDays(1))).isEmpty();
        assertThat(Titles.on(oneDay, D.minusDays(1))).isEmpty();
        var open = List.of(new Held("Bí thư Tỉnh ủy", null, null, 0));
        assertThat(Titles.on(open, LocalDate.of(1990, 1, 1))).isEqualTo("Bí thư Tỉnh ủy");
    }

    @Test
    void aPersonWithNoPositionThatDayHasAnEmptyTitle() {
        assertThat(Titles.on(List.of(), D)).isEmpty();
    }
}
