package vn.danvan.petition;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The matters and petitions this instance saved last, each as its transaction committed it, so that a case's next step
 * need not read it again: each of a lifecycle's five matter steps began with a read of its matter, and its classification
 * with a read of its petition, six round trips of the lifecycle's fifteen.
 *
 * <p>A kept case is a guess, never trusted: the step's write is guarded by the version the step read
 * ({@link StepWrites#updateMatter}, {@link CaseStore#updatePetition}), and every other change of the fields kept goes
 * through that write and raises the version (the counts and the copies of the matter's state that triggers write are not
 * kept). So when the case was saved since by another instance behind the load balancer, the write saves nothing, and
 * {@link MatterManagement#record} or {@link PetitionManagement#process} forgets the kept case and runs the step again on
 * the case read from the database, as before. A case is kept only after its transaction committed: a version rolled back
 * can never be taken for the one that committed with the same number. At most {@value #CAPACITY} matters and as many
 * petitions are kept, the least recently saved dropped first.
 */
@Component
class RecentCases {

    static final int CAPACITY = 4096;

    private final Kept<Matter> matters = new Kept<>(Matter::copy, m -> m.id, m -> m.version);
    private final Kept<PetitionRecord> petitions = new Kept<>(PetitionRecord::copy, p -> p.id, p -> p.version);

    /** A copy of the matter as this instance last committed it, if it kept it. */
    Optional<Matter> matter(long id) {
        return matters.get(id);
    }

    /** Keeps the matter as it is now once the current transaction commits (see {@link Kept#keep}). */
    void keep(Matter m) {
        matters.keep(m);
    }

    void forgetMatter(long id) {
        matters.forget(id);
    }

    /** A copy of the petition as this instance last committed it, if it kept it. */
    Optional<PetitionRecord> petition(long id) {
        return petitions.get(id);
    }

    /** Keeps the petition as it is now once the current transaction commits (see {@link Kept#keep}). */
    void keep(PetitionRecord p) {
        petitions.keep(p);
    }

    void forgetPetition(long id) {
        petitions.forget(id);
    }

    /** Copies of one kind of case by id, the newest version of each, the least recently saved dropped first. */
    private static final class Kept<T> {

        private final UnaryOperator<T> copy;
        private final ToLongFunction<T> id;
        private final ToIntFunction<T> version;
        private final Map<Long, T> kept = new LinkedHashMap<>(CAPACITY * 4 / 3 + 1) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, T> eldest) {
                return size() > CAPACITY;
            }
        };

        Kept(UnaryOperator<T> copy, ToLongFunction<T> id, ToIntFunction<T> version) {
            this.copy = copy;
            this.id = id;
            this.version = version;
        }

        Optional<T> get(long key) {
            synchronized (kept) {
                var value = kept.get(key);
                return value == null ? Optional.empty() : Optional.of(copy.apply(value));
            }
        }

        /**
         * Keeps a copy of the case as it is now once the current transaction commits; nothing when no transaction is
         * open (its commit could not be known). Called after the statement that saved it.
         */
        void keep(T value) {
            if (TransactionSynchronizationManager.isSynchronizationActive()
                    && TransactionSynchronizationManager.isActualTransactionActive()) {
                TransactionSynchronizationManager.registerSynchronization(new KeptOnCommit(copy.apply(value)));
            }
        }

        void forget(long key) {
            synchronized (kept) {
                kept.remove(key);
            }
        }

        private void put(T value) {
            synchronized (kept) {
                var earlier = kept.remove(id.applyAsLong(value));
                // two saves of one transaction (a new matter, then its referral) commit together: the later version stays
                kept.put(id.applyAsLong(value),
                        earlier != null && version.applyAsInt(earlier) > version.applyAsInt(value) ? earlier : value);
            }
        }

        /** Keeps a case after the commit and does nothing before it, so a step's COMMIT may go with its last statement. */
        private final class KeptOnCommit implements TransactionSynchronization, LastWrites.AfterCommitOnly {

            private final T value;

            KeptOnCommit(T value) {
                this.value = value;
            }

            @Override
            public void afterCommit() {
                put(value);
            }
        }
    }
}
