package vn.danvan.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.document.DocumentQueries;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.VietnameseText;

/**
 * Coordination programmes (chương trình phối hợp) between bodies: the programme with its parties,
 * signatories and content items; yearly joint plans and their activities; review results per content
 * item (a conference of module {@code meeting} may be named by id); renewal by a successor programme.
 * The owner unit's writers change a programme. {@link #recordReview} is public for {@code meeting}.
 */
@Service
@Transactional
public class CoordinationProgrammes {

    /** A body taking part: a unit (optional) and its name of the time. */
    public record Party(Long unitId, String name) {
    }

    /** Who signed, with title and body, as text. */
    public record Signatory(String name, String title, String body) {
    }

    /** A content item (area of coordination). */
    public record ContentItem(String title, String description) {
    }

    record ProgrammeDraft(Long documentId, Long ownerUnitId, String title, Integer fromYear, Integer toYear, List<Party> parties,
                          List<Signatory> signatories, List<ContentItem> items) {
    }

    record ActivityDraft(String title, Long ownerUnitId, LocalDate dueOn) {
    }

    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final OrgUnits units;
    private final DocumentQueries documents;
    private final AuditTrail audit;
    private final Clock clock;

    CoordinationProgrammes(JdbcClient jdbc, OrgScope scope, OrgUnits units, DocumentQueries documents, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.units = units;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    long create(ProgrammeDraft d, CurrentUser user) {
        var problems = new ArrayList<Problem>();
        var title = TaskWriter.blankToNull(d.title());
        if (title == null) {
            problems.add(new Problem("title", "validation.required"));
        } else if (title.length() > PlanManagement.MAX_TITLE) {
            problems.add(new Problem("title", "validation.too-long", PlanManagement.MAX_TITLE));
        }
        if (d.ownerUnitId() == null) {
            problems.add(new Problem("ownerUnitId", "validation.required"));
        }
        if (d.fromYear() == null) {
            problems.add(new Problem("fromYear", "validation.required"));
        }
        if (d.toYear() == null) {
            problems.add(new Problem("toYear", "validation.required"));
        } else if (d.fromYear() != null && d.toYear() < d.fromYear()) {
            problems.add(new Problem("toYear", "programme.to-before-from", d.fromYear()));
        }
        if (d.documentId() != null && documents.identifierOf(d.documentId()).isEmpty()) {
            problems.add(new Problem("documentId", "task.document.unknown", d.documentId()));
        }
        var parties = d.parties() == null ? List.<Party>of()
                : d.parties().stream().filter(p -> p != null && TaskWriter.blankToNull(p.name()) != null).toList();
        if (parties.size() < 2) {
            problems.add(new Problem("parties", "programme.parties.two"));
        }
        var signatories = d.signatories() == null ? List.<Signatory>of()
                : d.signatories().stream().filter(s -> s != null && TaskWriter.blankToNull(s.name()) != null).toList();
        for (int i = 0; i < signatories.size(); i++) {
            var s = signatories.get(i);
            if (TaskWriter.blankToNull(s.title()) == null) {
                problems.add(new Problem("signatories[" + i + "].title", "validation.required"));
            }
            if (TaskWriter.blankToNull(s.body()) == null) {
                problems.add(new Problem("signatories[" + i + "].body", "validation.required"));
            }
        }
        var items = d.items() == null ? List.<ContentItem>of()
                : d.items().stream().filter(c -> c != null && TaskWriter.blankToNull(c.title()) != null).toList();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        scope.requireWrite(user, d.ownerUnitId(), "unit", d.ownerUnitId());
        var id = jdbc.sql("""
                        insert into plan_programme (document_id, owner_unit_id, title, sort_title, from_year, to_year, created_by)
                        values (:document, :owner, :title, :sortTitle, :from, :to, :by) returning id""")
                .param("document", d.documentId()).param("owner", d.ownerUnitId()).param("title", VietnameseText.nfc(title))
                .param("sortTitle", VietnameseText.withNewTonePlacement(title)).param("from", d.fromYear()).param("to", d.toYear())
                .param("by", user.username()).query(Long.class).single();
        for (int i = 0; i < parties.size(); i++) {
            jdbc.sql("insert into plan_programme_party (programme_id, ordinal, unit_id, name) values (:p, :o, :u, :n)")
                    .param("p", id).param("o", i).param("u", parties.get(i).unitId())
                    .param("n", VietnameseText.nfc(parties.get(i).name().strip())).update();
        }
        for (int i = 0; i < signatories.size(); i++) {
            var s = signatories.get(i);
            jdbc.sql("insert into plan_programme_signatory (programme_id, ordinal, name, title, body) values (:p, :o, :n, :t, :b)")
                    .param("p", id).param("o", i).param("n", VietnameseText.nfc(s.name().strip()))
                    .param("t", VietnameseText.nfc(s.title().strip())).param("b", VietnameseText.nfc(s.body().strip())).update();
        }
        for (int i = 0; i < items.size(); i++) {
            addItem(id, i, items.get(i));
        }
        audit.record("plan.programme-created", "plan_programme", id, d.ownerUnitId(), null,
                AuditTrail.fields("title", title, "fromYear", d.fromYear(), "toYear", d.toYear(), "documentId", d.documentId(),
                        "parties", parties.stream().map(Party::name).toList(), "items", items.size()));
        return id;
    }

    /** Adds a content item at the end of the programme's list. */
    long addContentItem(long programmeId, ContentItem item, CurrentUser user) {
        var owner = owner(programmeId, user);
        var problems = new ArrayList<Problem>();
        var title = TaskWriter.blankToNull(item == null ? null : item.title());
        if (title == null) {
            problems.add(new Problem("title", "validation.required"));
        } else if (title.length() > PlanManagement.MAX_TITLE) {
            problems.add(new Problem("title", "validation.too-long", PlanManagement.MAX_TITLE));
        }
        if (item != null && item.description() != null && item.description().strip().length() > TaskWriter.MAX_NOTE) {
            problems.add(new Problem("description", "validation.too-long", TaskWriter.MAX_NOTE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var ordinal = jdbc.sql("select coalesce(max(ordinal), -1) + 1 from plan_programme_item where programme_id = :p")
                .param("p", programmeId).query(Integer.class).single();
        var id = addItem(programmeId, ordinal, item);
        audit.record("plan.programme-item-added", "plan_programme", programmeId, owner, null,
                AuditTrail.fields("itemId", id, "title", title, "description", item.description()));
        return id;
    }

    private long addItem(long programmeId, int ordinal, ContentItem item) {
        return jdbc.sql("insert into plan_programme_item (programme_id, ordinal, title, description) values (:p, :o, :t, :d) returning id")
                .param("p", programmeId).param("o", ordinal).param("t", VietnameseText.nfc(item.title().strip()))
                .param("d", item.description() == null || item.description().isBlank() ? null : VietnameseText.nfc(item.description().strip()))
                .query(Long.class).single();
    }

    /** Records that {@code successorId} renews {@code programmeId} (the next period's programme). */
    void renew(long programmeId, long successorId, CurrentUser user) {
        var old = owner(programmeId, user);
        owner(successorId, user);
        if (programmeId == successorId) {
            throw new InvalidInputException("successorId", "programme.renew.self");
        }
        record Years(int fromYear, int toYear) {
        }
        var a = jdbc.sql("select from_year, to_year from plan_programme where id = :id").param("id", programmeId).query(Years.class).single();
        var b = jdbc.sql("select from_year, to_year from plan_programme where id = :id").param("id", successorId).query(Years.class).single();
        if (b.fromYear() < a.toYear()) {
            throw new InvalidInputException("successorId", "programme.renew.earlier", a.toYear());
        }
        var taken = jdbc.sql("select count(*) from plan_programme where predecessor_id = :p and id <> :s")
                .param("p", programmeId).param("s", successorId).query(Long.class).single();
        if (taken > 0) {
            throw new InvalidInputException("successorId", "programme.renew.taken");
        }
        jdbc.sql("update plan_programme set predecessor_id = :p, version = version + 1, updated_at = now() where id = :s")
                .param("p", programmeId).param("s", successorId).update();
        audit.record("plan.programme-renewed", "plan_programme", programmeId, old, null, AuditTrail.fields("successorId", successorId));
    }

    /** Adds a yearly joint plan (kế hoạch phối hợp năm), optionally linked to its registered document. */
    long addJointPlan(long programmeId, int year, String title, Long documentId, CurrentUser user) {
        var owner = owner(programmeId, user);
        record Years(int fromYear, int toYear) {
        }
        var y = jdbc.sql("select from_year, to_year from plan_programme where id = :id").param("id", programmeId).query(Years.class).single();
        var problems = new ArrayList<Problem>();
        if (year < y.fromYear() || year > y.toYear()) {
            problems.add(new Problem("year", "programme.year.outside", y.fromYear(), y.toYear()));
        }
        var clean = TaskWriter.blankToNull(title);
        if (clean == null) {
            problems.add(new Problem("title", "validation.required"));
        }
        if (documentId != null && documents.identifierOf(documentId).isEmpty()) {
            problems.add(new Problem("documentId", "task.document.unknown", documentId));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var id = jdbc.sql("""
                        insert into plan_programme_joint_plan (programme_id, plan_year, title, document_id, created_by)
                        values (:p, :y, :t, :d, :by) returning id""")
                .param("p", programmeId).param("y", year).param("t", VietnameseText.nfc(clean)).param("d", documentId)
                .param("by", user.username()).query(Long.class).single();
        audit.record("plan.programme-joint-plan-added", "plan_programme", programmeId, owner, null,
                AuditTrail.fields("jointPlanId", id, "year", year, "title", clean, "documentId", documentId));
        return id;
    }

    /** Adds an activity (owner unit, deadline) to a yearly joint plan. */
    long addActivity(long jointPlanId, ActivityDraft a, CurrentUser user) {
        var programmeId = jdbc.sql("select programme_id from plan_programme_joint_plan where id = :id").param("id", jointPlanId)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("programme", jointPlanId));
        var owner = owner(programmeId, user);
        var problems = new ArrayList<Problem>();
        var title = TaskWriter.blankToNull(a.title());
        if (title == null) {
            problems.add(new Problem("title", "validation.required"));
        }
        if (a.ownerUnitId() == null) {
            problems.add(new Problem("ownerUnitId", "validation.required"));
        } else if (units.find(a.ownerUnitId(), LocalDate.now(clock)).isEmpty()) {
            problems.add(new Problem("ownerUnitId", "task.unit.unknown", a.ownerUnitId()));
        }
        if (a.dueOn() == null) {
            problems.add(new Problem("dueOn", "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var id = jdbc.sql("""
                        insert into plan_programme_activity (joint_plan_id, ordinal, title, owner_unit_id, due_on)
                        values (:j, (select coalesce(max(ordinal), -1) + 1 from plan_programme_activity where joint_plan_id = :j),
                                :t, :o, :d) returning id""")
                .param("j", jointPlanId).param("t", VietnameseText.nfc(title)).param("o", a.ownerUnitId()).param("d", a.dueOn())
                .query(Long.class).single();
        audit.record("plan.programme-activity-added", "plan_programme", programmeId, owner, null,
                AuditTrail.fields("activityId", id, "title", title, "ownerUnitId", a.ownerUnitId(), "dueOn", a.dueOn()));
        return id;
    }

    /** Sets an activity's status (NOT_STARTED, IN_PROGRESS, DONE, CANCELLED); OVERDUE is derived and refused. */
    void setActivityStatus(long activityId, TaskStatus status, CurrentUser user) {
        record Row(long programmeId, String status) {
        }
        var row = jdbc.sql("""
                        select j.programme_id, a.status from plan_programme_activity a
                        join plan_programme_joint_plan j on j.id = a.joint_plan_id where a.id = :id""")
                .param("id", activityId).query(Row.class).optional().orElseThrow(() -> new NotFoundException("programme", activityId));
        var owner = owner(row.programmeId(), user);
        if (status == null || status == TaskStatus.OVERDUE) {
            throw new InvalidInputException("status", "validation.bad-value", String.valueOf(status));
        }
        jdbc.sql("update plan_programme_activity set status = :s, version = version + 1 where id = :id")
                .param("s", status.name()).param("id", activityId).update();
        audit.record("plan.programme-activity-status", "plan_programme", row.programmeId(), owner,
                AuditTrail.fields("activityId", activityId, "status", row.status()), AuditTrail.fields("activityId", activityId, "status", status));
    }

    /**
     * Records the result of reviewing a content item, at the conference {@code meetingId} of module meeting
     * when given (kept as a plain reference). The user must be able to write for the programme's owner unit.
     *
     * @return the review's id
     * @throws InvalidInputException naming "result" or "reviewedOn"
     * @throws NotFoundException when the item does not exist or is outside the user's scope
     */
    public long recordReview(long itemId, LocalDate reviewedOn, String result, Long meetingId, CurrentUser user) {
        var programmeId = jdbc.sql("select programme_id from plan_programme_item where id = :id").param("id", itemId)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("programme", itemId));
        var owner = owner(programmeId, user);
        var problems = new ArrayList<Problem>();
        var clean = TaskWriter.blankToNull(result);
        if (clean == null) {
            problems.add(new Problem("result", "validation.required"));
        } else if (clean.length() > TaskWriter.MAX_NOTE) {
            problems.add(new Problem("result", "validation.too-long", TaskWriter.MAX_NOTE));
        }
        if (reviewedOn == null) {
            problems.add(new Problem("reviewedOn", "validation.required"));
        } else if (reviewedOn.isAfter(LocalDate.now(clock))) {
            problems.add(new Problem("reviewedOn", "task.progress.future"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var id = jdbc.sql("""
                        insert into plan_programme_review (item_id, reviewed_on, result, meeting_id, created_by)
                        values (:i, :on, :r, :m, :by) returning id""")
                .param("i", itemId).param("on", reviewedOn).param("r", VietnameseText.nfc(clean)).param("m", meetingId)
                .param("by", user.username()).query(Long.class).single();
        audit.record("plan.programme-reviewed", "plan_programme", programmeId, owner, null,
                AuditTrail.fields("itemId", itemId, "reviewedOn", reviewedOn, "result", clean, "meetingId", meetingId));
        return id;
    }

    /** The owner unit of a programme the user may change. */
    private long owner(long programmeId, CurrentUser user) {
        var owner = jdbc.sql("select owner_unit_id from plan_programme where id = :id").param("id", programmeId).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundException("programme", programmeId));
        scope.requireWrite(user, owner, "programme", programmeId);
        return owner;
    }
}
