package vn.danvan.petition;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A step's last statement and, when the step began its transaction, the transaction's COMMIT with it, in one round trip.
 *
 * <p>A round trip costs CPU whatever its statement does (the raw-SQL peer spends 3.9 ms of PostgreSQL CPU on its 21 round
 * trips a lifecycle); a step that reads, writes and then commits makes three. The driver sends the statement and
 * {@code commit} as two statements before one Sync, and skips the {@code COMMIT} Spring then asks for, since the server
 * answered that no transaction is open. The step is still one transaction, committed as durably as before. A lifecycle
 * makes 16 round trips instead of 23, with about 6 % less CPU (bench/results/lifecycle-services-2026-12-02-s24.md).
 *
 * <p>The statement ends with {@code select step_saved(count(*)) from saved} (V119): when the version the step read has
 * moved on it raises, the server skips the {@code commit} sent after it, Spring rolls the step back, and this answers null:
 * the caller's conflict, as before. The COMMIT goes with the statement only when nothing else can: the caller says the
 * statement ends its step, the step's own service method began the transaction (a caller's transaction, a test's, one
 * marked rollback-only or with a savepoint is left to Spring), and no synchronization waits for the commit (one that acts
 * only after it, {@link AfterCommitOnly}, does not wait). A statement run after it in the same transaction is refused
 * before Spring's commit ({@link IllegalStateException}).
 */
@Component
class LastWrites {

    /** SQLSTATE of {@code step_saved} (V119) when nothing was saved. */
    private static final String CONFLICT = "DV409";

    private static final String COMMIT = ";\ncommit";

    private final NamedParameterJdbcOperations operations;
    private final DataSource dataSource;

    LastWrites(NamedParameterJdbcOperations operations, DataSource dataSource) {
        this.operations = operations;
        this.dataSource = dataSource;
    }

    /**
     * Runs a statement that answers one row, mapped by {@code row}, with the transaction's COMMIT when {@code endsStep}
     * and the step may commit here; null when it saved nothing ({@code step_saved} raised, SQLSTATE {@value #CONFLICT}).
     */
    <T> T single(String sql, SqlParameterSource params, RowMapper<T> row, boolean endsStep) {
        try {
            if (!endsStep || !mayCommit()) {
                return operations.queryForObject(sql, params, row);
            }
            var saved = operations.execute(ComposedSql.of(sql, COMMIT), params, statement -> {
                statement.execute();
                try (var result = statement.getResultSet()) {
                    if (!result.next()) {
                        throw new IllegalStateException("the step's last statement answered no row");
                    }
                    return row.mapRow(result, 0);
                }
            });
            TransactionSynchronizationManager.registerSynchronization(new NothingAfter());
            return saved;
        } catch (DataAccessException e) {
            if (isConflict(e)) {
                return null;
            }
            throw e;
        }
    }

    private static boolean isConflict(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && CONFLICT.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A synchronization that does nothing before the commit (only after it, or on completion): the COMMIT may go with the
     * step's last statement while it is registered, since Spring's commit still calls it when the server committed.
     */
    interface AfterCommitOnly {
    }

    /** Did this step's own service method begin the transaction, with nothing waiting for its commit? */
    private static boolean mayCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()
                || !TransactionSynchronizationManager.getSynchronizations().stream().allMatch(s -> s instanceof AfterCommitOnly)) {
            return false;
        }
        try {
            var status = TransactionAspectSupport.currentTransactionStatus();
            return status.isNewTransaction() && !status.isRollbackOnly() && !status.hasSavepoint();
        } catch (NoTransactionException e) {
            return false;
        }
    }

    /** Refuses, before Spring's commit, a statement run after the committing one: it would be a transaction of its own. */
    private final class NothingAfter implements TransactionSynchronization {

        @Override
        public void beforeCommit(boolean readOnly) {
            var holder = (ConnectionHolder) TransactionSynchronizationManager.getResource(dataSource);
            try {
                if (holder != null
                        && holder.getConnection().unwrap(BaseConnection.class).getTransactionState() != TransactionState.IDLE) {
                    throw new IllegalStateException("a statement ran after the step's last statement, which committed");
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
