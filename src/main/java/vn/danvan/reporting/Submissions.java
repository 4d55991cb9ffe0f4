package vn.danvan.reporting;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.danvan.audit.AuditTrail;
import vn.danvan.identity.CurrentUser;
import vn.danvan.shared.ConflictException;

/**
 * The submission records: one per form, unit and period, created as DRAFT on the first save of its
 * grid, locked for the length of a save so that two saves of the same grid run one after the other,
 * with the narrative sections, each versioned.
 */
@Component
class Submissions {

    /** The columns of {@link EntryGrid.Submission}. */
    static final String COLUMNS = """
            id, status, version, updated_by, updated_at, first_submitted_at, submitted_at, submitted_by, approved_at, approved_by,
            accepted_at, accepted_by, returned_reason""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    Submissions(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A narrative section as stored. */
    record StoredText(String body, int version) {
    }

    Optional<EntryGrid.Submission> find(String formCode, long unitId, String period) {
        return jdbc.sql("""
                select %s from reporting_submission
                where form_code = :form and unit_id = :unit and period = :period
                """.formatted(COLUMNS)).param("form", formCode).param("unit", unitId).param("period", period)
                .query(EntryGrid.Submission.class).optional();
    }

    /** The submission of a grid, created as DRAFT if there is none, locked until the transaction ends. */
    EntryGrid.Submission lock(ReportForms.Target t, CurrentUser user) {
        var created = jdbc.sql("""
                insert into reporting_submission (form_code, form_version, unit_id, period, period_start, period_end,
                                                  created_by, updated_by)
                values (:form, :formVersion, :unit, :period, :from, :to, :by, :by)
                on conflict (form_code, unit_id, period) do nothing
                returning id
                """).param("form", t.form().code()).param("formVersion", t.form().version()).param("unit", t.unit().id())
                .param("period", t.period().identifier()).param("from", t.period().from()).param("to", t.period().to())
                .param("by", user.username()).query(Long.class).optional();
        created.ifPresent(id -> audit.record("reporting.submission-created", "reporting_submission", id, t.unit().id(), null,
                AuditTrail.fields("form", t.form().code(), "formVersion", t.form().version(), "unit", t.unit().code(),
                        "period", t.period().identifier(), "status", "DRAFT")));
        return jdbc.sql("""
                select %s from reporting_submission
                where form_code = :form and unit_id = :unit and period = :period
                for update
                """.formatted(COLUMNS)).param("form", t.form().code()).param("unit", t.unit().id()).param("period", t.period().identifier())
                .query(EntryGrid.Submission.class).single();
    }

    /** Counts a save of the grid. */
    void touched(long submissionId, CurrentUser user) {
        jdbc.sql("""
                update reporting_submission set version = version + 1, updated_by = :by, updated_at = now() where id = :id
                """).param("id", submissionId).param("by", user.username()).update();
    }

    Map<String, StoredText> texts(Long submissionId) {
        var result = new LinkedHashMap<String, StoredText>();
        if (submissionId == null) {
            return result;
        }
        jdbc.sql("select section, body, version from reporting_submission_text where submission_id = :id")
                .param("id", submissionId)
                .query((rs, n) -> result.put(rs.getString("section"), new StoredText(rs.getString("body"), rs.getInt("version"))))
                .list();
        return result;
    }

    /**
     * Stores a narrative section if the version read is still the current one (0: there was none).
     *
     * @throws ConflictException naming the section when someone else saved it in between
     */
    void saveText(EntryGrid.Submission submission, long unitId, String key, String title, String body, int version,
                  StoredText before, CurrentUser user) {
        int updated;
        if (before == null) {
            updated = jdbc.sql("""
                    insert into reporting_submission_text (submission_id, section, body, updated_by)
                    values (:id, :key, :body, :by) on conflict do nothing
                    """).param("id", submission.id()).param("key", key).param("body", body).param("by", user.username()).update();
        } else {
            updated = jdbc.sql("""
                    update reporting_submission_text set body = :body, version = version + 1, updated_by = :by, updated_at = now()
                    where submission_id = :id and section = :key and version = :version
                    """).param("id", submission.id()).param("key", key).param("body", body).param("by", user.username())
                    .param("version", version).update();
        }
        if (updated == 0) {
            throw new ConflictException("narrative", title);
        }
        audit.record("reporting.narrative-saved", "reporting_submission", submission.id(), unitId,
                before == null ? null : AuditTrail.fields("section", key, "text", before.body()),
                AuditTrail.fields("section", key, "text", body));
    }

    /** One step of a submission's approval, as the history shows it. */
    public record Step(String action, String fromStatus, String toStatus, String reason, String actedBy, OffsetDateTime actedAt) {

        public Step {
            actedAt = Completeness.vietnamese(actedAt);
        }
    }

    /**
     * Moves a submission to {@code to} if {@code version} is still its current one, recording who took the
     * step and when on the submission and in its history.
     *
     * @return false when someone else changed the submission in between (nothing written)
     */
    boolean step(EntryGrid.Submission s, ApprovalRules.Action action, ApprovalRules.Status to, String reason, String by,
                 OffsetDateTime at) {
        var updated = jdbc.sql("""
                update reporting_submission
                set status = :to, version = version + 1, updated_by = :by, updated_at = :at,
                    first_submitted_at = case when :action = 'SUBMIT' then coalesce(first_submitted_at, :at) else first_submitted_at end,
                    submitted_at = case when :action = 'SUBMIT' then :at else submitted_at end,
                    submitted_by = case when :action = 'SUBMIT' then :by else submitted_by end,
                    approved_at  = case when :action = 'APPROVE' then :at when :to in ('RETURNED', 'SUBMITTED') then null else approved_at end,
                    approved_by  = case when :action = 'APPROVE' then :by when :to in ('RETURNED', 'SUBMITTED') then null else approved_by end,
                    accepted_at  = case when :action = 'ACCEPT' then :at when :to <> 'ACCEPTED' then null else accepted_at end,
                    accepted_by  = case when :action = 'ACCEPT' then :by when :to <> 'ACCEPTED' then null else accepted_by end,
                    returned_reason = case when :action = 'RETURN' then cast(:reason as text) when :action = 'SUBMIT' then null else returned_reason end
                where id = :id and version = :version
                """).param("to", to.name()).param("by", by).param("at", at).param("action", action.name()).param("reason", reason)
                .param("id", s.id()).param("version", s.version()).update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("""
                insert into reporting_submission_step (submission_id, action, from_status, to_status, reason, acted_by, acted_at)
                values (:id, :action, :from, :to, :reason, :by, :at)
                """).param("id", s.id()).param("action", action.name()).param("from", s.status()).param("to", to.name())
                .param("reason", reason).param("by", by).param("at", at).update();
        return true;
    }

    /** A submission's steps, newest first. */
    List<Step> steps(long submissionId) {
        return jdbc.sql("""
                select action, from_status, to_status, reason, acted_by, acted_at
                from reporting_submission_step where submission_id = :id order by acted_at desc, id desc
                """).param("id", submissionId).query(Step.class).list();
    }
}
