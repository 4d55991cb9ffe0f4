package vn.danvan.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToLongFunction;
import vn.danvan.bench.PetitionQueryBench.Call;
import vn.danvan.bench.PetitionQueryBench.Statement;

/**
 * The "Dân vận khéo" questions (dashboard for the country and for a province, a province's list with
 * and without filters, accent-free search for common and rare words in the whole country and in a
 * province), each drawn {@code samples} times with random parameters (fixed seed), through the
 * application's JSON API as the signed-in administrator, then as the raw SQL the application sends
 * for the same draw (the sum of its statements, one after the other on one JDBC connection).
 */
final class ExemplarQueryBench {

    record Result(String question, String via, int samples, Latencies latencies, long[] rows, double othersCpu, String load,
                  String note) {
    }

    /** The slowest statement of the slowest SQL sample, with its plan. */
    record Plan(String question, String path, String statement, double millis, String plan) {
    }

    record Outcome(List<Result> results, List<String> notes, Map<String, String> parameters, Map<String, String> sql, List<Plan> plans) {
    }

    private interface Draw {
        Call draw(Random random) throws Exception;
    }

    private record Question(String name, String parameters, Draw draw, ToLongFunction<Object> rows, List<String> statementNames) {
    }

    private record Unit(long id, String code) {
    }

    /** Accent-free words that many models carry (a theme, a way of working). */
    static final String[] COMMON_WORDS = {"nong thon moi", "chuyen doi so", "phan loai rac", "hien dat", "an ninh trat tu",
            "kinh te ho gia dinh", "hop dan cong khai", "dang vien guong mau"};
    /** Accent-free full names: about one individual in 7,500 has each. */
    static final String[] RARE_WORDS = {"lo kim thang", "trinh hong hai", "vi xuan phuc", "nong thanh vinh", "luong ngoc yen",
            "dinh quang tam", "ha thu uyen", "mai huu nghia"};

    private final URI base;
    private final Connection db;
    private final Credentials credentials;
    private final ExemplarSettings settings;
    private final CpuMeter cpu;
    private final LocalDate today = LocalDate.now();
    private final Map<Long, Long[]> covered = new HashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Plan> plans = new ArrayList<>();
    private WebSession admin;

    ExemplarQueryBench(URI base, Connection db, Credentials credentials, ExemplarSettings settings, CpuMeter cpu) {
        this.base = base;
        this.db = db;
        this.credentials = credentials;
        this.settings = settings;
        this.cpu = cpu;
    }

    Outcome run() throws Exception {
        db.setAutoCommit(true);
        admin = new WebSession(base);
        if (!admin.login(new Credentials.Account("admin", credentials.adminPassword()))) {
            throw new IllegalStateException("could not sign in as admin");
        }
        var questions = questions();
        var results = new ArrayList<Result>();
        var sql = new LinkedHashMap<String, String>();
        var parameters = new LinkedHashMap<String, String>();
        int index = 0;
        for (var q : questions) {
            parameters.put(q.name(), q.parameters());
            results.addAll(measure(q, new Random(settings.seed() + 1000L * index++)));
            var call = q.draw().draw(new Random(settings.seed()));
            sql.put(q.name(), String.join(";\n\n", call.sql().stream().map(s -> s.sql().text).toList()));
        }
        return new Outcome(results, notes, parameters, sql, plans);
    }

    // ---- the questions ----------------------------------------------------------------------------

