package vn.danvan.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import vn.danvan.bench.PetitionGenerator.Load;
import vn.danvan.bench.PetitionGenerator.Step;
import vn.danvan.bench.PetitionGenerator.Table;

/**
 * The reporting dataset: 60 indicators defined through {@code POST /api/indicators} (as an administrator
 * defines them), then the values of the 56 entered ones loaded with one {@code COPY} into reporting_value
 * over the real communes the application imported — the communes before the reform for the periods up to
 * 2025Q2, those after it from 2025Q3 — for 15 years of quarters (46 indicators) and months (10), keeping a
 * deterministic share of the possible keys so that the total is about {@code values}; then submissions of
 * the quarterly form for 2024Q4 (completeness) and {@code VACUUM ANALYZE}.
 */
final class ReportingGenerator {

    /** The old communes' periods: 2011Q1–2025Q2; the new communes': 2025Q3–2026Q3. */
    static final int FIRST_YEAR = 2011;
    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2026, 9, 30);
    /** The form code the generated submissions carry (completeness, q5). */
    static final String FORM = "BENCH-QUY";

    /** One indicator of the catalogue: its code, how it aggregates and whether values are monthly. */
    record Definition(int number, String code, String valueType, String aggregation, boolean monthly, String numerator,
                      String denominator) {

        boolean entered() {
            return numerator == null;
        }

        String json() {
            var name = "Chỉ tiêu thử nghiệm " + number;
            if (!entered()) {
                return """
                        {"code": "%s", "name": "%s", "valueType": "%s", "aggregation": "RATIO", "source": "COMPUTED",
                         "numerator": "%s", "denominator": "%s"}""".formatted(code, name, valueType, numerator, denominator);
            }
            return """
                    {"code": "%s", "name": "%s", "valueType": "%s", "aggregation": "%s", "periodType": "%s"}"""
                    .formatted(code, name, valueType, aggregation, monthly ? "202401" : "2024Q1");
        }
    }

    /**
     * 1–40 SUM quarterly (integers), 41–46 SUM monthly, 47–52 AVERAGE quarterly (decimals), 53–56 LAST
     * monthly, 57–60 RATIO of two sums (57: 1/2, 58: 3/4 as a percentage, 59: 5/6, 60: 41/42).
     */
    static List<Definition> catalogue() {
        var list = new ArrayList<Definition>();
        for (int i = 1; i <= 56; i++) {
            var aggregation = i <= 46 ? "SUM" : i <= 52 ? "AVERAGE" : "LAST";
            var monthly = (i >= 41 && i <= 46) || i >= 53;
            list.add(new Definition(i, code(i), i >= 47 && i <= 52 ? "DECIMAL" : "INTEGER", aggregation, monthly, null, null));
        }
        list.add(new Definition(57, code(57), "DECIMAL", "RATIO", false, code(1), code(2)));
        list.add(new Definition(58, code(58), "PERCENTAGE", "RATIO", false, code(3), code(4)));
        list.add(new Definition(59, code(59), "DECIMAL", "RATIO", false, code(5), code(6)));
        list.add(new Definition(60, code(60), "DECIMAL", "RATIO", true, code(41), code(42)));
        return list;
    }

    static String code(int i) {
        return "BENCH_I%02d".formatted(i);
    }

    private final Connection db;
    private final WebSession admin;
    private final ReportingSettings settings;
    private final List<Step> steps = new ArrayList<>();

    /**
     * Defines the quarterly form {@link #FORM} through the application ({@code POST /api/reporting/forms}) unless it is
     * there: its submissions are generated, and the completeness board reads the form's reporters (communes). A dataset
     * generated before session 12 has the submissions without the form, under the code "BENCH_QUY", which no form
     * may have (a form's code is capitals, digits and hyphens): they are moved to {@link #FORM}.
     */
    static void defineForm(Connection db, WebSession admin) throws Exception {
        try (var st = db.createStatement()) {
            st.executeUpdate("update reporting_submission set form_code = '" + FORM + "' where form_code = 'BENCH_QUY'");
        }
        var known = admin.get("/api/reporting/forms/" + FORM);
        if (known.status() == 200 && known.body().contains("\"code\"")) {
            return;
        }
        var created = admin.postJson("/api/reporting/forms", """
                {"code": "%s", "symbol": "BENCH/QUY", "version": 1, "validFrom": "2011-01-01", "title": "Biểu thử của benchmark",
                 "cut": "CALENDAR", "periodKind": "QUARTER", "deadline": {"days": 15, "workingDays": false},
                 "reporters": {"levels": ["COMMUNE"]},
                 "columns": [{"number": 1, "header": ["I. Chỉ tiêu", "Chỉ tiêu 1"], "measure": "BENCH_I01"}], "rules": [],
                 "narratives": [{"key": "ket_qua", "title": "Kết quả đạt được"}]}""".formatted(FORM));
        if (created.status() != 201) {
            throw new IllegalStateException("form " + FORM + " not defined: " + created.status() + " " + created.body());
        }
    }

    ReportingGenerator(Connection db, WebSession admin, ReportingSettings settings) {
        this.db = db;
        this.admin = admin;
        this.settings = settings;
    }

    Load generate() throws Exception {
        long started = System.nanoTime();
        defineIndicators();
        var old = communes("valid_to = date '2025-06-30'");
        var now = communes("valid_from = date '2025-07-01'");
        long possible = possible(old.length, now.length);
        double fill = Math.min(1.0, settings.values() / (double) possible);
        boolean summary = !ReportingSql.rows(db, "select to_regclass('reporting_summary_state')").get(0).contains(null);
        if (summary) {
            // COPY is a bulk load beside the application: mark the summary stale so that the application rebuilds it
            sql("summary marked stale (as a change of the unit tree does)",
                    "update reporting_summary_state set generation = generation + 1 where id = 1");
        }
        long rows = copyValues(old, now, fill);
        submissions();
        sql("VACUUM ANALYZE reporting_value, reporting_submission", "VACUUM ANALYZE reporting_value, reporting_submission");
        if (summary) {
            long rebuildStarted = System.nanoTime();
            var country = ReportingSql.rows(db, "select code from org_unit where category = 'AREA' and level = 'CENTRAL' limit 1").get(0).get(0);
            var page = admin.get("/api/values/aggregate?indicator=" + code(1) + "&unit=" + country + "&period=2024",
                    java.time.Duration.ofMinutes(30));
            if (page.status() != 200) {
                throw new IllegalStateException("aggregate answered " + page.status() + ": " + page.body());
            }
            steps.add(new Step("summary rebuilt by the application (first restated aggregate after the load)",
                    Long.parseLong(ReportingSql.rows(db, "select count(*) from reporting_summary").get(0).get(0)),
                    (System.nanoTime() - rebuildStarted) / 1e9));
            sql("VACUUM ANALYZE reporting_summary", "VACUUM ANALYZE reporting_summary, reporting_summary_weight");
        }
        double total = (System.nanoTime() - started) / 1e9;
        var how = ("60 indicators defined through `POST /api/indicators` (1–40 SUM by quarter, 41–46 SUM by month, 47–52 AVERAGE by "
                + "quarter, 53–56 LAST by month, 57–60 RATIO of two sums). Values of the 56 entered indicators for the %,d communes "
                + "before the reform (2011Q1–2025Q2, months 201101–202506) and the %,d after it (2025Q3–2026Q3, months 202507–202609): "
                + "%,d possible keys, a deterministic hash keeps %.4f of them → %,d rows, loaded with one `COPY` into reporting_value "
                + "(its indexes in place, as the application has them). Submissions of the form `%s` for 2024Q4 from %d %% of the old "
                + "communes (the raw-SQL completeness questions read them). Then `VACUUM ANALYZE`.")
                .formatted(old.length, now.length, possible, fill, rows, FORM, settings.submissionsFill());
        return new Load(how, steps, tables(), rows, total);
    }

    private void defineIndicators() throws Exception {
        long started = System.nanoTime();
        for (var d : catalogue()) {
            var page = admin.postJson("/api/indicators", d.json());
            if (page.status() != 201) {
                throw new IllegalStateException("POST /api/indicators " + d.code() + " answered " + page.status() + ": " + page.body());
            }
        }
        steps.add(new Step("60 indicators (POST /api/indicators)", 60, (System.nanoTime() - started) / 1e9));
    }

    private long[] communes(String validity) throws SQLException {
        var ids = new ArrayList<Long>();
        try (var st = db.prepareStatement("select id from org_unit where category = 'AREA' and level = 'COMMUNE' and " + validity
                + " order by id"); var rs = st.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private static long possible(int old, int now) {
        int quarterly = 46;
        int monthly = 10;
        int oldQuarters = (2025 - FIRST_YEAR) * 4 + 2;
        int newQuarters = 5;
        return (long) old * (quarterly * oldQuarters + monthly * oldQuarters * 3)
                + (long) now * (quarterly * newQuarters + monthly * newQuarters * 3);
    }

    /** A period: identifier and days. */
    record Period(String id, LocalDate from, LocalDate to) {
    }

    static List<Period> quarters(LocalDate from, LocalDate to) {
        var list = new ArrayList<Period>();
        for (var d = from; !d.isAfter(to); d = d.plusMonths(3)) {
            list.add(new Period(d.getYear() + "Q" + ((d.getMonthValue() - 1) / 3 + 1), d, d.plusMonths(3).minusDays(1)));
        }
        return list;
    }

    static List<Period> months(LocalDate from, LocalDate to) {
        var list = new ArrayList<Period>();
        for (var d = from; !d.isAfter(to); d = d.plusMonths(1)) {
            list.add(new Period("%d%02d".formatted(d.getYear(), d.getMonthValue()), d, d.plusMonths(1).minusDays(1)));
        }
        return list;
    }

    /** Deterministic: whether a key is kept and its value come from the same hash. */
    static long hash(long indicator, long unit, String period) {
        long h = indicator * 0x9E3779B97F4A7C15L ^ unit * 0xC2B2AE3D27D4EB4FL ^ period.hashCode() * 0x165667B19E3779F9L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h & Long.MAX_VALUE;
    }

    private long copyValues(long[] old, long[] now, double fill) throws Exception {
        var ids = indicatorIds();
        var oldQ = quarters(LocalDate.of(FIRST_YEAR, 1, 1), REFORM.minusDays(1));
        var oldM = months(LocalDate.of(FIRST_YEAR, 1, 1), REFORM.minusDays(1));
        var newQ = quarters(REFORM, LAST_DAY);
        var newM = months(REFORM, LAST_DAY);
        long threshold = (long) (fill * Long.MAX_VALUE);
        long started = System.nanoTime();
        var copy = new CopyManager(db.unwrap(BaseConnection.class)).copyIn("""
                COPY reporting_value (indicator_id, unit_id, period, period_start, period_end, option_combo, value, updated_by)
                FROM STDIN""");
        long rows = 0;
        var buffer = new StringBuilder(1 << 21);
        var quarterly = catalogue().stream().filter(d -> d.entered() && !d.monthly()).toList();
        var monthly = catalogue().stream().filter(d -> d.entered() && d.monthly()).toList();
        try {
            // arrival order: period, unit, indicator
            for (var era : List.of(new Object[] {oldQ, oldM, old}, new Object[] {newQ, newM, now})) {
                @SuppressWarnings("unchecked") var qs = (List<Period>) era[0];
                @SuppressWarnings("unchecked") var ms = (List<Period>) era[1];
                var units = (long[]) era[2];
                for (var p : concat(qs, ms)) {
                    var definitions = p.id().indexOf('Q') < 0 ? monthly : quarterly;
                    var head = "\t" + p.id() + "\t" + p.from() + "\t" + p.to() + "\t\t";
                    for (long unit : units) {
                        for (var d : definitions) {
                            long id = ids[d.number()];
                            long h = hash(id, unit, p.id());
                            if (h > threshold) {
                                continue;
                            }
                            buffer.append(id).append('\t').append(unit).append(head).append(value(d, h)).append("\tbench\n");
                            rows++;
                        }
                        if (buffer.length() > (1 << 20)) {
                            var bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
                            copy.writeToCopy(bytes, 0, bytes.length);
                            buffer.setLength(0);
                        }
                    }
                }
            }
            var bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        steps.add(new Step("reporting_value (COPY, indexes in place)", rows, (System.nanoTime() - started) / 1e9));
        return rows;
    }

    private static List<Period> concat(List<Period> a, List<Period> b) {
        var all = new ArrayList<Period>(a);
        all.addAll(b);
        return all;
    }

    /** Integers 0–199 (counts), decimals 0.0–99.9 with one decimal (averages). */
    static String value(Definition d, long hash) {
        long v = (hash >>> 20) % 1000;
        return "AVERAGE".equals(d.aggregation()) ? (v / 10) + "." + (v % 10) : Long.toString(v % 200);
    }

    private long[] indicatorIds() throws SQLException {
        var ids = new long[61];
        try (var st = db.prepareStatement("select code, id from reporting_indicator where code like 'BENCH_I%'");
             var rs = st.executeQuery()) {
            while (rs.next()) {
                ids[Integer.parseInt(rs.getString(1).substring(7))] = rs.getLong(2);
            }
        }
        return ids;
    }

    private void submissions() throws SQLException {
        sql("reporting_submission (" + FORM + ", 2024Q4)", """
                insert into reporting_submission (form_code, form_version, unit_id, period, period_start, period_end, status,
                                                  created_by, updated_by)
                select '%s', 1, u.id, '2024Q4', date '2024-10-01', date '2024-12-31',
                       (array['SUBMITTED', 'APPROVED', 'ACCEPTED'])[1 + u.id %% 3], 'bench', 'bench'
                from org_unit u
                where u.category = 'AREA' and u.level = 'COMMUNE' and u.validity @> date '2024-12-31'
                  and (hashint8(u.id) & 2147483647) %% 100 < %d
                """.formatted(FORM, settings.submissionsFill()));
    }

    private void sql(String name, String sql) throws SQLException {
        long started = System.nanoTime();
        long rows;
        try (var st = db.createStatement()) {
            rows = st.executeLargeUpdate(sql);
        }
        steps.add(new Step(name, Math.max(0, rows), (System.nanoTime() - started) / 1e9));
    }

    private List<Table> tables() throws SQLException {
        var list = new ArrayList<Table>();
        var names = new ArrayList<>(List.of("reporting_value", "reporting_submission", "reporting_indicator"));
        if (!ReportingSql.rows(db, "select to_regclass('reporting_summary')").get(0).contains(null)) {
            names.add("reporting_summary");
        }
        for (var t : names) {
            try (var st = db.prepareStatement("select count(*), pg_size_pretty(pg_total_relation_size(cast(? as regclass))) from " + t)) {
                st.setString(1, t);
                try (var rs = st.executeQuery()) {
                    rs.next();
                    list.add(new Table(t, rs.getLong(1), rs.getString(2)));
                }
            }
        }
        return list;
    }
}
