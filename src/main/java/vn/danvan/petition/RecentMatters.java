package vn.danvan.petition;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.stereotype.Component;

/**
 * The matters this instance saved last, each as its transaction committed it, so that a matter's next step need not read
 * the matter again: each of a lifecycle's five matter steps began with a read of its matter, one round trip of the
 * lifecycle's fifteen.
 *
 * <p>A kept matter is a guess, never trusted: the step's write is guarded by the version the step read
 * ({@link StepWrites#updateMatter}), and every other change of the matter's state goes through that write and raises its
 * version. So when the matter was saved since by another instance behind the load balancer, the write saves nothing and
 * {@link MatterManagement#record} forgets the kept matter and runs the step again on the matter read from the database,
 * as before. A matter is kept only after its transaction committed: a version rolled back can never be taken for the one
 * that committed with the same number. At most {@value #CAPACITY} matters are kept, the least recently saved dropped
 * first.
 */
@Component
class RecentMatters {

    static final int CAPACITY = 4096;

    private final Map<Long, Matter> kept = new LinkedHashMap<>(CAPACITY * 4 / 3 + 1) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Matter> eldest) {
            return size() > CAPACITY;
        }
    };

    /** A copy of the matter as this instance last committed it, if it kept it. */
    Optional<Matter> get(long id) {
        synchronized (kept) {
            var m = kept.get(id);
            return m == null ? Optional.empty() : Optional.of(m.copy());
        }
    }

    /**
     * Keeps the matter as it is now once the current transaction commits; nothing when no transaction is open (the
     * commit could not be known). Call after the statement that saved it.
     */
    void keep(Matter m) {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            TransactionSynchronizationManager.registerSynchronization(new KeptOnCommit(m.copy()));
        }
    }

    void forget(long id) {
        synchronized (kept) {
            kept.remove(id);
        }
    }

    int size() {
        synchronized (kept) {
            return kept.size();
        }
    }

    private void put(Matter m) {
        synchronized (kept) {
            var earlier = kept.remove(m.id);
            // two steps of one transaction (a new matter, then its referral) commit together: the later version stays
            kept.put(m.id, earlier != null && earlier.version > m.version ? earlier : m);
        }
    }

    /** Keeps a matter after the commit; does nothing before it, so a step's COMMIT may still go with its last statement. */
    private final class KeptOnCommit implements TransactionSynchronization, LastWrites.AfterCommitOnly {

        private final Matter matter;

        KeptOnCommit(Matter matter) {
            this.matter = matter;
        }

        @Override
        public void afterCommit() {
            put(matter);
        }
    }
}
