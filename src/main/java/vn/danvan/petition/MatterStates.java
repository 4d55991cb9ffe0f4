package vn.danvan.petition;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The matters' pending states (V118): a matter's step writes the matter's new state into {@code petition_matter_pending}
 * (see {@link StepWrites#updateMatter}), and {@link #apply} writes the pending states into the matters' rows, whose
 * indexes and triggers (the state carried into petitions and outcomes, the monthly tally) the lists, queues, search,
 * hot-spot board and forms read. A matter moved through several steps in between is written into its row once.
 *
 * <p>The states are applied before anything reads matters: every method of a class, or every method, marked
 * {@link ReadsMatters} first applies what is pending (in its caller's transaction when that one writes, else in a
 * transaction of its own committed before the reading starts), so a reader sees every step committed before it; and
 * on a schedule ({@code danvan.petition.matter-states-every}), so that the rows do not lag far when nobody reads. One
 * application at a time, across every instance of the application (an advisory lock).
 *
 * <p>The scheduled application takes only the states that have settled (no step on the matter for
 * {@code danvan.petition.matter-states-settled-after}), skips a state whose matter a step is writing at that moment,
 * and works in batches of {@value #BATCH}, each committed on its own: it never waits for a step, and a step waits for
 * it at most one batch. Applying everything every half second had made the steps in progress wait for it: the
 * application's row locks held the next step of every matter under way, up to 86 ms a time
 * (bench/results/lifecycle-services-2026-12-02-s23.md).
 */
@Component
class MatterStates {

    /** Marks a class whose methods, or a method, that read matters: the pending states are applied first. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @interface ReadsMatters {
    }

    private static final Logger log = LoggerFactory.getLogger(MatterStates.class);

    /** The advisory lock held while the pending states are applied: "petition_matter_pending" as a number. */
    private static final long LOCK = 0x70656e64696e67L;

    /** Writes the states of the CTE {@code applied} (deleted pending states) into their matters' rows. */
    private static final String WRITE_APPLIED = """
            update petition_matter m
               set title = a.title, content_kind = a.content_kind, field = a.field, place_unit_id = a.place_unit_id,
                   remote = a.remote, complexity = a.complexity, status = a.status, suspended_from = a.suspended_from,
                   accepted_on = a.accepted_on, acceptance_number = a.acceptance_number, due_on = a.due_on,
                   due_rule = a.due_rule, due_rule_version = a.due_rule_version, extensions = a.extensions,
                   handler_id = a.handler_id, decided_on = a.decided_on, decision_number = a.decision_number,
                   result = a.result, closed_on = a.closed_on, withdrawn_partly = a.withdrawn_partly,
                   hot_manual = a.hot_manual, hot_reason = a.hot_reason, updated_at = a.updated_at, version = a.version
              from applied a
             where m.id = a.id
            """;

    /** Every pending state, waiting for the rows that steps in progress hold. */
    private static final String APPLY = """
            with applied as (delete from petition_matter_pending returning *)
            """ + WRITE_APPLIED;

    /** The pending states' table's size (pages) from which {@link #compactIfGrown} vacuums it. */
    static final int COMPACT_PAGES = 16;

    /** The states applied per transaction by the scheduled application. */
    static final int BATCH = 500;

    /** The settled states, at most {@value #BATCH}, whose rows no transaction holds. */
    private static final String APPLY_SETTLED = """
            with settled as (
                select id from petition_matter_pending
                 where updated_at <= now() - make_interval(secs => :settled)
                 order by id
                 limit :batch
                   for update skip locked
            ), applied as (
                delete from petition_matter_pending p using settled where p.id = settled.id returning p.*
            )
            """ + WRITE_APPLIED;

    private final JdbcClient jdbc;
    private final TransactionTemplate own;
    private final Duration settledAfter;
    /** The pending states' table's size (pages) after this instance last vacuumed it. */
    private volatile long compactedPages;
    /** How deep the current thread is in methods marked {@link ReadsMatters}: only the outermost applies. */
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    MatterStates(JdbcClient jdbc, PlatformTransactionManager transactions,
                 @Value("${danvan.petition.matter-states-settled-after:2000}") long settledAfterMillis) {
        this.jdbc = jdbc;
        this.settledAfter = Duration.ofMillis(settledAfterMillis);
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Writes every pending state committed before the call into its matter's row, in the current transaction (the
     * caller's), and returns how many. Waits for an application under way elsewhere to finish first.
     */
    int apply() {
        jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", LOCK).query((rs, i) -> 1).list();
        return jdbc.sql(APPLY).update();
    }

    /** Whether any matter has a pending state. */
    boolean anyPending() {
        return jdbc.sql("select exists (select 1 from petition_matter_pending)").query(Boolean.class).single();
    }

    /** Applies the pending states in a transaction of its own, committed on return; a deadlock is retried. */
    int applyNow() {
        for (int attempt = 1; ; attempt++) {
            try {
                var applied = own.execute(status -> apply());
                return applied == null ? 0 : applied;
            } catch (PessimisticLockingFailureException e) {
                if (attempt == 3) {
                    throw e;
                }
                log.info("Áp dụng trạng thái vụ việc: thử lại sau xung đột khóa ({})", e.getMessage());
            }
        }
    }

    /**
     * Applies the states with no step on their matter for {@code settled} or longer, except those whose rows a
     * transaction holds, in batches of {@value #BATCH} committed one by one; skips the round while another application
     * is under way. Returns how many were applied.
     */
    int applySettled(Duration settled) {
        int total = 0;
        for (;;) {
            Integer applied = own.execute(status -> {
                if (!jdbc.sql("select pg_try_advisory_xact_lock(:lock)").param("lock", LOCK).query(Boolean.class).single()) {
                    return -1;
                }
                return jdbc.sql(APPLY_SETTLED).param("settled", settled.toMillis() / 1000.0).param("batch", BATCH).update();
            });
            if (applied == null || applied < 0) {
                return total;
            }
            total += applied;
            if (applied < BATCH) {
                return total;
            }
        }
    }

    @Scheduled(fixedDelayString = "${danvan.petition.matter-states-every:1000}")
    void applyPending() {
        try {
            if (anyPending() && applySettled(settledAfter) > 0) {
                compactIfGrown();
            }
        } catch (RuntimeException e) {
            log.warn("Áp dụng trạng thái vụ việc thất bại, sẽ thử lại", e);
        }
    }

    /**
     * Vacuums the pending states' table, outside any transaction, when it has grown to more than {@value #COMPACT_PAGES}
     * pages and to twice its size after the last vacuum. Every step reads its matter's pending state by the matter's
     * id. While the table was a few pages, PostgreSQL planned that read as a sequential scan, and the plan stayed cached
     * while the table grew with the rows applied and deleted but not yet vacuumed: on a new database the read took 1 to
     * 1.5 ms instead of 0.05 ms until autovacuum came, a minute later (auto_explain,
     * bench/results/lifecycle-services-2026-12-02-s23.md). A vacuum lets new states reuse the space of those applied,
     * and the size it records has the statements planned again. Vacuuming after every application instead cost 10 %
     * of the lifecycles per second on a database past that first minute.
     */
    void compactIfGrown() {
        long pages = pages();
        if (pages > Math.max(COMPACT_PAGES, 2 * compactedPages)) {
            jdbc.sql("vacuum petition_matter_pending").update();
            compactedPages = pages();
        }
    }

    /** The pending states' table's size, in pages of 8 kB. */
    private long pages() {
        return jdbc.sql("select pg_relation_size('petition_matter_pending') / 8192").query(Long.class).single();
    }

    /** Before a reading of matters: see {@link MatterStates}. */
    void beforeReading() {
        if (!anyPending()) {
            return;
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            apply();
        } else {
            applyNow();
        }
    }

    Object around(MethodInvocation invocation) throws Throwable {
        var level = depth.get();
        if (level[0] == 0) {
            beforeReading();
        }
        level[0]++;
        try {
            return invocation.proceed();
        } finally {
            level[0]--;
        }
    }

    /** The advice on {@link ReadsMatters}, outside the transaction of the method it wraps. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor matterStatesFirst(ObjectProvider<MatterStates> states) {
        var pointcut = new ComposablePointcut(new AnnotationMatchingPointcut(ReadsMatters.class, true))
                .union(AnnotationMatchingPointcut.forMethodAnnotation(ReadsMatters.class));
        var advisor = new DefaultPointcutAdvisor(pointcut, (MethodInterceptor) invocation -> states.getObject().around(invocation));
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }
}
