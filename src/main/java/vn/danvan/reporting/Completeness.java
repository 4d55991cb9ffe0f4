package vn.danvan.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;
import vn.danvan.form.FormDefinition;
import vn.danvan.form.ReportPeriod;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.orgunit.UnitCategory;

/**
 * Completeness and timeliness of a report form for a period over a unit's subtree (tình hình nộp báo
 * cáo): the expected units — those of the form's reporting levels and kinds valid on the period's last
 * day inside the subtree (without kinds, the administrative areas: the bodies of an area report through
 * it) — each with its status, whether it was first submitted by the deadline (on time), after it
 * (late) or not yet, approved and accepted; counted per child area of the asked unit (country →
 * provinces → communes). One statement reads the units and their submissions.
 */
@Service
@Transactional(readOnly = true)
public class Completeness {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Above this many expected units a board shows the counts per area only. */
    static final int MAX_LISTED = 1000;
    /** The status of an expected unit that has not started its report. */
    static final String NO_REPORT = "NONE";

    /**
     * The units a form expects in a subtree on a day: :from/:to bound the subtree's paths, :on is the
     * period's last day, :levels / :kinds the form's reporters (empty: any level; no kinds: areas only).
     */
    static final String EXPECTED = """
            select u.id, u.code, u.path, u.level, v.kind, v.name, v.sort_name
            from org_unit u
            join org_unit_version v on v.unit_id = u.id and v.validity @> cast(:on as date)
            where u.path ~>=~ :from and u.path ~<~ :to
              and u.validity @> cast(:on as date)
              and (cardinality(cast(:levels as text[])) = 0 or u.level = any(cast(:levels as text[])))
              and (cardinality(cast(:kinds as text[])) = 0 and u.category = 'AREA' or v.kind = any(cast(:kinds as text[])))
            """;

    private final ReportForms forms;
    private final OrgUnits units;
    private final JdbcClient jdbc;
    private final OrgScope scope;

    Completeness(ReportForms forms, OrgUnits units, JdbcClient jdbc, OrgScope scope) {
        this.scope = scope;
        this.forms = forms;
        this.units = units;
        this.jdbc = jdbc;
    }

    public enum Timeliness {
        ON_TIME, LATE, NOT_SUBMITTED
    }

    /** One expected unit: its report's status, when it was first sent, who approved and accepted it, and its grid. */
    public record Entry(String code, String name, String level, String area, String status, Timeliness timeliness,
                        OffsetDateTime firstSubmittedAt, OffsetDateTime approvedAt, String approvedBy, OffsetDateTime acceptedAt,
                        String acceptedBy, String returnedReason, String gridHref) {

        public Entry {
            firstSubmittedAt = vietnamese(firstSubmittedAt);
            approvedAt = vietnamese(approvedAt);
            acceptedAt = vietnamese(acceptedAt);
        }
    }

    /** Counts for an area (or the whole subtree): expected, submitted (on time + late), not yet, approved, accepted. */
    public record Counts(String code, String name, String href, int expected, int submitted, int onTime, int late, int missing,
                         int approved, int accepted) {

        public int percent(int part) {
            return expected == 0 ? 0 : Math.round(100f * part / expected);
        }

        public int submittedPercent() {
            return percent(submitted);
        }

        public int onTimePercent() {
            return percent(onTime);
        }

        public int approvedPercent() {
            return percent(approved);
        }

        public int acceptedPercent() {
            return percent(accepted);
        }
    }

    /** A board: the form, period, unit, deadline, totals, the counts per child area and (up to a limit) every expected unit. */
    public record Board(String form, String symbol, String title, String period, LocalDate from, LocalDate to, LocalDate deadline,
                        String unit, String unitName, Counts total, List<Counts> areas, List<Entry> entries, boolean listed) {

        /** Whether the areas group several units (a province's areas are its communes: the list says it all). */
        public boolean grouped() {
            return areas.stream().anyMatch(a -> a.expected() > 1);
        }
    }

