package vn.danvan.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.document.DocumentQueries;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.orgunit.UnitCategory;
import vn.danvan.orgunit.UnitKind;
import vn.danvan.orgunit.UnitLevel;
import vn.danvan.orgunit.UnitQuery;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.VietnameseText;

/**
 * Assigning a document for implementation (giao triển khai) to a set of units, and each unit's answer:
 * its implementing document (its plan, registered in the document registry) and its progress reports.
 * The assigning unit's writers assign; an assigned unit's writers answer for it.
 */
@Service
@Transactional
class ImplementationTracking {

    /** How the assigned units are chosen. */
    enum Target { UNITS, PROVINCES, COMMUNES_OF, FRONT_AND_MASS_OF }

    /** The Front and the mass organisations (Mặt trận và các đoàn thể chính trị – xã hội). */
    static final Set<UnitKind> FRONT_AND_MASS = EnumSet.of(UnitKind.FATHERLAND_FRONT, UnitKind.WOMENS_UNION, UnitKind.FARMERS_UNION,
            UnitKind.YOUTH_UNION, UnitKind.VETERANS_ASSOCIATION, UnitKind.LABOUR_CONFEDERATION);

    record AssignmentDraft(Long documentId, Long assigningUnitId, LocalDate assignedOn, LocalDate dueOn, Boolean lateInWorkingDays,
                           Target target, Long targetUnitId, List<Long> unitIds, String note) {
    }

    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final OrgUnits units;
    private final DocumentQueries documents;
    private final AuditTrail audit;
    private final Clock clock;

