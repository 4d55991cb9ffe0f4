package vn.danvan.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.calendar.WorkingCalendar;
import vn.danvan.document.DocumentQueries;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.plan.TaskViews.UnitRef;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.PageResult;

/**
 * The implementation matrix of an assignment: every assigned unit, whether and when it issued its
 * implementing plan, its latest progress report and how late it is; units that have not acted come
 * first. A unit abolished in the 2025 reform shows the units that carry its work today. Read by users
 * who may read the assigning unit or one of the assigned units (a province sees where it stands among
 * the others assigned the same directive); each unit answers only for itself.
 */
@Service
@Transactional(readOnly = true)
class ImplementationMatrix {

    record AssignmentView(long id, long documentId, String documentIdentifier, String documentSubject, UnitRef assigningUnit,
                          LocalDate assignedOn, LocalDate dueOn, boolean lateInWorkingDays, String target, UnitRef targetUnit, String note,
                          long unitCount, long actedCount, boolean canAssign) {
    }

    record MatrixRow(long id, UnitRef unit, boolean validToday, List<UnitRef> carriedBy, Long implementingDocumentId,
                     String implementingIdentifier, LocalDate implementedOn, LocalDate latestReportOn, String latestReportText,
                     int daysLate, boolean canAnswer) {
    }

    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final OrgUnits units;
    private final DocumentQueries documents;
    private final WorkingCalendar calendar;
    private final Clock clock;

    ImplementationMatrix(JdbcClient jdbc, OrgScope scope, OrgUnits units, DocumentQueries documents, WorkingCalendar calendar,
                         Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.units = units;
        this.documents = documents;
        this.calendar = calendar;
        this.clock = clock;
    }

    private record Head(long id, long documentId, long assigningUnitId, LocalDate assignedOn, LocalDate dueOn, boolean lateInWorkingDays,
                        String target, Long targetUnitId, String note, long unitCount, long actedCount) {
    }

    private static final String HEAD = """
            select a.id, a.document_id, a.assigning_unit_id, a.assigned_on, a.due_on, a.late_in_working_days, a.target,
                   a.target_unit_id, a.note,
                   (select count(*) from plan_assignment_unit u where u.assignment_id = a.id) as unit_count,
                   (select count(*) from plan_assignment_unit u where u.assignment_id = a.id
                            and u.implementing_document_id is not null) as acted_count
            from plan_assignment a
            """;

    AssignmentView assignment(long id, CurrentUser user) {
        var h = jdbc.sql(HEAD + " where a.id = :id").param("id", id).query(Head.class).optional()
                .orElseThrow(() -> new NotFoundException("assignment", id));
        if (!visible(h, user)) {
            throw new NotFoundException("assignment", id);
        }
        return view(h, user);
    }

    /** The assignments of a document the user may read, newest first. */
    List<AssignmentView> ofDocument(long documentId, CurrentUser user) {
        return jdbc.sql(HEAD + " where a.document_id = :d order by a.assigned_on desc, a.id desc").param("d", documentId)
                .query(Head.class).list().stream()
                .filter(h -> visible(h, user))
                .map(h -> view(h, user)).toList();
    }

    private boolean visible(Head h, CurrentUser user) {
        if (scope.canRead(user, h.assigningUnitId())) {
            return true;
        }
        var readable = scope.readableUnitIds(user);
        return readable != null && jdbc.sql("""
                        select exists (select 1 from plan_assignment_unit where assignment_id = :a and unit_id = any(:units))""")
                .param("a", h.id()).param("units", readable.toArray(Long[]::new)).query(Boolean.class).single();
    }

    private AssignmentView view(Head h, CurrentUser user) {
        var today = LocalDate.now(clock);
        var heading = documents.heading(h.documentId()).orElseThrow(() -> new NotFoundException("document", h.documentId()));
        return new AssignmentView(h.id(), h.documentId(), heading.identifier(), heading.subject(), ref(h.assigningUnitId(), today),
                h.assignedOn(), h.dueOn(), h.lateInWorkingDays(), h.target(), h.targetUnitId() == null ? null : ref(h.targetUnitId(), h.assignedOn()),
                h.note(), h.unitCount(), h.actedCount(), scope.canWrite(user, h.assigningUnitId()));
    }

    /** One page of the matrix: not acted first, then by unit name in Vietnamese order. */
    PageResult<MatrixRow> matrix(long assignmentId, boolean onlyNotActed, int page, int size, CurrentUser user) {
        var a = assignment(assignmentId, user);
        var today = LocalDate.now(clock);
        var total = jdbc.sql("""
                        select count(*) from plan_assignment_unit
                        where assignment_id = :a and (not cast(:only as boolean) or implementing_document_id is null)""")
                .param("a", assignmentId).param("only", onlyNotActed).query(Long.class).single();
        record Row(long id, long unitId, String unitCode, String unitName, Long implementingDocumentId, LocalDate implementedOn,
                   LocalDate latestReportOn, String latestReportText) {
        }
        var rows = jdbc.sql("""
                        select id, unit_id, unit_code, unit_name, implementing_document_id, implemented_on, latest_report_on,
                               latest_report_text
                        from plan_assignment_unit
                        where assignment_id = :a and (not cast(:only as boolean) or implementing_document_id is null)
                        order by (implementing_document_id is not null), unit_sort_name, id
                        limit :limit offset :offset""")
                .param("a", assignmentId).param("only", onlyNotActed).param("limit", size).param("offset", (long) page * size)
                .query(Row.class).list();
        var current = units.findAll(rows.stream().map(Row::unitId).toList(), today);
        var identifiers = documents.identifiersOf(rows.stream().map(Row::implementingDocumentId).filter(java.util.Objects::nonNull).toList());
        var content = rows.stream().map(r -> {
            var unit = current.get(r.unitId());
            var valid = unit != null && unit.validOn(today);
            List<UnitRef> carriers = valid ? List.of()
                    : units.carriersOn(r.unitId(), today).stream().map(ImplementationMatrix::ref).toList();
            var late = TaskRules.daysLate(a.dueOn(), r.implementedOn(), today, a.lateInWorkingDays(), calendar::workingDaysBetween);
            return new MatrixRow(r.id(), new UnitRef(r.unitId(), r.unitCode(), r.unitName()), valid, carriers, r.implementingDocumentId(),
                    r.implementingDocumentId() == null ? null : identifiers.get(r.implementingDocumentId()),
                    r.implementedOn(), r.latestReportOn(), r.latestReportText(), late, scope.canWrite(user, r.unitId()));
        }).toList();
        return new PageResult<>(content, total, page, size);
    }

    private UnitRef ref(long id, LocalDate on) {
        return units.find(id, on).map(ImplementationMatrix::ref).orElse(new UnitRef(id, null, null));
    }

    private static UnitRef ref(OrgUnit u) {
        return new UnitRef(u.id(), u.code(), u.name());
    }
}
