package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.danvan.shared.ConflictException;

/**
 * A step's last statement carries its transaction's COMMIT when the step began the transaction, and only then: the rows
 * are committed before the step's method returns, a conflict commits nothing of the step, a caller's transaction is
 * left to the caller, and a statement after the committing one is refused.
 */
@SpringBootTest
@Import(LastWritesIntegrationTests.Step.class)
class LastWritesIntegrationTests {

    private static final String INSERT = """
            with saved as (insert into last_writes_probe (tag) values (:tag) returning tag)
            select step_saved(count(*)) from saved""";
    private static final String NOTHING = """
            with saved as (update last_writes_probe set tag = tag where tag = 'no such tag' returning tag)
            select step_saved(count(*)) from saved""";

    @Autowired
    Step step;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate transactions;

    /** A step's service method, beginning its own transaction as MatterManagement's and PetitionManagement's do. */
    @Component
    static class Step {

        private final LastWrites last;
        private final JdbcClient jdbc;
        private final DataSource dataSource;

        Step(LastWrites last, JdbcClient jdbc, DataSource dataSource) {
            this.last = last;
            this.jdbc = jdbc;
            this.dataSource = dataSource;
        }

        /** Writes, then saves with the last statement; answers what another connection saw before this method returned. */
        @Transactional
        public long writeThenSave(String tag, boolean endsStep) throws SQLException {
            jdbc.sql("insert into last_writes_probe (tag) values (:tag)").param("tag", tag + "-before").update();
            var rows = last.single(INSERT, new MapSqlParameterSource("tag", tag), (rs, i) -> rs.getLong(1), endsStep);
            assertThat(rows).isEqualTo(1);
            return seenElsewhere(dataSource, tag);
        }

        /** As {@link #writeThenSave}, with a synchronization registered before the last statement. */
        @Transactional
        public long writeThenSaveWith(String tag, TransactionSynchronization synchronization) throws SQLException {
            TransactionSynchronizationManager.registerSynchronization(synchronization);
            return writeThenSave(tag, true);
        }

        /** Writes, then a last statement that saves nothing: the step's conflict. */
        @Transactional
        public void writeThenConflict(String tag) {
            jdbc.sql("insert into last_writes_probe (tag) values (:tag)").param("tag", tag).update();
            if (last.single(NOTHING, new MapSqlParameterSource(), (rs, i) -> rs.getLong(1), true) == null) {
                throw new ConflictException("matter", tag);
            }
        }

        /** The last statement, then another one: a mistake the commit refuses. */
        @Transactional
        public void saveThenWriteAgain(String tag) {
            last.single(INSERT, new MapSqlParameterSource("tag", tag), (rs, i) -> rs.getLong(1), true);
            jdbc.sql("insert into last_writes_probe (tag) values (:tag)").param("tag", tag + "-after").update();
        }
    }

    /** Rows with the tag, counted on a connection of its own (outside the step's transaction). */
    static long seenElsewhere(DataSource dataSource, String tag) throws SQLException {
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement("select count(*) from last_writes_probe where tag like ? || '%'")) {
            statement.setString(1, tag);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @BeforeEach
    void probeTable() {
        jdbc.sql("create table if not exists last_writes_probe (tag text not null)").update();
    }

    @AfterEach
    void dropProbeTable() {
        jdbc.sql("drop table if exists last_writes_probe").update();
    }

    @Test
    void theStepsLastStatementCommitsTheWholeStepBeforeTheMethodReturns() throws SQLException {
        assertThat(step.writeThenSave("committed-with-it", true)).as("seen by another connection inside the step").isEqualTo(2);
        assertThat(seenElsewhere(dataSource, "committed-with-it")).isEqualTo(2);
    }

    @Test
    void aStatementThatDoesNotEndItsStepLeavesTheCommitToSpring() throws SQLException {
        assertThat(step.writeThenSave("committed-after", false)).as("not yet committed inside the step").isZero();
        assertThat(seenElsewhere(dataSource, "committed-after")).isEqualTo(2);
    }

    /** Acts after the commit only, as RecentCases' does; remembers whether it ran. */
    static final class AfterCommit implements TransactionSynchronization, LastWrites.AfterCommitOnly {
        boolean ran;

        @Override
        public void afterCommit() {
            ran = true;
        }
    }

    @Test
    void aSynchronizationActingOnlyAfterTheCommitLetsTheCommitGoWithTheLastStatementAndStillRuns() throws SQLException {
        var afterCommit = new AfterCommit();
        assertThat(step.writeThenSaveWith("kept-after", afterCommit)).as("committed inside the step").isEqualTo(2);
        assertThat(afterCommit.ran).isTrue();
    }

    @Test
    void aSynchronizationThatMayActBeforeTheCommitLeavesTheCommitToSpring() throws SQLException {
        var before = new TransactionSynchronization() {
            boolean ran;

            @Override
            public void beforeCommit(boolean readOnly) {
                ran = true;
            }
        };
        assertThat(step.writeThenSaveWith("waits-for-spring", before)).as("not yet committed inside the step").isZero();
        assertThat(before.ran).isTrue();
        assertThat(seenElsewhere(dataSource, "waits-for-spring")).isEqualTo(2);
    }

    @Test
    void aConflictInTheLastStatementCommitsNothingOfTheStep() throws SQLException {
        assertThatThrownBy(() -> step.writeThenConflict("conflicted")).isInstanceOf(ConflictException.class);
        assertThat(seenElsewhere(dataSource, "conflicted")).isZero();
    }

    @Test
    void aStepInsideACallersTransactionDoesNotCommitIt() throws SQLException {
        transactions.executeWithoutResult(status -> {
            try {
                assertThat(step.writeThenSave("callers", true)).as("the caller's transaction is still open").isZero();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            status.setRollbackOnly();
        });
        assertThat(seenElsewhere(dataSource, "callers")).as("rolled back by the caller").isZero();
    }

    @Test
    void aStatementAfterTheCommittingOneIsRefusedAtCommit() throws SQLException {
        assertThatThrownBy(() -> step.saveThenWriteAgain("refused")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after the step's last statement");
        assertThat(seenElsewhere(dataSource, "refused-after")).as("the statement after it is rolled back").isZero();
        assertThat(seenElsewhere(dataSource, "refused")).as("the step itself was committed").isEqualTo(1);
    }
}
