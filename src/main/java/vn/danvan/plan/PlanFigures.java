package vn.danvan.plan;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.orgunit.OrgUnits;

/**
 * Figures of plans and tasks for reporting: counts for a unit's subtree (with the units that passed
 * into it in the 2025 reform) and a period. Callers check the user's scope on the unit; this class only
 * counts. Each count is traceable to the task and plan lists with the same filters.
 */
@Service
@Transactional(readOnly = true)
public class PlanFigures {

    /**
     * @param plansIssued      plans of the subtree's units starting within the period
     * @param tasksAssigned    tasks (not cancelled) of which a subtree unit is responsible, due within the period
     * @param tasksDone        of those, the ones done (done within the period or before)
     * @param tasksOverdue     of those, the ones overdue on {@code asOf}: due before it and not done by then
     * @param asOf             the day overdue is judged on
     */
    public record Figures(long unitId, LocalDate from, LocalDate to, long plansIssued, long tasksAssigned, long tasksDone,
                          long tasksOverdue, LocalDate asOf) {
    }

    /** How many assigned units of the subtree issued their implementing plan for a document, and how many were assigned. */
    public record ImplementationFigures(long documentId, long unitId, LocalDate from, LocalDate to, long assignedUnits,
                                        long implementingPlansIssued) {
    }

    private final JdbcClient jdbc;
    private final OrgUnits units;

    PlanFigures(JdbcClient jdbc, OrgUnits units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    /** Counts for the subtree of {@code unitId} over {@code from}–{@code to} (inclusive), overdue judged on {@code asOf}. */
    public Figures figures(long unitId, LocalDate from, LocalDate to, LocalDate asOf) {
        var ids = subtree(unitId);
        var plans = jdbc.sql("select count(*) from plan where unit_id = any(:ids) and starts_on between :from and :to")
                .param("ids", ids).param("from", from).param("to", to).query(Long.class).single();
        record Counts(long assigned, long done, long overdue) {
        }
        var c = jdbc.sql("""
                        select count(*) as assigned,
                               count(*) filter (where t.status = 'DONE') as done,
                               count(*) filter (where t.due_on < :asOf
                                                  and (t.status in ('NOT_STARTED', 'IN_PROGRESS')
                                                       or (t.status = 'DONE' and t.done_on >= :asOf))) as overdue
                        from plan_task t
                        where t.responsible_unit_id = any(:ids) and t.status <> 'CANCELLED' and t.due_on between :from and :to""")
                .param("ids", ids).param("from", from).param("to", to).param("asOf", asOf).query(Counts.class).single();
        return new Figures(unitId, from, to, plans, c.assigned(), c.done(), c.overdue(), asOf);
    }

    /** Implementing plans issued within the period by the subtree's units assigned {@code documentId}. */
    public ImplementationFigures implementation(long documentId, long unitId, LocalDate from, LocalDate to) {
        var ids = subtree(unitId);
        record Counts(long assigned, long issued) {
        }
        var c = jdbc.sql("""
                        select count(distinct u.unit_id) as assigned,
                               count(distinct u.unit_id) filter (where u.implemented_on between :from and :to) as issued
                        from plan_assignment_unit u join plan_assignment a on a.id = u.assignment_id
                        where a.document_id = :d and u.unit_id = any(:ids)""")
                .param("d", documentId).param("ids", ids).param("from", from).param("to", to).query(Counts.class).single();
        return new ImplementationFigures(documentId, unitId, from, to, c.assigned(), c.issued());
    }

    private Long[] subtree(long unitId) {
        List<Long> ids = units.idsWithin(units.scopePaths(unitId));
        return ids.toArray(Long[]::new);
    }
}
