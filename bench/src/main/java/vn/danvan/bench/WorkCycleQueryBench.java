package vn.danvan.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import vn.danvan.bench.ExemplarQueryBench.Outcome;
import vn.danvan.bench.ExemplarQueryBench.Plan;
import vn.danvan.bench.ExemplarQueryBench.Result;
import vn.danvan.bench.PetitionQueryBench.Call;
import vn.danvan.bench.PetitionQueryBench.Statement;

/**
 * The work-cycle questions (issue 6, point 12): identifier lookup, full-text search of documents for common and rare
 * words, the implementation matrix of a national directive over every commune (first and a later page), a province's
 * overdue tasks and a province's meetings in a period — each drawn {@code samples} times with random parameters (fixed
 * seed), through the application's JSON API as the signed-in administrator, then as the raw SQL the application sends
 * for the same draw (its statements one after the other on one JDBC connection, their times summed).
 */
final class WorkCycleQueryBench {

    private interface Draw {
        Call draw(Random random) throws Exception;
    }

    private record Question(String name, String parameters, Draw draw, List<String> statementNames) {
    }

    private record Unit(long id, String code) {
    }

    /** Accent-free words of the documents' subjects: each in about one document in 12 or more. */
    static final String[] COMMON_WORDS = {"quy che dan chu", "nong thon moi", "chuyen doi so", "dan van kheo", "cai cach hanh chinh",
            "giam ngheo ben vung"};
    /** Accent-free full names of signers: about one document in 7,500 has each. */
    static final String[] RARE_WORDS = {"lo kim thang", "trinh hong hai", "vi xuan phuc", "nong thanh vinh", "luong ngoc yen",
            "dinh quang tam", "ha thu uyen", "mai huu nghia"};

    /** The statements of a search by words (every word list above has words for the year words index). */
    private static final List<String> WORD_STATEMENTS = List.of("serial setting", "count", "page", "setting put back");

    private final URI base;
    private final Connection db;
    private final Credentials credentials;
    private final WorkCycleSettings settings;
    private final CpuMeter cpu;
    private final long assignmentId;
    private final LocalDate today = LocalDate.now();
    private final Map<Long, Long[]> covered = new HashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Plan> plans = new ArrayList<>();
    private WebSession admin;

    WorkCycleQueryBench(URI base, Connection db, Credentials credentials, WorkCycleSettings settings, CpuMeter cpu, long assignmentId) {
        this.base = base;
        this.db = db;
        this.credentials = credentials;
        this.settings = settings;
        this.cpu = cpu;
        this.assignmentId = assignmentId;
    }

    Outcome run() throws Exception {
        db.setAutoCommit(true);
        admin = new WebSession(base);
        if (!admin.login(new Credentials.Account("admin", credentials.adminPassword()))) {
            throw new IllegalStateException("could not sign in as admin");
        }
        var results = new ArrayList<Result>();
        var sql = new LinkedHashMap<String, String>();
        var parameters = new LinkedHashMap<String, String>();
        int index = 0;
        for (var q : questions()) {
            parameters.put(q.name(), q.parameters());
            results.addAll(measure(q, new Random(settings.seed() + 1000L * index++)));
            var call = q.draw().draw(new Random(settings.seed()));
            sql.put(q.name(), String.join(";\n\n", call.sql().stream().map(s -> s.sql().text).toList()));
        }
        return new Outcome(results, notes, parameters, sql, plans);
    }

    // ---- the questions ----------------------------------------------------------------------------

    private List<Question> questions() throws SQLException {
        var identifiers = identifiers();
        var provinces = provincesToday();
        long assigned = new NamedSql("select count(*) from plan_assignment_unit where assignment_id = :a")
                .run(db, Map.of("a", assignmentId), true);
        int lastPage = (int) Math.max(0, (assigned - 1) / 50);
        var list = new ArrayList<Question>();
        list.add(new Question("Identifier lookup", "admin; `q=` the identifier of a generated document at random (of %,d sampled), "
                + "e.g. `%s`; page 0 of 20".formatted(identifiers.size(), identifiers.get(0)),
                random -> documents(identifiers.get(random.nextInt(identifiers.size())), true), List.of("count", "page")));
        list.add(new Question("Document search, common words", "admin; `q=` accent-free words of a subject (e.g. `quy che dan chu`), "
                + "at random of %d; page 0 of 20".formatted(COMMON_WORDS.length),
                random -> documents(COMMON_WORDS[random.nextInt(COMMON_WORDS.length)], false), WORD_STATEMENTS));
        list.add(new Question("Document search, rare words", "admin; `q=` an accent-free full name of a signer (e.g. `lo kim thang`), "
                + "at random of %d; page 0 of 20".formatted(RARE_WORDS.length),
                random -> documents(RARE_WORDS[random.nextInt(RARE_WORDS.length)], false), WORD_STATEMENTS));
        list.add(new Question("Implementation matrix, first page", "admin; the national directive assigned to %,d communes; page 0 of 50 "
                + "(not acted first)".formatted(assigned), random -> matrix(0), List.of("head", "count", "page")));
        list.add(new Question("Implementation matrix, a later page", "admin; the same matrix, a page at random among %d–%d of 50"
                .formatted(lastPage / 2, lastPage), random -> matrix(lastPage / 2 + random.nextInt(lastPage - lastPage / 2 + 1)),
                List.of("head", "count", "page")));
        list.add(new Question("Overdue tasks of a province", "admin; `/api/tasks?unit=<province>&status=OVERDUE`, a province valid today "
                + "at random (of %d; the subtree with the units that passed into it); page 0 of 20".formatted(provinces.size()),
                random -> {
                    var unit = provinces.get(random.nextInt(provinces.size()));
                    return tasks(unit);
                }, List.of("count", "page")));
        int first = settings.firstYear();
        list.add(new Question("Meetings of a province in a quarter", "admin; `/api/meetings?unit=<province>&from&to`, a province valid "
                + "today and a quarter of %d–%d at random; page 0 of 20".formatted(first, today.getYear()),
                random -> {
                    var unit = provinces.get(random.nextInt(provinces.size()));
                    var from = LocalDate.of(first + random.nextInt(today.getYear() - first + 1), 1 + 3 * random.nextInt(4), 1);
                    return meetings(unit, from, from.plusMonths(3).minusDays(1));
                }, List.of("count", "page")));
        System.out.printf("  %,d identifiers sampled; matrix of %,d units, last page %d%n", identifiers.size(), assigned, lastPage);
        return list;
    }

