package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V122: the lists of values of the petitions' and matters' columns are domains, not table CHECK constraints. Every
 * such column is typed by its domain, and each domain takes the values of its list and refuses any other, as the
 * constraints did. Not in a transaction: each refused value ends its own statement only.
 */
@SpringBootTest
class PetitionValueListsIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    private record Column(String table, String column, String domain) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("petition", "content_kind", "petition_content_kind"),
            new Column("petition", "petitioner_kind", "petition_petitioner_kind"),
            new Column("petition", "status", "petition_status"),
            new Column("petition", "competence", "petition_competence"),
            new Column("petition", "handling", "petition_handling"),
            new Column("petition", "signers_count", "petition_signers"),
            new Column("petition_matter", "content_kind", "petition_content_kind"),
            new Column("petition_matter", "complexity", "petition_complexity"),
            new Column("petition_matter", "round", "petition_round"),
            new Column("petition_matter", "result", "petition_result"),
            new Column("petition_matter_pending", "content_kind", "petition_content_kind"),
            new Column("petition_matter_pending", "complexity", "petition_complexity"),
            new Column("petition_matter_pending", "result", "petition_result"),
            new Column("petition_person", "role", "petition_person_role"),
            new Column("petition_outcome", "stage", "petition_outcome_stage"));

    @Test
    void everyListColumnIsTypedByItsDomain() {
        for (var c : COLUMNS) {
            var domain = jdbc.sql("""
                    select domain_name from information_schema.columns
                    where table_schema = 'public' and table_name = :table and column_name = :column""")
                    .param("table", c.table()).param("column", c.column()).query(String.class).optional();
            assertThat(domain).as(c.table() + "." + c.column()).contains(c.domain());
        }
    }

    @Test
    void theDomainsTakeTheValuesOfTheirListsAndRefuseOthers() {
        takes("petition_content_kind", "COMPLAINT", "DENUNCIATION", "RECOMMENDATION", "REFLECTION", "MULTIPLE");
        refuses("petition_content_kind", "complaint", "PETITION", "");
        takes("petition_petitioner_kind", "PERSON", "ORGANISATION", "GROUP", "AUTHORISED", "ANONYMOUS");
        refuses("petition_petitioner_kind", "COMPANY");
        takes("petition_status", "RECEIVED", "PROCESSED");
        refuses("petition_status", "CLOSED");
        takes("petition_competence", "WITHIN", "OUTSIDE");
        refuses("petition_competence", "UNKNOWN");
        takes("petition_handling", "ACCEPT", "GUIDE", "FORWARD", "URGE", "FILE");
        refuses("petition_handling", "REFUSE");
        takes("petition_complexity", "NORMAL", "COMPLEX", "ESPECIALLY_COMPLEX");
        refuses("petition_complexity", "HARD");
        takes("petition_result", "RIGHT", "WRONG", "PARTLY_RIGHT", "UPHELD", "ANNULLED");
        refuses("petition_result", "PARTLY");
        takes("petition_person_role", "PETITIONER", "REPRESENTATIVE", "AUTHORISED", "VISITOR");
        refuses("petition_person_role", "WITNESS");
        takes("petition_outcome_stage", "DECIDED", "ENFORCED");
        refuses("petition_outcome_stage", "CLOSED");
        assertThat(jdbc.sql("select cast(1 as petition_signers) + cast(1 as petition_round) + cast(2 as petition_round)")
                .query(Integer.class).single()).isEqualTo(4);
        refuses("petition_signers", "0");
        refuses("petition_round", "3");
    }

    @Test
    void aMatterSavedWithAValueOutsideItsListIsRefused() {
        // a matter of the demo data
        var matter = jdbc.sql("select id from petition_matter order by id limit 1").query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("update petition_matter set complexity = :c where id = :id")
                .param("c", "HARD").param("id", matter).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("petition_complexity");
        assertThat(jdbc.sql("select complexity from petition_matter where id = :id").param("id", matter)
                .query(String.class).single()).isNotEqualTo("HARD");
    }

    private void takes(String domain, String... values) {
        for (var v : values) {
            assertThat(jdbc.sql("select cast(cast(:v as text) as " + domain + ")").param("v", v).query(String.class).single())
                    .as(domain).isEqualTo(v);
        }
    }

    private void refuses(String domain, String... values) {
        for (var v : values) {
            assertThatThrownBy(() -> jdbc.sql("select cast(cast(:v as text) as " + domain + ")").param("v", v)
                    .query(String.class).single())
                    .as(domain + " " + v).isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining(domain);
        }
    }
}
