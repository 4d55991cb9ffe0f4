package vn.danvan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.danvan.orgunit.OrgUnits;

/** Who may act on which unit, with the demo accounts. */
@SpringBootTest
class OrgScopeIntegrationTests {

    static final LocalDate DAY = LocalDate.of(2026, 1, 1);
    static final LocalDate OLD_DAY = LocalDate.of(2025, 6, 30);

    @Autowired
    OrgScope scope;

    @Autowired
    CurrentUsers users;

    @Autowired
    Accounts accounts;

    @Autowired
    OrgUnits units;

    CurrentUser user(String username) {
        return users.load(accounts.byUsername(username).orElseThrow().id()).orElseThrow();
    }

    long unit(String code, LocalDate on) {
        return units.findByCode(code, on).orElseThrow().id();
    }

    @Test
    void aCommuneOfficerCoversTheirCommuneAndItsBodiesButNotTheNeighbouringCommune() {
        var officer = user("canbo.luongvantri");
        assertThat(scope.canWrite(officer, unit("05983", DAY))).isTrue();
        assertThat(scope.canWrite(officer, unit("05983.UBND", DAY))).isTrue();
        assertThat(scope.canRead(officer, unit("05977", DAY))).isFalse();
        assertThat(scope.canRead(officer, unit("20", DAY))).isFalse();
        assertThat(scope.canAdminister(officer, unit("05983", DAY))).isFalse();
    }

    @Test
    void aProvinceRoleCoversEveryBodyAndCommuneOfTheProvinceBeforeAndAfterTheReform() {
        var leader = user("lanhdao.langson");
        assertThat(scope.canWrite(leader, unit("20.BTGDV", DAY))).isTrue();
        assertThat(scope.canWrite(leader, unit("05977", DAY))).isTrue();
        assertThat(scope.canWrite(leader, unit("05977", OLD_DAY))).as("the old Phường Đông Kinh").isTrue();
        assertThat(scope.canRead(leader, unit("19", DAY))).isFalse();
    }

    @Test
    void theMergedThaiNguyenCoversTheRecordsOfTheOldBacKan() {
        var officer = user("canbo.thainguyen");
        assertThat(scope.canWrite(officer, unit("06", OLD_DAY))).isTrue();
        assertThat(scope.canWrite(officer, unit("058", OLD_DAY))).as("Thành phố Bắc Kạn, a district of old Bắc Kạn").isTrue();
        assertThat(scope.canWrite(officer, unit("19", OLD_DAY))).as("the old Thái Nguyên").isTrue();
        assertThat(scope.canRead(officer, unit("20", DAY))).isFalse();
    }

    @Test
    void aRoleAtOneBodyCoversOnlyThatBody() {
        var reception = user("tiepdan.langson");
        assertThat(scope.canWrite(reception, unit("20.BTCD", DAY))).isTrue();
        assertThat(scope.canRead(reception, unit("20.SNV", DAY))).isFalse();
        assertThat(scope.canRead(reception, unit("05983", DAY))).isFalse();
    }

    @Test
    void aViewerReadsButNeverWrites() {
        var viewer = user("xem.ninhbinh");
        assertThat(scope.canRead(viewer, unit("37", DAY))).isTrue();
        assertThat(scope.canRead(viewer, unit("35", OLD_DAY))).as("old Hà Nam merged into Ninh Bình").isTrue();
        assertThat(scope.canWrite(viewer, unit("37", DAY))).isFalse();
    }

    @Test
    void theSystemAdministratorCoversEverything() {
        var admin = user("admin");
        assertThat(scope.canAdminister(admin, unit("05977", DAY))).isTrue();
        assertThat(scope.readableUnitIds(admin)).isNull();
    }
}