    private List<Question> questions() throws SQLException {
        var list = new ArrayList<Question>();
        int first = settings.firstYear();
        int last = settings.lastYear();
        var todayProvinces = provincesOn(today);
        var statementNames = ExemplarSql.FIGURE_NAMES;
        list.add(new Question("Dashboard, whole country", "admin; year at random among %d–%d".formatted(first, last),
                random -> {
                    int year = first + random.nextInt(last - first + 1);
                    return figures("/api/exemplars/figures?year=" + year, year, null);
                }, ExemplarQueryBench::registered, statementNames));
        list.add(new Question("Dashboard, a province", "admin; year at random among %d–%d, then a province valid on the year's last day "
                + "(or today) by its code; the subtree with the units that passed into it".formatted(first, last),
                random -> {
                    int year = first + random.nextInt(last - first + 1);
                    var asOf = LocalDate.of(year, 12, 31).isAfter(today) ? today : LocalDate.of(year, 12, 31);
                    var provinces = provincesOn(asOf);
                    var unit = provinces.get(random.nextInt(provinces.size()));
                    return figures("/api/exemplars/figures?unit=" + unit.code() + "&year=" + year, year, subtree(unit.id()));
                }, ExemplarQueryBench::registered, statementNames));
        list.add(new Question("List, a province", "admin; a province valid today at random; page 0 of 20, newest first",
                random -> {
                    var unit = todayProvinces.get(random.nextInt(todayProvinces.size()));
                    return search("/api/exemplars?unit=" + unit.code() + "&page=0&size=20", subtree(unit.id()), null, null, null);
                }, ExemplarQueryBench::total, List.of("count", "page")));
        list.add(new Question("List, a province, kind and field", "admin; a province valid today, a kind and a field of work (of the 8) "
                + "at random; page 0 of 20",
                random -> {
                    var unit = todayProvinces.get(random.nextInt(todayProvinces.size()));
                    var kind = random.nextBoolean() ? "COLLECTIVE" : "INDIVIDUAL";
                    var field = ExemplarGenerator.FIELDS[random.nextInt(ExemplarGenerator.FIELDS.length)];
                    return search("/api/exemplars?unit=" + unit.code() + "&kind=" + kind + "&field=" + field + "&page=0&size=20",
                            subtree(unit.id()), null, kind, field);
                }, ExemplarQueryBench::total, List.of("count", "page")));
        list.add(new Question("Search, common words, whole country", "admin; `q=` accent-free words of a theme or a way of working "
                + "(e.g. `nong thon moi`, `chuyen doi so`), at random of 8; page 0 of 20",
                random -> {
                    var text = COMMON_WORDS[random.nextInt(COMMON_WORDS.length)];
                    return search("/api/exemplars?q=" + encode(text) + "&page=0&size=20", null, text, null, null);
                }, ExemplarQueryBench::total, List.of("years", "count", "page")));
        list.add(new Question("Search, rare words, whole country", "admin; `q=` an accent-free full name (e.g. `lo kim thang`), "
                + "at random of 8; page 0 of 20",
                random -> {
                    var text = RARE_WORDS[random.nextInt(RARE_WORDS.length)];
                    return search("/api/exemplars?q=" + encode(text) + "&page=0&size=20", null, text, null, null);
                }, ExemplarQueryBench::total, List.of("years", "count", "page")));
        list.add(new Question("Search, common words, in a province", "admin; a province valid today and common words at random; "
                + "page 0 of 20",
                random -> {
                    var unit = todayProvinces.get(random.nextInt(todayProvinces.size()));
                    var text = COMMON_WORDS[random.nextInt(COMMON_WORDS.length)];
                    return search("/api/exemplars?unit=" + unit.code() + "&q=" + encode(text) + "&page=0&size=20", subtree(unit.id()),
                            text, null, null);
                }, ExemplarQueryBench::total, List.of("count", "page")));
        list.add(new Question("Search, rare words, in a province", "admin; a province valid today and a full name at random; page 0 of 20",
                random -> {
                    var unit = todayProvinces.get(random.nextInt(todayProvinces.size()));
                    var text = RARE_WORDS[random.nextInt(RARE_WORDS.length)];
                    return search("/api/exemplars?unit=" + unit.code() + "&q=" + encode(text) + "&page=0&size=20", subtree(unit.id()),
                            text, null, null);
                }, ExemplarQueryBench::total, List.of("count", "page")));
        return list;
    }