    ImplementationTracking(JdbcClient jdbc, OrgScope scope, OrgUnits units, DocumentQueries documents, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.units = units;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Assigns a document to the chosen units, named as on the assignment day.
     *
     * @return the assignment's id
     */
    long assign(AssignmentDraft d, CurrentUser user) {
        var today = LocalDate.now(clock);
        var problems = new ArrayList<Problem>();
        if (d.documentId() == null) {
            problems.add(new Problem("documentId", "validation.required"));
        } else if (documents.identifierOf(d.documentId()).isEmpty()) {
            problems.add(new Problem("documentId", "task.document.unknown", d.documentId()));
        }
        if (d.assigningUnitId() == null) {
            problems.add(new Problem("assigningUnitId", "validation.required"));
        }
        var assignedOn = d.assignedOn() != null ? d.assignedOn() : today;
        if (assignedOn.isAfter(today)) {
            problems.add(new Problem("assignedOn", "assignment.assigned-on.future"));
        }
        if (d.dueOn() == null) {
            problems.add(new Problem("dueOn", "validation.required"));
        } else if (d.dueOn().isBefore(assignedOn)) {
            problems.add(new Problem("dueOn", "assignment.due-before-assigned", assignedOn.format(TaskWriter.DAY)));
        }
        if (d.target() == null) {
            problems.add(new Problem("target", "validation.required"));
        }
        if (d.note() != null && d.note().length() > TaskWriter.MAX_NOTE) {
            problems.add(new Problem("note", "validation.too-long", TaskWriter.MAX_NOTE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        scope.requireWrite(user, d.assigningUnitId(), "unit", d.assigningUnitId());
        var chosen = chosenUnits(d, assignedOn);
        var id = jdbc.sql("""
                        insert into plan_assignment (document_id, assigning_unit_id, assigned_on, due_on, late_in_working_days, target,
                                                     target_unit_id, note, created_by)
                        values (:document, :assigning, :assignedOn, :dueOn, :working, :target, :targetUnit, :note, :by)
                        returning id""")
                .param("document", d.documentId()).param("assigning", d.assigningUnitId()).param("assignedOn", assignedOn)
                .param("dueOn", d.dueOn()).param("working", Boolean.TRUE.equals(d.lateInWorkingDays()))
                .param("target", d.target().name()).param("targetUnit", d.target() == Target.UNITS ? null : d.targetUnitId())
                .param("note", TaskWriter.blankToNull(d.note())).param("by", user.username())
                .query(Long.class).single();
        for (var unit : chosen) {
            jdbc.sql("""
                            insert into plan_assignment_unit (assignment_id, unit_id, unit_code, unit_name, unit_sort_name)
                            values (:a, :u, :code, :name, :sortName)""")
                    .param("a", id).param("u", unit.id()).param("code", unit.code()).param("name", unit.name())
                    .param("sortName", VietnameseText.withNewTonePlacement(unit.name())).update();
        }
        audit.record("plan.assignment-created", "plan_assignment", id, d.assigningUnitId(), null,
                AuditTrail.fields("documentId", d.documentId(), "target", d.target(), "targetUnitId", d.targetUnitId(),
                        "units", chosen.size(), "assignedOn", assignedOn, "dueOn", d.dueOn()));
        return id;
    }

    private List<OrgUnit> chosenUnits(AssignmentDraft d, LocalDate on) {
        var found = new LinkedHashMap<Long, OrgUnit>();
        switch (d.target()) {
            case UNITS -> {
                if (d.unitIds() == null || d.unitIds().isEmpty()) {
                    throw new InvalidInputException("unitIds", "assignment.units.required");
                }
                var named = units.findAll(d.unitIds(), on);
                for (var unitId : d.unitIds()) {
                    if (!named.containsKey(unitId)) {
                        throw new InvalidInputException("unitIds", "task.unit.unknown", unitId);
                    }
                    found.put(unitId, named.get(unitId));
                }
            }
            case PROVINCES -> units.list(new UnitQuery(UnitLevel.PROVINCE, null, UnitCategory.AREA, on, null, null), 0, 500).content()
                    .forEach(u -> found.put(u.id(), u));
            case COMMUNES_OF, FRONT_AND_MASS_OF -> {
                var province = d.targetUnitId() == null ? null : units.find(d.targetUnitId(), on).orElse(null);
                if (province == null || province.level() != UnitLevel.PROVINCE || province.category() != UnitCategory.AREA) {
                    throw new InvalidInputException("targetUnitId", "assignment.target.province");
                }
                if (d.target() == Target.COMMUNES_OF) {
                    units.subtree(province.id(), on).stream()
                            .filter(u -> u.level() == UnitLevel.COMMUNE && u.category() == UnitCategory.AREA)
                            .forEach(u -> found.put(u.id(), u));
                } else {
                    units.children(province.id(), on).stream().filter(u -> FRONT_AND_MASS.contains(u.kind()))
                            .forEach(u -> found.put(u.id(), u));
                }
            }
        }
        if (found.isEmpty()) {
            throw new InvalidInputException("target", "assignment.units.none");
        }
        return List.copyOf(found.values());
    }

    /** Links the unit's implementing document (its plan); the document's date is its date of action. */
    void linkImplementingDocument(long assignmentUnitId, long documentId, CurrentUser user) {
        var row = loadForUnit(assignmentUnitId, user);
        var document = documents.detail(documentId, user);
        jdbc.sql("""
                        update plan_assignment_unit set implementing_document_id = :d, implemented_on = :on, version = version + 1
                        where id = :id""")
                .param("d", documentId).param("on", document.issuedOn() != null ? document.issuedOn() : LocalDate.now(clock))
                .param("id", assignmentUnitId).update();
        audit.record("plan.assignment-implemented", "plan_assignment_unit", assignmentUnitId, row.unitId(),
                AuditTrail.fields("documentId", row.implementingDocumentId()),
                AuditTrail.fields("documentId", documentId, "identifier", document.identifier(), "issuedOn", document.issuedOn()));
    }

    /** Files a progress report for an assigned unit. */
    long report(long assignmentUnitId, LocalDate reportedOn, String text, Long documentId, CurrentUser user) {
        var row = loadForUnit(assignmentUnitId, user);
        var today = LocalDate.now(clock);
        var on = reportedOn != null ? reportedOn : today;
        var problems = new ArrayList<Problem>();
        if (on.isAfter(today)) {
            problems.add(new Problem("reportedOn", "task.progress.future"));
        }
        var clean = TaskWriter.blankToNull(text);
        if (clean == null) {
            problems.add(new Problem("text", "validation.required"));
        } else if (clean.length() > TaskWriter.MAX_NOTE) {
            problems.add(new Problem("text", "validation.too-long", TaskWriter.MAX_NOTE));
        }
        if (documentId != null && documents.identifierOf(documentId).isEmpty()) {
            problems.add(new Problem("documentId", "task.document.unknown", documentId));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var id = jdbc.sql("""
                        insert into plan_assignment_report (assignment_unit_id, reported_on, text, document_id, created_by)
                        values (:u, :on, :text, :d, :by) returning id""")
                .param("u", assignmentUnitId).param("on", on).param("text", VietnameseText.nfc(clean)).param("d", documentId)
                .param("by", user.username()).query(Long.class).single();
        jdbc.sql("""
                        update plan_assignment_unit set latest_report_on = :on, latest_report_text = :text, version = version + 1
                        where id = :id and (latest_report_on is null or latest_report_on <= :on)""")
                .param("on", on).param("text", VietnameseText.nfc(clean)).param("id", assignmentUnitId).update();
        audit.record("plan.assignment-reported", "plan_assignment_unit", assignmentUnitId, row.unitId(), null,
                AuditTrail.fields("reportedOn", on, "text", clean, "documentId", documentId));
        return id;
    }

    record UnitRow(long id, long assignmentId, long unitId, Long implementingDocumentId) {
    }

    private UnitRow loadForUnit(long assignmentUnitId, CurrentUser user) {
        var row = jdbc.sql("select id, assignment_id, unit_id, implementing_document_id from plan_assignment_unit where id = :id")
                .param("id", assignmentUnitId).query(UnitRow.class).optional()
                .orElseThrow(() -> new NotFoundException("assignment", assignmentUnitId));
        scope.requireWrite(user, row.unitId(), "assignment", assignmentUnitId);
        return row;
    }
}