    /**
     * @throws vn.danvan.shared.InvalidInputException naming {@code period} or {@code reportForm}
     * @throws vn.danvan.shared.NotFoundException     for an unknown form or unit, or a unit outside the user's scope
     */
    public Board board(String formCode, String unitCode, String periodText, CurrentUser user) {
        var t = target(formCode, unitCode, periodText, user);
        var form = t.form();
        var period = t.period();
        var unit = t.unit();
        var deadline = forms.deadline(form, period);
        record Row(long id, String code, String path, String level, String name, String status, OffsetDateTime firstSubmittedAt,
                   OffsetDateTime approvedAt, String approvedBy, OffsetDateTime acceptedAt, String acceptedBy, String returnedReason) {
        }
        var rows = jdbc.sql("with expected as (" + EXPECTED + """
                )
                select e.id, e.code, e.path, e.level, e.name, s.status, s.first_submitted_at, s.approved_at, s.approved_by,
                       s.accepted_at, s.accepted_by, s.returned_reason
                from expected e
                left join reporting_submission s on s.form_code = :form and s.period = :period and s.unit_id = e.id
                order by e.path = :from desc, e.sort_name, e.code
                """).param("on", period.to()).param("from", unit.path()).param("to", rangeEnd(unit.path()))
                .param("levels", levels(form)).param("kinds", kinds(form)).param("form", form.code())
                .param("period", period.identifier()).query(Row.class).list();

        var areas = new LinkedHashMap<String, OrgUnit>();
        for (var child : units.children(unit.id(), period.to())) {
            if (child.category() == UnitCategory.AREA) {
                areas.put(child.path(), child);
            }
        }
        var counters = new LinkedHashMap<String, int[]>();
        counters.put(unit.path(), new int[6]);
        areas.keySet().forEach(p -> counters.put(p, new int[6]));
        var total = new int[6];
        var entries = new ArrayList<Entry>();
        for (var r : rows) {
            var status = r.status() == null ? ApprovalRules.Status.DRAFT : ApprovalRules.Status.valueOf(r.status());
            var shownStatus = r.status() == null ? NO_REPORT : status.name();
            var timeliness = !status.sent() || r.firstSubmittedAt() == null ? Timeliness.NOT_SUBMITTED
                    : deadline == null || !r.firstSubmittedAt().atZoneSameInstant(VIETNAM).toLocalDate().isAfter(deadline)
                    ? Timeliness.ON_TIME : Timeliness.LATE;
            var areaPath = areas.keySet().stream().filter(p -> r.path().startsWith(p)).findFirst().orElse(unit.path());
            for (var c : List.of(counters.get(areaPath), total)) {
                c[0]++;
                c[1] += status.sent() ? 1 : 0;
                c[2] += timeliness == Timeliness.ON_TIME ? 1 : 0;
                c[3] += timeliness == Timeliness.LATE ? 1 : 0;
                c[4] += status.locked() ? 1 : 0;
                c[5] += status == ApprovalRules.Status.ACCEPTED ? 1 : 0;
            }
            if (rows.size() <= MAX_LISTED) {
                var area = areas.get(areaPath);
                entries.add(new Entry(r.code(), r.name(), r.level(), area == null ? null : area.name(), shownStatus, timeliness,
                        r.firstSubmittedAt(), r.approvedAt(), r.approvedBy(), r.acceptedAt(), r.acceptedBy(), r.returnedReason(),
                        gridHref(form.code(), r.code(), period.identifier())));
            }
        }
        var perArea = new ArrayList<Counts>();
        var own = counters.get(unit.path());
        if (own[0] > 0) {
            perArea.add(counts(unit.code(), unit.name(), null, own));
        }
        areas.forEach((path, area) -> {
            var c = counters.get(path);
            if (c[0] > 0) {
                perArea.add(counts(area.code(), area.name(), boardHref(form.code(), area.code(), period.identifier()), c));
            }
        });
        return new Board(form.code(), form.symbol(), form.title(), period.identifier(), period.from(), period.to(), deadline,
                unit.code(), unit.name(), counts(unit.code(), unit.name(), null, total), List.copyOf(perArea), List.copyOf(entries),
                rows.size() <= MAX_LISTED);
    }

    /** The form, the period (of the form's type) and the unit (readable by the user, as of the period's last day). */
    ReportForms.Target target(String formCode, String unitCode, String periodText, CurrentUser user) {
        var period = ReportPeriod.parse(periodText, "period");
        if (formCode == null || formCode.isBlank()) {
            throw new vn.danvan.shared.InvalidInputException("reportForm", "validation.required");
        }
        var form = forms.applicable(formCode.strip().toUpperCase(Locale.ROOT), period);
        if (form.periodKind() != null && (form.periodKind() != period.kind() || form.cut() != period.cut())) {
            throw new vn.danvan.shared.InvalidInputException("period", "reporting.entry.period-type", period.identifier(),
                    ReportForms.example(form));
        }
        if (unitCode == null || unitCode.isBlank()) {
            throw new vn.danvan.shared.InvalidInputException("reportingUnit", "validation.required");
        }
        var unit = units.findByCode(unitCode.strip(), period.to())
                .orElseThrow(() -> new vn.danvan.shared.NotFoundException("unit", unitCode.strip()));
        scope.requireRead(user, unit.id(), "unit", unit.code());
        return new ReportForms.Target(form, unit, period, null, List.of());
    }

    static String[] levels(FormDefinition form) {
        return form.reporters() == null ? new String[0] : form.reporters().levels().toArray(String[]::new);
    }

    static String[] kinds(FormDefinition form) {
        return form.reporters() == null ? new String[0] : form.reporters().kinds().toArray(String[]::new);
    }

    /** A moment at Vietnamese time (UTC+7, no summer time), as screens and exports show it. */
    static OffsetDateTime vietnamese(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(VIETNAM).toOffsetDateTime();
    }

    static String rangeEnd(String path) {
        return path.substring(0, path.length() - 1) + "0";
    }

    static String gridHref(String form, String unit, String period) {
        return UriComponentsBuilder.fromPath("/reporting/entry").queryParam("form", form).queryParam("unit", unit)
                .queryParam("period", period).encode().build().toUriString();
    }

    static String boardHref(String form, String unit, String period) {
        return UriComponentsBuilder.fromPath("/reporting/completeness").queryParam("form", form).queryParam("unit", unit)
                .queryParam("period", period).encode().build().toUriString();
    }

    private static Counts counts(String code, String name, String href, int[] c) {
        return new Counts(code, name, href, c[0], c[1], c[2], c[3], c[0] - c[1], c[4], c[5]);
    }
}
