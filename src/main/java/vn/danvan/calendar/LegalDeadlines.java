package vn.danvan.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.NotFoundException;

/**
 * Legal deadlines (thời hạn) from dated rule versions kept as data (table
 * {@code calendar_deadline_rule}, seeded from brief §1.6): the version in force on the start day
 * governs, so a change in the law (Luật số 136/2025/QH15 from 1/7/2026) is a new version, and every
 * deadline says which version produced it. Rules are cached a minute per instance, like schedules.
 */
@Component
public class LegalDeadlines {

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final AuditTrail audit;
    private volatile List<DeadlineRule> cached;
    private volatile long readAt;

    LegalDeadlines(JdbcClient jdbc, WorkingCalendar calendar, AuditTrail audit) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.audit = audit;
    }

    /**
     * The version of a rule in force on a day.
     *
     * @throws NotFoundException ("deadline-rule") when no version covers the day
     */
    public DeadlineRule ruleOn(String code, LocalDate on) {
        return rules().stream()
                .filter(r -> r.code().equals(code) && !on.isBefore(r.effectiveFrom())
                        && (r.effectiveTo() == null || !on.isAfter(r.effectiveTo())))
                .findFirst().orElseThrow(() -> new NotFoundException("deadline-rule", code + " @ " + on));
    }

    /**
     * The deadline of a step started on {@code start}.
     *
     * @throws InvalidInputException naming "extensions" when more extensions are asked than the version
     *                               allows for the complexity (e.g. a third one), or "suspensions"
     *                               when the version does not take suspended days out
     */
    public Deadline deadline(String code, LocalDate start, boolean remote, Complexity complexity, int extensions,
                             List<DayRange> suspensions) {
        return DeadlineArithmetic.compute(ruleOn(code, start), start, remote, complexity, extensions, suspensions,
                calendar.workingDays());
    }

    /** Working days from {@code today} (exclusive) to {@code due} (inclusive); negative: working days overdue. */
    public int workingDaysLeft(LocalDate today, LocalDate due) {
        return calendar.workingDaysBetween(today, due);
    }

    /** Working days from {@code today} to each of many due dates, counted in one walk over the calendar. */
    public DueDays dueDays(LocalDate today, java.util.Collection<LocalDate> dues) {
        return calendar.dueDays(today, dues);
    }

    /** Every version of every rule, by code then version. */
    public List<DeadlineRule> rules() {
        var now = System.currentTimeMillis();
        var rules = cached;
        if (rules == null || now - readAt > WorkingCalendar.CACHE_MILLIS) {
            rules = jdbc.sql("""
                    select code, version, effective_from, effective_to, name_vi, name_en, days, unit, start_event, remote_days,
                           complex_days, remote_complex_days, extension_days, max_extensions_complex,
                           max_extensions_especially_complex, suspension_not_counted, source
                    from calendar_deadline_rule order by code, version
                    """).query(DeadlineRule.class).list();
            cached = rules;
            readAt = now;
        }
        return rules;
    }

    /** A new version of a rule as an administrator enters it. */
    public record NewRuleVersion(String code, LocalDate effectiveFrom, Integer days, DayUnit unit, Integer remoteDays,
                                 Integer complexDays, Integer remoteComplexDays, Integer extensionDays,
                                 Integer maxExtensionsComplex, Integer maxExtensionsEspeciallyComplex,
                                 boolean suspensionNotCounted, String source) {
    }

    /**
     * Adds a version from {@code effectiveFrom}; the open version before it ends the day before.
     * Recorded in the audit trail.
     *
     * @throws InvalidInputException naming each field in error; nothing is saved
     */
    @Transactional
    public DeadlineRule addVersion(NewRuleVersion v) {
        var problems = new ArrayList<Problem>();
        var versions = v.code() == null ? List.<DeadlineRule>of() : jdbc.sql("""
                select code, version, effective_from, effective_to, name_vi, name_en, days, unit, start_event, remote_days,
                       complex_days, remote_complex_days, extension_days, max_extensions_complex,
                       max_extensions_especially_complex, suspension_not_counted, source
                from calendar_deadline_rule where code = :code order by version for update
                """).param("code", v.code()).query(DeadlineRule.class).list();
        if (versions.isEmpty()) {
            problems.add(new Problem("code", "calendar.rule.unknown"));
        }
        if (v.effectiveFrom() == null) {
            problems.add(new Problem("effectiveFrom", "validation.required"));
        } else if (!versions.isEmpty() && !v.effectiveFrom().isAfter(versions.get(versions.size() - 1).effectiveFrom())) {
            problems.add(new Problem("effectiveFrom", "calendar.rule.not-after-current",
                    versions.get(versions.size() - 1).effectiveFrom().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
        }
        checkDays(problems, "days", v.days(), true);
        checkDays(problems, "remoteDays", v.remoteDays(), false);
        checkDays(problems, "complexDays", v.complexDays(), false);
        checkDays(problems, "remoteComplexDays", v.remoteComplexDays(), false);
        checkDays(problems, "extensionDays", v.extensionDays(), false);
        if (v.unit() == null) {
            problems.add(new Problem("unit", "validation.required"));
        }
        if (v.source() == null || v.source().isBlank()) {
            problems.add(new Problem("source", "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var last = versions.get(versions.size() - 1);
        jdbc.sql("update calendar_deadline_rule set effective_to = :to where code = :code and version = :version")
                .param("to", v.effectiveFrom().minusDays(1)).param("code", last.code()).param("version", last.version()).update();
        var added = new DeadlineRule(last.code(), last.version() + 1, v.effectiveFrom(), null, last.nameVi(), last.nameEn(), v.days(),
                v.unit(), last.startEvent(), v.remoteDays(), v.complexDays(), v.remoteComplexDays(), v.extensionDays(),
                v.maxExtensionsComplex() == null ? 0 : v.maxExtensionsComplex(),
                v.maxExtensionsEspeciallyComplex() == null ? 0 : v.maxExtensionsEspeciallyComplex(), v.suspensionNotCounted(),
                v.source().strip());
        jdbc.sql("""
                insert into calendar_deadline_rule (code, version, effective_from, name_vi, name_en, days, unit, start_event,
                    remote_days, complex_days, remote_complex_days, extension_days, max_extensions_complex,
                    max_extensions_especially_complex, suspension_not_counted, source, created_by)
                values (:code, :version, :from, :nameVi, :nameEn, :days, :unit, :startEvent, :remoteDays, :complexDays,
                    :remoteComplexDays, :extensionDays, :maxComplex, :maxEspecially, :suspension, :source, :by)
                """)
                .param("code", added.code()).param("version", added.version()).param("from", added.effectiveFrom())
                .param("nameVi", added.nameVi()).param("nameEn", added.nameEn()).param("days", added.days())
                .param("unit", added.unit().name()).param("startEvent", added.startEvent()).param("remoteDays", added.remoteDays())
                .param("complexDays", added.complexDays()).param("remoteComplexDays", added.remoteComplexDays())
                .param("extensionDays", added.extensionDays()).param("maxComplex", added.maxExtensionsComplex())
                .param("maxEspecially", added.maxExtensionsEspeciallyComplex()).param("suspension", added.suspensionNotCounted())
                .param("source", added.source()).param("by", AuditTrail.currentActor())
                .update();
        audit.record("calendar.deadline-rule-version-added", "calendar_deadline_rule", added.code() + " v" + added.version(), null,
                AuditTrail.fields("version", last.version(), "days", last.days(), "unit", last.unit()),
                AuditTrail.fields("version", added.version(), "effectiveFrom", added.effectiveFrom(), "days", added.days(),
                        "unit", added.unit(), "suspensionNotCounted", added.suspensionNotCounted(), "source", added.source()));
        cached = null;
        return added;
    }

    private static void checkDays(List<Problem> problems, String field, Integer value, boolean required) {
        if (value == null) {
            if (required) {
                problems.add(new Problem(field, "validation.required"));
            }
        } else if (value < 1 || value > 3650) {
            problems.add(new Problem(field, "calendar.rule.days-range", 1, 3650));
        }
    }
}
