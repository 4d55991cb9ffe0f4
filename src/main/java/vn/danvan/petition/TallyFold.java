package vn.danvan.petition;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Folds the month tallies' deltas into the tallies (V120): the writers of petitions and matters insert a delta for
 * each change the tallies count, which costs their transaction one row in a table without an index instead of a look-up
 * and two row updates; here the deltas are summed per month and unit and added to the tallies, in one transaction.
 * Readers read the tallies with the deltas not yet folded, so a fold changes no figure; it keeps the deltas few.
 */
@Component
class TallyFold {

    private static final Logger log = LoggerFactory.getLogger(TallyFold.class);

    private final JdbcClient jdbc;

    TallyFold(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Folds every delta committed before the call, in a transaction of its own (the statement's); returns how many. */
    int fold() {
        return jdbc.sql("select petition_tally_fold()").query(Integer.class).single();
    }

    @Scheduled(fixedDelayString = "${danvan.petition.tally-fold-every:1000}")
    void foldRegularly() {
        try {
            fold();
        } catch (RuntimeException e) {
            log.warn("Cộng dồn số liệu tháng thất bại, sẽ thử lại", e);
        }
    }
}