    private Call documents(String text, boolean identifier) throws SQLException {
        var params = new HashMap<String, Object>();
        params.put("q", text);
        params.put("identifier", text); // the sampled identifiers are normal forms: DocumentIdentifier.parse gives them back
        params.put("limit", 20);
        params.put("offset", 0L);
        params.put("n", 20L);
        params.put("cap", WorkCycleSql.DOCUMENT_COUNT_CAP);
        var sql = identifier ? WorkCycleSql.DOCUMENTS_BY_IDENTIFIER : WorkCycleSql.DOCUMENTS_BY_WORDS;
        var terms = identifier ? null : ExemplarSql.terms(text);
        if (terms != null) {
            // DocumentSearchSql: the words asked of each year's entries, newest first, the undated last (V86)
            var years = documentYears();
            var perYear = ExemplarSql.perYear(terms, years);
            params.put("yearWords", perYear);
            for (int y = 0; y < perYear.length; y++) {
                params.put("yearWords" + y, perYear[y]);
            }
            sql = WorkCycleSql.documentsByYearWords(years.size());
        }
        // the application picks the page's form by the count (DocumentQueries.search): so does the draw, before timing
        boolean common = sql.get(0).run(db, params, true) >= WorkCycleSql.DOCUMENT_COUNT_CAP;
        var statements = terms == null
                ? List.of(new Statement(sql.get(0), true), new Statement(sql.get(common ? 1 : 2), false))
                : List.of(new Statement(WorkCycleSql.SERIAL, false), new Statement(sql.get(0), true),
                        new Statement(sql.get(common ? 1 : 2), false), new Statement(WorkCycleSql.PARALLEL_AS_CONFIGURED, false));
        return new Call("/api/documents?q=" + encode(text) + "&page=0&size=20", admin, statements, params);
    }

    private List<Integer> documentYears;

    /** The years of the year words index, newest first then 0 (read once, outside the timed SQL: the benchmark adds no documents). */
    private List<Integer> documentYears() throws SQLException {
        if (documentYears == null) {
            var years = new java.util.ArrayList<Integer>();
            try (var st = db.prepareStatement(WorkCycleSql.DOCUMENT_YEARS); var rs = st.executeQuery()) {
                rs.next();
                for (int y = rs.getInt(2); y >= rs.getInt(1) && rs.getInt(1) > 0; y--) {
                    years.add(y);
                }
            }
            years.add(0);
            documentYears = years;
        }
        return documentYears;
    }

    private Call matrix(int page) {
        var params = new HashMap<String, Object>();
        params.put("id", assignmentId);
        params.put("a", assignmentId);
        params.put("only", false);
        params.put("limit", 50);
        params.put("offset", page * 50L);
        return new Call("/api/assignments/" + assignmentId + "/matrix?page=" + page + "&size=50", admin,
                List.of(new Statement(WorkCycleSql.MATRIX.get(0), false), new Statement(WorkCycleSql.MATRIX.get(1), true),
                        new Statement(WorkCycleSql.MATRIX.get(2), false)), params);
    }

    private Call tasks(Unit unit) throws SQLException {
        var params = new HashMap<String, Object>();
        params.put("responsible", subtree(unit.id()));
        params.put("today", today);
        params.put("limit", 20);
        params.put("offset", 0L);
        return new Call("/api/tasks?unit=" + unit.code() + "&status=OVERDUE&page=0&size=20", admin,
                List.of(new Statement(WorkCycleSql.OVERDUE_TASKS.get(0), true), new Statement(WorkCycleSql.OVERDUE_TASKS.get(1), false)),
                params);
    }

