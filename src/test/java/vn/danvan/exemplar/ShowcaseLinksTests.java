package vn.danvan.exemplar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.danvan.exemplar.ExemplarShowcase.Filter;
import vn.danvan.exemplar.ExemplarShowcase.Sort;

/** The links of the public list (pages, PDF) carry exactly the filters that are set, encoded. */
class ShowcaseLinksTests {

    @Test
    void aListWithoutFiltersLinksWithoutParameters() {
        assertThat(ShowcaseController.query(Filter.none())).isEmpty();
    }

    @Test
    void theFiltersThatAreSetAreKeptEncodedAndReadyForThePage() {
        var filter = new Filter("dân vận & khéo", "19", null, 2024, ExemplarKind.COLLECTIVE, true, Sort.NAME);
        assertThat(ShowcaseController.query(filter))
                .isEqualTo("text=d%C3%A2n%20v%E1%BA%ADn%20%26%20kh%C3%A9o&province=19&year=2024&kind=COLLECTIVE&typical=true&sort=NAME&");
    }
}