    private Call figures(String path, int year, Long[] units) throws SQLException {
        var params = new HashMap<String, Object>();
        params.put("year", year);
        params.put("from", 0);
        params.put("units", units == null ? new Long[0] : units);
        var split = split(units);
        params.put("branches", split[0]);
        params.put("rest", split[1]);
        return new Call(path, admin, ExemplarSql.figures(units == null).stream().map(s -> new Statement(s, false)).toList(), params);
    }

    private Call search(String path, Long[] units, String text, String kind, String field) throws SQLException {
        var params = new HashMap<String, Object>();
        params.put("units", units);
        params.put("text", text);
        params.put("kind", kind);
        params.put("field", field);
        var words = text == null ? null : ExemplarSql.words(text);
        params.put("words", words);
        params.put("unitWords", units == null || words == null ? null : ExemplarSql.perUnit(words, units));
        params.put("measure", field != null ? "FIELD:" + field : "REGISTERED");
        var split = split(units);
        params.put("branches", split[0]);
        params.put("rest", split[1]);
        params.put("size", 20);
        params.put("offset", 0L);
        // the whole country's search by words asks each year of registration (ExemplarQueries.yearsNewestFirst)
        var countryWords = units == null && text != null && ExemplarSql.terms(text) != null;
        var years = countryWords ? years() : List.<Integer>of();
        if (countryWords) {
            var perYear = ExemplarSql.perYear(ExemplarSql.terms(text), years);
            for (int y = 0; y < perYear.length; y++) {
                params.put("yearWords" + y, perYear[y]);
            }
            params.put("yearWords", perYear);
        }
        var sql = ExemplarSql.search(units != null, text != null, kind != null, field != null, false, years.size());
        if (text == null) {
            // the first year the page reaches, from the tally's models per year (the application reads them in the same statement)
            params.put("fromYear", ExemplarSql.fromYear(db, sql.get(0), params, 20));
        } else {
            // the application picks the page by the hits it has just read: with up to 1,000 the page's ids
            // are the newest of them, with more the page walks the models newest first
            var hits = new NamedSql("select id from (" + sql.get(0).text + ") h order by h.registered_on desc, h.id desc")
                    .longs(db, params);
            if (hits.size() > 1_000) {
                sql = ExemplarSql.search(units != null, true, kind != null, field != null, true, years.size());
            } else {
                params.put("ids", hits.stream().limit(20).toArray(Long[]::new));
            }
            var statements = new ArrayList<Statement>();
            if (countryWords) {
                statements.add(new Statement(ExemplarSql.YEARS, false));
            }
            statements.add(new Statement(sql.get(0), false));
            statements.add(new Statement(sql.get(1), false));
            return new Call(path, admin, statements, params);
        }
        return new Call(path, admin, List.of(new Statement(sql.get(0), true), new Statement(sql.get(1), false)), params);
    }

    // ---- measuring ---------------------------------------------------------------------------------

