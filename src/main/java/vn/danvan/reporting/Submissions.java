package vn.danvan.reporting;

import java.util.LinkedHashMap;
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
                select id, status, version, updated_by, updated_at from reporting_submission
                where form_code = :form and unit_id = :unit and period = :period
                """).param("form", formCode).param("unit", unitId).param("period", period)
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
                select id, status, version, updated_by, updated_at from reporting_submission
                where form_code = :form and unit_id = :unit and period = :period
                for update
                """).param("form", t.form().code()).param("unit", t.unit().id()).param("period", t.period().identifier())
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
}
