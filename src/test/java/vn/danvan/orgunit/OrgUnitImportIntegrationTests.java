package vn.danvan.orgunit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class OrgUnitImportIntegrationTests {

    static final LocalDate LAST_OLD_DAY = LocalDate.of(2025, 6, 30);
    static final LocalDate REFORM_DAY = LocalDate.of(2025, 7, 1);

    @Autowired
    OrgUnits units;

    @Test
    void firstStartLoadsThe34ProvincesAnd3321CommunesValidOnReformDay() {
        assertThat(units.countValidOn(UnitLevel.PROVINCE, UnitCategory.AREA, REFORM_DAY)).isEqualTo(34);
        assertThat(units.countValidOn(UnitLevel.COMMUNE, UnitCategory.AREA, REFORM_DAY)).isEqualTo(3321);
        assertThat(units.countValidOn(UnitLevel.DISTRICT, UnitCategory.AREA, REFORM_DAY)).isZero();
    }

    @Test
    void firstStartLoads63Provinces696DistrictsAnd10035CommunesValidTheDayBefore() {
        assertThat(units.countValidOn(UnitLevel.PROVINCE, UnitCategory.AREA, LAST_OLD_DAY)).isEqualTo(63);
        assertThat(units.countValidOn(UnitLevel.DISTRICT, UnitCategory.AREA, LAST_OLD_DAY)).isEqualTo(696);
        assertThat(units.countValidOn(UnitLevel.COMMUNE, UnitCategory.AREA, LAST_OLD_DAY)).isEqualTo(10035);
    }

    @Test
    void bacKanIsCarriedByTheMergedThaiNguyen() {
        var answer = units.successorsOf("06", LocalDate.of(2026, 1, 1), null);
        assertThat(answer.unit().name()).isEqualTo("Tỉnh Bắc Kạn");
        assertThat(answer.successors()).extracting(OrgUnit::code, OrgUnit::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("19", "Tỉnh Thái Nguyên"));
        assertThat(answer.successors().get(0).validFrom()).isEqualTo(REFORM_DAY);
    }

    @Test
    void code19MeansTheOldThaiNguyenOnReformDayAndTheMergedOneLater() {
        var onReformDay = units.successorsOf("19", REFORM_DAY, null);
        assertThat(onReformDay.unit().validTo()).isEqualTo(LAST_OLD_DAY);
        var later = units.successorsOf("19", LocalDate.of(2026, 1, 1), null);
        assertThat(later.unit().validFrom()).isEqualTo(REFORM_DAY);
        assertThat(later.successors()).containsExactly(later.unit());
    }

    @Test
    void haNamAndNamDinhAreCarriedByNinhBinh() {
        for (var code : new String[] {"35", "36"}) {
            var answer = units.successorsOf(code, REFORM_DAY, null);
            assertThat(answer.successors()).extracting(OrgUnit::code).containsExactly("37");
        }
    }

    @Test
    void aSplitCommuneIsCarriedByAllItsParts() {
        // Phường Ngọc Khánh (00025) went in parts into Ngọc Hà, Giảng Võ (which reuses code 00025) and Láng
        var answer = units.successorsOf("00025", REFORM_DAY, null);
        assertThat(answer.unit().name()).isEqualTo("Phường Ngọc Khánh");
        assertThat(answer.successors()).extracting(OrgUnit::name)
                .containsExactlyInAnyOrder("Phường Ngọc Hà", "Phường Giảng Võ", "Phường Láng");
        assertThat(units.successors(answer.unit().id())).allSatisfy(link -> {
            assertThat(link.whole()).isFalse();
            assertThat(link.kind()).isEqualTo(SuccessionKind.SPLIT);
        });
    }

    @Test
    void anAbolishedDistrictIsCarriedByItsCommunesSuccessors() {
        // Thành phố Bắc Kạn (058): its communes went into Phường Bắc Kạn and Phường Đức Xuân, among others
        var answer = units.successorsOf("058", REFORM_DAY, null);
        assertThat(answer.successors()).extracting(OrgUnit::name).contains("Phường Bắc Kạn", "Phường Đức Xuân");
        assertThat(answer.successors()).allSatisfy(s -> assertThat(s.level()).isEqualTo(UnitLevel.COMMUNE));
    }

    @Test
    void langSonContinuesAcrossTheReformWithItsNewCommunes() {
        var before = units.findByCode("20", LAST_OLD_DAY).orElseThrow();
        var after = units.findByCode("20", REFORM_DAY).orElseThrow();
        assertThat(after.id()).isEqualTo(before.id());
        var luongVanTri = units.findByCode("05983", REFORM_DAY).orElseThrow();
        assertThat(luongVanTri.isWithin(after)).isTrue();
        assertThat(units.ancestors(luongVanTri.id(), REFORM_DAY)).extracting(OrgUnit::code).containsExactly("VN", "20");
    }

    @Test
    void dongNaiBecomesACityOn30April2026KeepingItsIdentity() {
        var before = units.findByCode("75", LocalDate.of(2026, 4, 29)).orElseThrow();
        var after = units.findByCode("75", LocalDate.of(2026, 4, 30)).orElseThrow();
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(before.kind()).isEqualTo(UnitKind.PROVINCE);
        assertThat(after.kind()).isEqualTo(UnitKind.MUNICIPALITY);
        assertThat(after.name()).isEqualTo("Thành phố Đồng Nai");
        assertThat(units.versions(after.id())).extracting(UnitVersion::change)
                .containsExactly(UnitChange.ESTABLISHED, UnitChange.UPGRADED);
    }

    @Test
    void toneMarkPlacementIsASpellingChangeAndPhoBangARealRename() {
        var counts = new java.util.EnumMap<UnitChange, Integer>(UnitChange.class);
        var ids = units.list(new UnitQuery(null, null, UnitCategory.AREA, LocalDate.of(2026, 5, 1), null, null), 0, 5000);
        for (var u : ids.content()) {
            for (var v : units.versions(u.id())) {
                counts.merge(v.change(), 1, Integer::sum);
            }
        }
        assertThat(counts.get(UnitChange.UPGRADED)).isEqualTo(11);
        assertThat(counts.get(UnitChange.RENAMED)).isEqualTo(1);
        assertThat(counts.get(UnitChange.SPELLING)).isBetween(180, 200);
        assertThat(units.search("pho bang", LocalDate.of(2026, 5, 1), 5)).extracting(OrgUnit::name).contains("Xã Phố Bảng");
    }

    @Test
    void searchIgnoresDiacriticsAndFindsDWithD() {
        assertThat(units.search("dong kinh", REFORM_DAY, 5)).extracting(OrgUnit::name).contains("Phường Đông Kinh");
        assertThat(units.search("THAI NGUYEN", REFORM_DAY, 5)).extracting(OrgUnit::name).contains("Tỉnh Thái Nguyên");
    }

    @Test
    void provincesAreListedInVietnameseAlphabeticalOrderOfTheirProperNames() {
        var provinces = units.list(new UnitQuery(UnitLevel.PROVINCE, null, UnitCategory.AREA, LAST_OLD_DAY, null, null), 0, 63)
                .content().stream().map(OrgUnit::name).toList();
        assertThat(provinces.subList(0, 6)).containsExactly("Tỉnh An Giang", "Tỉnh Bà Rịa - Vũng Tàu", "Tỉnh Bạc Liêu",
                "Tỉnh Bắc Giang", "Tỉnh Bắc Kạn", "Tỉnh Bắc Ninh");
        // đ is a letter of its own between d and e, not after z as in byte order
        assertThat(provinces.indexOf("Tỉnh Cao Bằng")).isLessThan(provinces.indexOf("Thành phố Đà Nẵng"));
        assertThat(provinces.indexOf("Thành phố Đà Nẵng")).isLessThan(provinces.indexOf("Tỉnh Đồng Tháp"));
        assertThat(provinces.indexOf("Tỉnh Đồng Tháp")).isLessThan(provinces.indexOf("Tỉnh Gia Lai"));
    }
}