    private Call meetings(Unit unit, LocalDate from, LocalDate to) throws SQLException {
        var params = new HashMap<String, Object>();
        params.put("units", subtree(unit.id()));
        params.put("from", from);
        params.put("to", to);
        params.put("limit", 20);
        params.put("offset", 0L);
        return new Call("/api/meetings?unit=" + unit.code() + "&from=" + from + "&to=" + to + "&page=0&size=20", admin,
                List.of(new Statement(WorkCycleSql.MEETINGS.get(0), true), new Statement(WorkCycleSql.MEETINGS.get(1), false)), params);
    }

    // ---- measuring: as ExemplarQueryBench ----------------------------------------------------------

    private List<Result> measure(Question q, Random random) throws Exception {
        int warmUp = settings.warmUp();
        int samples = settings.samples();
        var calls = new ArrayList<Call>();
        for (int i = 0; i < warmUp + samples; i++) {
            calls.add(q.draw().draw(random));
        }
        var results = new ArrayList<Result>();
        cpu.awaitQuiet(settings.quietWait(), settings.quietPercent());
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
            rows[i] = ((Number) ((Map<?, ?>) Json.parse(page.body())).get("totalElements")).longValue();
        }
        var note = taken < samples ? "stopped after %d of %d samples (%d s limit)".formatted(taken, samples,
                settings.maxSecondsPerQuestion()) : "";
        if (errors > 0) {
            note += (note.isEmpty() ? "" : "; ") + "%d errors, first: %s".formatted(errors, error);
        }
        results.add(new Result(q.name(), "HTTP API", samples, latencies, Arrays.copyOf(rows, Math.max(1, taken)),
                cpu.othersPercentSince(before), loadBefore + " → " + Machine.current().loadAverage(), note));
        for (int i = 0; i < warmUp; i++) {
            runSql(calls.get(i), null);
        }
        var sqlLatencies = new Latencies();
        var sqlRows = new long[samples];
        loadBefore = Machine.current().loadAverage();
        before = cpu.sample();
        long slowest = -1;
        int slowestAt = warmUp;
        capAt = System.nanoTime() + settings.maxSecondsPerQuestion() * 1_000_000_000L;
        taken = 0;
        var perStatement = new long[calls.get(0).sql().size()];
        for (int i = 0; i < samples && System.nanoTime() < capAt; i++, taken++) {
            var call = calls.get(warmUp + i);
            long started = System.nanoTime();
            sqlRows[i] = runSql(call, perStatement);
            long took = System.nanoTime() - started;
            sqlLatencies.recordNanos(took);
            if (took > slowest) {
                slowest = took;
                slowestAt = warmUp + i;
            }
        }
        results.add(new Result(q.name(), "SQL (JDBC)", samples, sqlLatencies, Arrays.copyOf(sqlRows, Math.max(1, taken)),
                cpu.othersPercentSince(before), loadBefore + " → " + Machine.current().loadAverage(),
                taken < samples ? "stopped after %d of %d samples (%d s limit)".formatted(taken, samples, settings.maxSecondsPerQuestion())
                        : ""));
        System.out.printf("  %-42s HTTP p50 %.1f ms p95 %.1f ms; SQL p50 %.1f ms p95 %.1f ms (load %s)%n", q.name(),
                results.get(0).latencies().millis(50), results.get(0).latencies().millis(95), results.get(1).latencies().millis(50),
                results.get(1).latencies().millis(95), results.get(1).load());
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

    /** Runs the statements one after the other; the count the scalar statement answers. */
    private long runSql(Call call, long[] perStatement) throws SQLException {
        long reported = 0;
        for (int s = 0; s < call.sql().size(); s++) {
            var statement = call.sql().get(s);
            long started = System.nanoTime();
            long n = statement.sql().run(db, call.params(), statement.scalar());
            if (perStatement != null) {
                perStatement[s] += System.nanoTime() - started;
            }
            if (statement.scalar()) {
                reported = n;
            }
        }
        return reported;
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /** Identifiers of generated documents, a repeatable sample of about 1 % of the table's pages (at most 1,000). */
    private List<String> identifiers() throws SQLException {
        var out = new ArrayList<String>();
        try (var st = db.prepareStatement("""
                select identifier from document tablesample system (1) repeatable (%d)
                where identifier is not null and created_by = '%s' limit 1000""".formatted(settings.seed() % 100_000,
                PetitionGenerator.ACTOR)); var rows = st.executeQuery()) {
            while (rows.next()) {
                out.add(rows.getString(1));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no generated document with an identifier to look up");
        }
        return out;
    }

    /** OrgUnits.idsWithin(OrgUnits.scopePaths(id)), as TaskQueries and MeetingQueries.subtreeIds compute it. */
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

    private List<Unit> provincesToday() throws SQLException {
        var out = new ArrayList<Unit>();
        try (var st = db.prepareStatement("""
                select id, code from org_unit where category = 'AREA' and level = 'PROVINCE' and validity @> cast(? as date) order by id
                """)) {
            st.setObject(1, today);
            try (var rows = st.executeQuery()) {
                while (rows.next()) {
                    out.add(new Unit(rows.getLong(1), rows.getString(2)));
                }
            }
        }
        return out;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        var text = body == null ? "" : body.replaceAll("\\s+", " ");
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
