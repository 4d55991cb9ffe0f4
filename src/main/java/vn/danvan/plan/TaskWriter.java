package vn.danvan.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.calendar.DayUnit;
import vn.danvan.calendar.WorkingCalendar;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.VietnameseText;

/**
 * Checks a task draft and writes it: one place for the rules every way of creating a task shares
 * (the task form, a plan, delegation, a conference's conclusion). Problems name their field with the
 * caller's prefix ("tasks[2].dueOn"). Runs inside the caller's transaction; the caller has checked scope.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class TaskWriter {

    static final int MAX_TITLE = 500;
    static final int MAX_NOTE = 4_000;
    static final int MAX_WORKING_DAYS = 3_650;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Where the task hangs: its plan (with the plan's start), its parent, its origin, and who assigns it. */
    record Placement(Long planId, LocalDate planStartsOn, Long parentId, LocalDate parentDueOn, String parentPath,
                     TaskOrigin origin, Integer originOrdinal, long assigningUnitId) {

        static Placement inPlan(long planId, LocalDate planStartsOn, long assigningUnitId) {
            return new Placement(planId, planStartsOn, null, null, null, null, null, assigningUnitId);
        }
    }

    /** A draft that passed its checks, with its deadline worked out. */
    record Checked(TaskDraft draft, LocalDate dueOn) {
    }

    private final JdbcClient jdbc;
    private final OrgUnits units;
    private final WorkingCalendar calendar;
    private final AuditTrail audit;
    private final Clock clock;

    TaskWriter(JdbcClient jdbc, OrgUnits units, WorkingCalendar calendar, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /** Adds the draft's problems, each field named {@code prefix + field}, to {@code problems}; returns the checked draft. */
    Checked check(TaskDraft d, Placement where, String prefix, List<Problem> problems) {
        var today = LocalDate.now(clock);
        var title = blankToNull(d.title());
        if (title == null) {
            problems.add(new Problem(prefix + "title", "validation.required"));
        } else if (title.length() > MAX_TITLE) {
            problems.add(new Problem(prefix + "title", "validation.too-long", MAX_TITLE));
        }
        if (d.responsibleUnitId() == null) {
            problems.add(new Problem(prefix + "responsibleUnitId", "validation.required"));
        } else {
            var unit = units.find(d.responsibleUnitId(), today);
            if (unit.isEmpty()) {
                problems.add(new Problem(prefix + "responsibleUnitId", "task.unit.unknown", d.responsibleUnitId()));
            } else if (where.parentPath() != null && !unit.get().path().startsWith(where.parentPath())) {
                problems.add(new Problem(prefix + "responsibleUnitId", "task.delegate.outside-subtree", unit.get().name()));
            }
        }
        var coordinators = d.coordinators();
        if (!coordinators.isEmpty()) {
            var found = units.findAll(coordinators, today);
            for (var id : coordinators) {
                if (!found.containsKey(id)) {
                    problems.add(new Problem(prefix + "coordinatingUnitIds", "task.unit.unknown", id));
                } else if (id.equals(d.responsibleUnitId())) {
                    problems.add(new Problem(prefix + "coordinatingUnitIds", "task.coordinator.is-responsible", found.get(id).name()));
                }
            }
        }
        LocalDate dueOn = d.dueOn();
        if (d.dueWorkingDays() != null) {
            if (d.dueWorkingDays() < 1 || d.dueWorkingDays() > MAX_WORKING_DAYS) {
                problems.add(new Problem(prefix + "dueWorkingDays", "task.working-days.range", 1, MAX_WORKING_DAYS));
                dueOn = null;
            } else if (d.startsOn() == null) {
                problems.add(new Problem(prefix + "startsOn", "task.starts-on.required-for-working-days"));
                dueOn = null;
            } else {
                dueOn = calendar.due(d.startsOn(), d.dueWorkingDays(), DayUnit.WORKING).due();
            }
        } else if (dueOn == null) {
            problems.add(new Problem(prefix + "dueOn", "validation.required"));
        }
        if (dueOn != null) {
            if (d.startsOn() != null && dueOn.isBefore(d.startsOn())) {
                problems.add(new Problem(prefix + "dueOn", "task.due-before-start", d.startsOn().format(DAY)));
            }
            if (where.planStartsOn() != null && dueOn.isBefore(where.planStartsOn())) {
                problems.add(new Problem(prefix + "dueOn", "task.due-before-plan", dueOn.format(DAY), where.planStartsOn().format(DAY)));
            }
            if (where.parentDueOn() != null && dueOn.isAfter(where.parentDueOn())) {
                problems.add(new Problem(prefix + "dueOn", "task.due-after-parent", where.parentDueOn().format(DAY)));
            }
        }
        if (d.note() != null && d.note().length() > MAX_NOTE) {
            problems.add(new Problem(prefix + "note", "validation.too-long", MAX_NOTE));
        }
        return new Checked(d, dueOn);
    }

    /** Checks one draft alone and throws its problems. */
    Checked checkAlone(TaskDraft d, Placement where) {
        var problems = new ArrayList<Problem>();
        var checked = check(d, where, "", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return checked;
    }

    /** Writes a checked draft and its audit record; returns the new task's id. */
    long insert(Checked c, Placement where, String username) {
        var d = c.draft();
        var title = VietnameseText.nfc(d.title().strip());
        var note = blankToNull(d.note());
        var id = jdbc.sql("""
                        insert into plan_task (plan_id, parent_id, origin_kind, origin_id, origin_ordinal, assigning_unit_id,
                                               responsible_unit_id, title, sort_title, note, starts_on, due_on, due_working_days,
                                               search_text, created_by)
                        values (:plan, :parent, :originKind, :originId, :ordinal, :assigning, :responsible, :title, :sortTitle,
                                :note, :startsOn, :dueOn, :workingDays, search_key(concat_ws(' ', cast(:title as text), cast(:note as text))), :by)
                        returning id""")
                .param("plan", where.planId()).param("parent", where.parentId())
                .param("originKind", where.origin() == null ? null : where.origin().kind())
                .param("originId", where.origin() == null ? null : where.origin().id())
                .param("ordinal", where.originOrdinal()).param("assigning", where.assigningUnitId())
                .param("responsible", d.responsibleUnitId()).param("title", title)
                .param("sortTitle", VietnameseText.withNewTonePlacement(title))
                .param("note", note == null ? null : VietnameseText.nfc(note)).param("startsOn", d.startsOn())
                .param("dueOn", c.dueOn()).param("workingDays", d.dueWorkingDays()).param("by", username)
                .query(Long.class).single();
        for (var unitId : d.coordinators()) {
            jdbc.sql("insert into plan_task_coordinator (task_id, unit_id) values (:t, :u)").param("t", id).param("u", unitId).update();
        }
        audit.record("plan.task-created", "plan_task", id, d.responsibleUnitId(), null,
                AuditTrail.fields("title", title, "responsibleUnitId", d.responsibleUnitId(), "coordinatingUnitIds", d.coordinators(),
                        "dueOn", c.dueOn(), "planId", where.planId(), "parentId", where.parentId(),
                        "origin", where.origin() == null ? null : where.origin().kind() + ":" + where.origin().id(),
                        "assigningUnitId", where.assigningUnitId()));
        return id;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