    private List<Result> measure(Question q, Random random) throws Exception {
        int warmUp = settings.warmUp();
        int samples = settings.samples();
        var calls = new ArrayList<Call>();
        for (int i = 0; i < warmUp + samples; i++) {
            calls.add(q.draw().draw(random));
        }
        var results = new ArrayList<Result>();
        cpu.awaitQuiet(settings.quietWait(), settings.quietPercent());
        // through the application
        var latencies = new Latencies();
        var rows = new long[samples];
        String error = null;
        long errors = 0;
        for (int i = 0; i < warmUp; i++) {
            calls.get(i).session().get(calls.get(i).path());
        }
        var loadBefore = Machine.current().loadAverage();
        var before = cpu.sample();
        long capAt = System.nanoTime() + settings.maxSecondsPerQuestion() * 1_000_000_000L;
        int taken = 0;
        for (int i = 0; i < samples && System.nanoTime() < capAt; i++, taken++) {
            var call = calls.get(warmUp + i);
            long started = System.nanoTime();
            var page = call.session().get(call.path());
            long took = System.nanoTime() - started;
            if (page.status() != 200) {
                errors++;
                error = error != null ? error : page.status() + " " + call.path() + " " + abbreviate(page.body());
                continue;
            }
            latencies.recordNanos(took);
            rows[i] = q.rows().applyAsLong(Json.parse(page.body()));
        }
        var note = taken < samples ? "stopped after %d of %d samples (%d s limit)".formatted(taken, samples,
                settings.maxSecondsPerQuestion()) : "";
        if (errors > 0) {
            note += (note.isEmpty() ? "" : "; ") + "%d errors, first: %s".formatted(errors, error);
        }
        results.add(new Result(q.name(), "HTTP API", samples, latencies, java.util.Arrays.copyOf(rows, Math.max(1, taken)),
                cpu.othersPercentSince(before), loadBefore + " → " + Machine.current().loadAverage(), note));
        // the raw SQL of the same draws
        for (int i = 0; i < warmUp; i++) {
            runSql(calls.get(i), null, q.statementNames());
        }
        var sqlLatencies = new Latencies();
        var sqlRows = new long[samples];
        loadBefore = Machine.current().loadAverage();
        before = cpu.sample();
        long slowest = -1;
        int slowestAt = 0;
        capAt = System.nanoTime() + settings.maxSecondsPerQuestion() * 1_000_000_000L;
        taken = 0;
        var perStatement = new long[calls.get(0).sql().size()];
        for (int i = 0; i < samples && System.nanoTime() < capAt; i++, taken++) {
            var call = calls.get(warmUp + i);
            long started = System.nanoTime();
            sqlRows[i] = runSql(call, perStatement, q.statementNames());
            long took = System.nanoTime() - started;
            sqlLatencies.recordNanos(took);
            if (took > slowest) {
                slowest = took;
                slowestAt = warmUp + i;
            }
        }
        results.add(new Result(q.name(), "SQL (JDBC)", samples, sqlLatencies, java.util.Arrays.copyOf(sqlRows, Math.max(1, taken)),
                cpu.othersPercentSince(before), loadBefore + " → " + Machine.current().loadAverage(),
                taken < samples ? "stopped after %d of %d samples (%d s limit)".formatted(taken, samples, settings.maxSecondsPerQuestion())
                        : ""));
        var http = results.get(0);
        var sql = results.get(1);
        System.out.printf("  %-42s HTTP p50 %.1f ms p95 %.1f ms; SQL p50 %.1f ms p95 %.1f ms (load %s)%n", q.name(),
                http.latencies().millis(50), http.latencies().millis(95), sql.latencies().millis(50), sql.latencies().millis(95), sql.load());
        // where the time goes: mean per statement; the plan of the slowest statement of the slowest sample
        var share = new StringBuilder("**%s**, mean SQL time per statement over the samples: ".formatted(q.name()));
        for (int s = 0; s < perStatement.length; s++) {
            share.append(s == 0 ? "" : ", ").append("%s %.1f ms".formatted(q.statementNames().get(s), perStatement[s] / 1e6 / Math.max(1, taken)));
        }
        notes.add(share.toString());
        var worst = calls.get(slowestAt);
        double worstMillis = -1;
        int worstStatement = 0;
        for (int s = 0; s < worst.sql().size(); s++) {
            long started = System.nanoTime();
            var statement = worst.sql().get(s);
            statement.sql().run(db, worst.params(), statement.scalar());
            double millis = (System.nanoTime() - started) / 1e6;
            if (millis > worstMillis) {
                worstMillis = millis;
                worstStatement = s;
            }
        }
        plans.add(new Plan(q.name(), worst.path(), q.statementNames().get(worstStatement), worstMillis,
                worst.sql().get(worstStatement).sql().explain(db, worst.params())));
        return results;
    }

