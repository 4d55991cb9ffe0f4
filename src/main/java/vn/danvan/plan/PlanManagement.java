package vn.danvan.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.document.DocumentQueries;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.plan.PlanDraft.PlanKind;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.VietnameseText;

/** Creating and changing plans; the plan's unit's writers may (outside scope: not found). Every write audited. */
@Service
@Transactional
class PlanManagement {

    static final int MAX_TITLE = 500;

    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final DocumentQueries documents;
    private final AuditTrail audit;

    PlanManagement(JdbcClient jdbc, OrgScope scope, DocumentQueries documents, AuditTrail audit) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.documents = documents;
        this.audit = audit;
    }

    long create(PlanDraft draft, CurrentUser user) {
        var d = check(draft, null);
        scope.requireWrite(user, d.unitId(), "unit", d.unitId());
        var id = jdbc.sql("""
                        insert into plan (unit_id, kind, plan_year, title, sort_title, theme, starts_on, ends_on, document_id,
                                          implements_document_id, implements_programme_id, search_text, created_by)
                        values (:unit, :kind, :year, :title, :sortTitle, :theme, :startsOn, :endsOn, :document, :implementsDocument,
                                :implementsProgramme, search_key(concat_ws(' ', cast(:title as text), cast(:theme as text))), :by)
                        returning id""")
                .params(params(d)).param("by", user.username()).query(Long.class).single();
        audit.record("plan.created", "plan", id, d.unitId(), null, fields(d));
        return id;
    }

    void update(long planId, PlanDraft draft, int version, CurrentUser user) {
        record Row(long unitId, String title, LocalDate startsOn, LocalDate endsOn) {
        }
        var before = jdbc.sql("select unit_id, title, starts_on, ends_on from plan where id = :id").param("id", planId)
                .query(Row.class).optional().orElseThrow(() -> new NotFoundException("plan", planId));
        scope.requireWrite(user, before.unitId(), "plan", planId);
        var d = check(draft, planId);
        scope.requireWrite(user, d.unitId(), "unit", d.unitId());
        var p = params(d);
        p.put("id", planId);
        p.put("version", version);
        var updated = jdbc.sql("""
                        update plan set unit_id = :unit, kind = :kind, plan_year = :year, title = :title, sort_title = :sortTitle,
                               theme = :theme, starts_on = :startsOn, ends_on = :endsOn, document_id = :document,
                               implements_document_id = :implementsDocument, implements_programme_id = :implementsProgramme,
                               search_text = search_key(concat_ws(' ', cast(:title as text), cast(:theme as text))),
                               version = version + 1, updated_at = now()
                        where id = :id and version = :version""")
                .params(p).update();
        if (updated == 0) {
            throw new ConflictException("plan", before.title());
        }
        audit.record("plan.updated", "plan", planId, d.unitId(),
                AuditTrail.fields("title", before.title(), "startsOn", before.startsOn(), "endsOn", before.endsOn()), fields(d));
    }

    private PlanDraft check(PlanDraft in, Long planId) {
        var problems = new ArrayList<Problem>();
        if (in.unitId() == null) {
            problems.add(new Problem("unitId", "validation.required"));
        }
        if (in.kind() == null) {
            problems.add(new Problem("kind", "validation.required"));
        }
        var title = TaskWriter.blankToNull(in.title());
        if (title == null) {
            problems.add(new Problem("title", "validation.required"));
        } else if (title.length() > MAX_TITLE) {
            problems.add(new Problem("title", "validation.too-long", MAX_TITLE));
        }
        var theme = TaskWriter.blankToNull(in.theme());
        if (theme != null && theme.length() > MAX_TITLE) {
            problems.add(new Problem("theme", "validation.too-long", MAX_TITLE));
        }
        var startsOn = in.startsOn();
        var endsOn = in.endsOn();
        if (in.kind() == PlanKind.YEARLY) {
            if (in.year() == null) {
                problems.add(new Problem("year", "validation.required"));
            } else if (in.year() < 1945 || in.year() > 2100) {
                problems.add(new Problem("year", "plan.year.range"));
            } else {
                startsOn = startsOn != null ? startsOn : LocalDate.of(in.year(), 1, 1);
                endsOn = endsOn != null ? endsOn : LocalDate.of(in.year(), 12, 31);
            }
        }
        if (in.kind() == PlanKind.IMPLEMENTING && in.implementsDocumentId() == null && in.implementsProgrammeId() == null) {
            problems.add(new Problem("implementsDocumentId", "plan.implements.required"));
        }
        if (startsOn == null && in.kind() != PlanKind.YEARLY) {
            problems.add(new Problem("startsOn", "validation.required"));
        }
        if (endsOn == null && in.kind() != PlanKind.YEARLY) {
            problems.add(new Problem("endsOn", "validation.required"));
        }
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            problems.add(new Problem("endsOn", "plan.ends-before-start", startsOn.format(TaskWriter.DAY)));
        }
        for (var ref : Map.of("documentId", in.documentId() == null ? -1L : in.documentId(),
                "implementsDocumentId", in.implementsDocumentId() == null ? -1L : in.implementsDocumentId()).entrySet()) {
            if (ref.getValue() >= 0 && documents.identifierOf(ref.getValue()).isEmpty()) {
                problems.add(new Problem(ref.getKey(), "task.document.unknown", ref.getValue()));
            }
        }
        if (in.implementsProgrammeId() != null && jdbc.sql("select count(*) from plan_programme where id = :id")
                .param("id", in.implementsProgrammeId()).query(Long.class).single() == 0) {
            problems.add(new Problem("implementsProgrammeId", "plan.programme.unknown", in.implementsProgrammeId()));
        }
        if (planId != null && startsOn != null) {
            var early = jdbc.sql("select min(due_on) from plan_task where plan_id = :id and status <> 'CANCELLED'")
                    .param("id", planId).query(LocalDate.class).optional().orElse(null);
            if (early != null && early.isBefore(startsOn)) {
                problems.add(new Problem("startsOn", "plan.starts-after-task", early.format(TaskWriter.DAY)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new PlanDraft(in.unitId(), in.kind(), in.kind() == PlanKind.YEARLY ? in.year() : null, VietnameseText.nfc(title),
                theme == null ? null : VietnameseText.nfc(theme), startsOn, endsOn, in.documentId(), in.implementsDocumentId(),
                in.implementsProgrammeId());
    }

    private static Map<String, Object> params(PlanDraft d) {
        var p = new java.util.HashMap<String, Object>();
        p.put("unit", d.unitId());
        p.put("kind", d.kind().name());
        p.put("year", d.year());
        p.put("title", d.title());
        p.put("sortTitle", VietnameseText.withNewTonePlacement(d.title()));
        p.put("theme", d.theme());
        p.put("startsOn", d.startsOn());
        p.put("endsOn", d.endsOn());
        p.put("document", d.documentId());
        p.put("implementsDocument", d.implementsDocumentId());
        p.put("implementsProgramme", d.implementsProgrammeId());
        return p;
    }

    private static Map<String, Object> fields(PlanDraft d) {
        return AuditTrail.fields("unitId", d.unitId(), "kind", d.kind(), "year", d.year(), "title", d.title(), "theme", d.theme(),
                "startsOn", d.startsOn(), "endsOn", d.endsOn(), "documentId", d.documentId(),
                "implementsDocumentId", d.implementsDocumentId(), "implementsProgrammeId", d.implementsProgrammeId());
    }
}
