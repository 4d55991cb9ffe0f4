package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.Grant;
import vn.danvan.identity.Role;
import vn.danvan.orgunit.OrgUnits;

/** Case numbers stay unique when a unit code passes from an old commune to a new ward in the same year. */
@SpringBootTest
class CaseNumberIntegrationTests {

    @Autowired
    PetitionManagement petitions;
    @Autowired
    OrgUnits units;

    @Test
    void theOldCommuneAndTheNewWardThatHoldTheSameCodeInOneYearNumberOnOneSeries() {
        var holders = units.holdersOf("05977");
        assertThat(holders).as("05977 is held before and after 01/07/2025").hasSizeGreaterThanOrEqualTo(2);
        var old = holders.get(0);
        var current = holders.get(holders.size() - 1);
        var root = units.findByCode("VN", LocalDate.now()).orElseThrow().id();
        var admin = new CurrentUser(0, "test", "Kiểm thử", root, List.of(new Grant(0, Role.SYSTEM_ADMIN, root, Set.of())));

        var before = petitions.receive(petition(old.id(), LocalDate.of(2025, 3, 3), "Đơn gửi xã cũ"), admin).number();
        var after = petitions.receive(petition(current.id(), LocalDate.of(2025, 8, 4), "Đơn gửi phường mới"), admin).number();

        assertThat(before).startsWith("05977-2025-");
        assertThat(after).startsWith("05977-2025-").isNotEqualTo(before);
        assertThat(Integer.parseInt(after.substring(after.lastIndexOf('-') + 1)))
                .isGreaterThan(Integer.parseInt(before.substring(before.lastIndexOf('-') + 1)));
    }

    private static NewPetition petition(long unitId, LocalDate day, String subject) {
        return new NewPetition(unitId, day, Channel.POST, null, null, PetitionerKind.PERSON, 1, subject, null, null, null,
                List.of(new PersonInput(PersonRole.PETITIONER, false, "Nông Văn Số", null, null, null)), null, null);
    }
}