    private long runSql(Call call, long[] perStatement, List<String> names) throws SQLException {
        long reported = 0;
        int count = names.indexOf("count");
        for (int s = 0; s < call.sql().size(); s++) {
            var statement = call.sql().get(s);
            long started = System.nanoTime();
            long n = statement.sql().run(db, call.params(), statement.scalar());
            if (perStatement != null) {
                perStatement[s] += System.nanoTime() - started;
            }
            if (count < 0) {
                reported += n; // figures: the rows of all the statements
            } else if (s == count) {
                reported = n; // a list's total, or a search by words: its hits, up to 1,001
            }
        }
        return reported;
    }

    private List<Integer> yearRange;

    /** The years a search in the whole country asks, newest first (read once: the benchmark adds no models). */
    private List<Integer> years() throws SQLException {
        if (yearRange == null) {
            var out = new ArrayList<Integer>();
            try (var st = db.prepareStatement(ExemplarSql.YEARS.text); var rs = st.executeQuery()) {
                rs.next();
                for (int y = rs.getInt(2); y >= rs.getInt(1); y--) {
                    out.add(y);
                }
            }
            yearRange = out;
        }
        return yearRange;
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private final Map<Long[], Long[][]> splits = new java.util.IdentityHashMap<>();

    /** ExemplarRollup.split of a subtree (cached per subtree, as the application keeps the units' branches). */
    private Long[][] split(Long[] units) throws SQLException {
        if (units == null) {
            return new Long[][] {new Long[0], new Long[0]};
        }
        var cached = splits.get(units);
        if (cached == null) {
            cached = ExemplarSql.split(db, units);
            splits.put(units, cached);
        }
        return cached;
    }

    /** ExemplarQueries.unitsFor for the administrator: OrgUnits.idsWithin(OrgUnits.scopePaths(id)). */
    private Long[] subtree(long unitId) throws SQLException {
        var cached = covered.get(unitId);
        if (cached == null) {
            var ids = new LinkedHashSet<Long>();
            var paths = new ArrayList<String>();
            try (var st = db.prepareStatement(ExemplarSql.SCOPE_PATHS.text.replace(":id", "?"))) {
                st.setLong(1, unitId);
                try (var rs = st.executeQuery()) {
                    while (rs.next()) {
                        paths.add(rs.getString(1));
                    }
                }
            }
            for (var path : paths) {
                ids.addAll(ExemplarSql.IDS_WITHIN.longs(db, Map.of("from", path, "to", path.substring(0, path.length() - 1) + "0")));
            }
            cached = ids.toArray(Long[]::new);
            covered.put(unitId, cached);
        }
        return cached;
    }

    private final Map<LocalDate, List<Unit>> provincesByDay = new HashMap<>();

    private List<Unit> provincesOn(LocalDate day) throws SQLException {
        var cached = provincesByDay.get(day);
        if (cached != null) {
            return cached;
        }
        var out = new ArrayList<Unit>();
        try (var st = db.prepareStatement("""
                select id, code from org_unit where category = 'AREA' and level = 'PROVINCE' and validity @> cast(? as date) order by id
                """)) {
            st.setObject(1, day);
            try (var rows = st.executeQuery()) {
                while (rows.next()) {
                    out.add(new Unit(rows.getLong(1), rows.getString(2)));
                }
            }
        }
        provincesByDay.put(day, out);
        return out;
    }

    private static long registered(Object json) {
        for (var c : (List<?>) ((Map<?, ?>) json).get("headline")) {
            var m = (Map<?, ?>) c;
            if ("REGISTERED".equals(m.get("key"))) {
                return ((Number) m.get("collective")).longValue() + ((Number) m.get("individual")).longValue();
            }
        }
        return 0;
    }

    private static long total(Object json) {
        return ((Number) ((Map<?, ?>) json).get("totalElements")).longValue();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        var text = body == null ? "" : body.replaceAll("\\s+", " ");
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
