package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

    /** Matters whose count of petitions, or outcomes whose copy of their matter, differ from the records (V111). */
    static final String MISCOUNTED = """
            select (select count(*) from petition_matter m
                     where m.petitions <> (select count(*) from petition p where p.matter_id = m.id))
                 + (select count(*) from petition_outcome o join petition_matter m on m.id = o.matter_id
                     where o.unit_id is distinct from m.unit_id or o.content_kind is distinct from m.content_kind
                        or o.status is distinct from m.status or o.decided_on is distinct from m.decided_on
                        or o.closed_on is distinct from m.closed_on)
            """;

    Map<String, Object> outcome(long matter, String stage) {
        return jdbc.sql("""
                select o.status, cast(o.decided_on as text) as decided, cast(o.closed_on as text) as closed, o.unit_id, o.content_kind
                from petition_outcome o where o.matter_id = :m and o.stage = :stage
                """).param("m", matter).param("stage", stage).query().singleRow();
    }

    int petitions(long matter) {
        return jdbc.sql("select petitions from petition_matter where id = :id").param("id", matter).query(Integer.class).single();
    }

    @Test
    void everyDemoMatterCountsItsPetitionsAndEveryOutcomeCarriesItsMattersUnitKindStateAndDays() {
        assertThat(jdbc.sql("select count(*) from petition_outcome").query(Long.class).single()).as("demo outcomes").isPositive();
        assertThat(jdbc.sql("select count(*) from petition_matter where petitions > 0").query(Long.class).single())
                .as("demo matters with their petitions counted").isPositive();
        assertThat(jdbc.sql(MISCOUNTED).query(Long.class).single()).isZero();
    }

    @Test
    void aMatterOpenedForAPetitionCountsItOnceAndAgainOnlyIfItLeavesAndComesBack() {
        long unit = jdbc.sql("select unit_id from petition order by id limit 1").query(Long.class).single();
        long other = matter("T-BORN-2", unit);
        long p = petition("T-BORN-P1", unit, null);
        // as processing opens a matter (V121): written counted, then the petition takes it
        long opened = jdbc.sql("""
                insert into petition_matter (number, unit_id, title, content_kind, field, round, follow_up, status, opened_for, petitions)
                values ('T-BORN-1', :unit, 'Khiếu nại thu hồi đất', 'COMPLAINT', 'ADMIN_LAND', 1, false, 'RECEIVED', :p, 1)
                returning id""").param("unit", unit).param("p", p).query(Long.class).single();
        jdbc.sql("update petition set matter_id = :m where id = :id").param("m", opened).param("id", p).update();
        assertThat(petitions(opened)).isEqualTo(1);
        long q = petition("T-BORN-P2", unit, opened);
        assertThat(petitions(opened)).isEqualTo(2);

        jdbc.sql("update petition set matter_id = :m where id = :id").param("m", other).param("id", p).update();
        assertThat(petitions(opened)).isEqualTo(1);
        assertThat(petitions(other)).isEqualTo(1);
        jdbc.sql("update petition set matter_id = :m where id = :id").param("m", opened).param("id", p).update();
        assertThat(petitions(opened)).as("the petition came back: counted again").isEqualTo(2);
        assertThat(petitions(other)).isZero();
        jdbc.sql("delete from petition where id in (:ids)").param("ids", List.of(p, q)).update();
        assertThat(petitions(opened)).isZero();
        assertThat(jdbc.sql(MISCOUNTED).query(Long.class).single()).isZero();
    }

    @Test
    void aMattersCountFollowsItsPetitionsAndItsOutcomesFollowItEvenWhenWrittenInTheStatementThatDecidesIt() {
        long unit = jdbc.sql("select unit_id from petition order by id limit 1").query(Long.class).single();
        long first = matter("T-COUNT-1", unit);
        long second = matter("T-COUNT-2", unit);
        long a = petition("T-COUNT-P1", unit, first);
        long b = petition("T-COUNT-P2", unit, first);
        assertThat(petitions(first)).isEqualTo(2);
        jdbc.sql("update petition set matter_id = :m where id = :id").param("m", second).param("id", b).update();
        assertThat(petitions(first)).isEqualTo(1);
        assertThat(petitions(second)).isEqualTo(1);
        jdbc.sql("update petition set matter_id = null where id = :id").param("id", a).update();
        assertThat(petitions(first)).isZero();
        jdbc.sql("delete from petition where id = :id").param("id", b).update();
        assertThat(petitions(second)).isZero();

        // as the services save a decision: the matter and its outcome in one statement
        jdbc.sql("""
                with saved as (update petition_matter set status = 'DECIDED', accepted_on = '2026-03-05', decided_on = '2026-04-20',
                                      result = 'RIGHT' where id = :id returning id)
                insert into petition_outcome (matter_id, stage, recover_money) select id, 'DECIDED', 12.5 from saved
                """).param("id", first).update();
        assertThat(outcome(first, "DECIDED")).containsEntry("status", "DECIDED").containsEntry("decided", "2026-04-20")
                .containsEntry("closed", null).containsEntry("unit_id", unit).containsEntry("content_kind", "COMPLAINT");

        jdbc.sql("update petition_matter set status = 'CLOSED', closed_on = '2026-05-02' where id = :id").param("id", first).update();
        jdbc.sql("insert into petition_outcome (matter_id, stage, persons_disciplined) values (:m, 'ENFORCED', 2)").param("m", first).update();
        assertThat(outcome(first, "DECIDED")).containsEntry("status", "CLOSED").containsEntry("closed", "2026-05-02");
        assertThat(outcome(first, "ENFORCED")).containsEntry("status", "CLOSED").containsEntry("decided", "2026-04-20")
                .containsEntry("closed", "2026-05-02");

        jdbc.sql("update petition_matter set content_kind = 'DENUNCIATION' where id = :id").param("id", first).update();
        assertThat(outcome(first, "ENFORCED")).containsEntry("content_kind", "DENUNCIATION");
        assertThat(jdbc.sql(MISCOUNTED).query(Long.class).single()).isZero();
    }
}
