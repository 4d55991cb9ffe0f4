package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * A petition carries its matter's state that the forms count it by (V105: round, follow-up, day accepted, day finished,
 * day terminated), kept by triggers whatever writes the matter: copied when the petition is linked, passed on when the
 * matter changes, cleared when the link is removed. The records of the test are rolled back after it.
 */
@SpringBootTest
@Transactional
class PetitionMatterStateIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    /** The petitions whose carried state differs from their matter's, as the forms read a matter before V105. */
    static final String DIFFERING = """
            select count(*) from petition p join petition_matter m on m.id = p.matter_id
            where p.matter_round is distinct from m.round or p.matter_follow_up is distinct from m.follow_up
               or p.matter_accepted_on is distinct from m.accepted_on
               or p.matter_finished_on is distinct from coalesce(m.decided_on, case when m.status in ('WITHDRAWN', 'TERMINATED') then m.closed_on end)
               or p.matter_terminated_on is distinct from case when m.status = 'TERMINATED' then m.closed_on end
            """;

    @Test
    void everyDemoPetitionCarriesTheStateOfItsMatterAsTheServicesLeftIt() {
        assertThat(jdbc.sql("select count(*) from petition where matter_id is not null").query(Long.class).single())
                .as("demo petitions with a matter").isGreaterThan(100);
        assertThat(jdbc.sql("select count(*) from petition_matter where decided_on is not null").query(Long.class).single())
                .as("demo matters decided").isPositive();
        assertThat(jdbc.sql(DIFFERING).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from petition where matter_id is null
                  and (matter_round is not null or matter_follow_up is not null or matter_accepted_on is not null
                       or matter_finished_on is not null or matter_terminated_on is not null)
                """).query(Long.class).single()).as("petitions without a matter carry nothing").isZero();
    }

    long matter(String number, long unit) {
        return jdbc.sql("""
                insert into petition_matter (number, unit_id, title, content_kind, field, round, follow_up, status)
                values (:number, :unit, 'Khiếu nại thu hồi đất', 'COMPLAINT', 'ADMIN_LAND', 1, false, 'RECEIVED') returning id
                """).param("number", number).param("unit", unit).query(Long.class).single();
    }

    long petition(String number, long unit, Long matter) {
        return jdbc.sql("""
                insert into petition (number, unit_id, channel, petitioner_kind, content_kind, field, subject, content, received_on,
                                      status, matter_id, created_by)
                values (:number, :unit, 'POST', 'PERSON', 'COMPLAINT', 'ADMIN_LAND', 'Khiếu nại thu hồi đất', 'Nội dung',
                        '2026-03-02', 'RECEIVED', :matter, 'test') returning id
                """).param("number", number).param("unit", unit).param("matter", matter).query(Long.class).single();
    }

    Map<String, Object> carried(long petition) {
        return jdbc.sql("""
                select matter_round, matter_follow_up, cast(matter_accepted_on as text) as accepted,
                       cast(matter_finished_on as text) as finished, cast(matter_terminated_on as text) as terminated
                from petition where id = :id
                """).param("id", petition).query().singleRow();
    }

    @Test
    void aPetitionFollowsItsMatterFromAcceptanceToTerminationAndTakesTheStateOfAMatterItMovesTo() {
        long unit = jdbc.sql("select unit_id from petition order by id limit 1").query(Long.class).single();
        long first = matter("T-STATE-1", unit);
        long petition = petition("T-STATE-P1", unit, first);
        long alone = petition("T-STATE-P2", unit, null);
        assertThat(carried(petition)).containsEntry("matter_round", 1).containsEntry("matter_follow_up", false)
                .containsEntry("accepted", null).containsEntry("finished", null);
        assertThat(carried(alone)).containsEntry("matter_round", null).containsEntry("matter_follow_up", null);

        jdbc.sql("update petition_matter set status = 'ACCEPTED', accepted_on = '2026-03-05' where id = :id").param("id", first).update();
        assertThat(carried(petition)).containsEntry("accepted", "2026-03-05").containsEntry("finished", null);

        jdbc.sql("update petition_matter set status = 'DECIDED', decided_on = '2026-04-20', result = 'RIGHT' where id = :id")
                .param("id", first).update();
        assertThat(carried(petition)).containsEntry("finished", "2026-04-20").containsEntry("terminated", null);

        jdbc.sql("update petition_matter set status = 'CLOSED', closed_on = '2026-05-02' where id = :id").param("id", first).update();
        assertThat(carried(petition)).as("closing a decided matter does not move its finishing day")
                .containsEntry("finished", "2026-04-20").containsEntry("terminated", null);

        long second = matter("T-STATE-2", unit);
        jdbc.sql("update petition_matter set round = 2, follow_up = true, status = 'ACCEPTED', accepted_on = '2026-05-10' where id = :id")
                .param("id", second).update();
        jdbc.sql("update petition set matter_id = :m where id = :id").param("m", second).param("id", petition).update();
        assertThat(carried(petition)).containsEntry("matter_round", 2).containsEntry("matter_follow_up", true)
                .containsEntry("accepted", "2026-05-10").containsEntry("finished", null);

        jdbc.sql("update petition_matter set status = 'TERMINATED', closed_on = '2026-06-01' where id = :id").param("id", second).update();
        assertThat(carried(petition)).containsEntry("finished", "2026-06-01").containsEntry("terminated", "2026-06-01");

        jdbc.sql("update petition set matter_id = :m where id = :id").param("m", second).param("id", alone).update();
        assertThat(carried(alone)).as("a petition linked later takes the state as it is")
                .containsEntry("matter_round", 2).containsEntry("terminated", "2026-06-01");

        jdbc.sql("update petition set matter_id = null where id = :id").param("id", petition).update();
        assertThat(carried(petition)).containsEntry("matter_round", null).containsEntry("accepted", null)
                .containsEntry("finished", null).containsEntry("terminated", null);
        assertThat(jdbc.sql(DIFFERING).query(Long.class).single()).isZero();
    }
}
