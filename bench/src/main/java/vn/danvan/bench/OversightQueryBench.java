package vn.danvan.bench;

import java.net.URI;
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
import java.util.function.ToLongFunction;
import vn.danvan.bench.ExemplarQueryBench.Outcome;
import vn.danvan.bench.ExemplarQueryBench.Plan;
import vn.danvan.bench.ExemplarQueryBench.Result;
import vn.danvan.bench.PetitionQueryBench.Call;
import vn.danvan.bench.PetitionQueryBench.Statement;

/**
 * The oversight questions (issue 7, point 10): a province's overdue recommendations (the API's first page), a commune's
 * public accountability page (the dialogues tab and the board tab, anonymously, as HTML) and the country's figures for a
 * year (the three oversight forms through /api/forms/{code}) — each drawn {@code samples} times with random parameters
 * (fixed seed), through the application as the administrator or anonymously, then as the raw SQL of the same draw
 * (OversightSql, the statements one after the other on one JDBC connection, their times summed). Before measuring, the
 * application's answers are checked against the raw SQL's counts ({@link OversightChecks}).
 */
final class OversightQueryBench {

    private interface Draw {
        Call draw(Random random) throws Exception;
    }

    private record Question(String name, String parameters, Draw draw, ToLongFunction<String> rows, List<String> statementNames) {
    }

    record Unit(long id, String code) {
    }

    private final URI base;
    private final Connection db;
    private final Credentials credentials;
    private final OversightSettings settings;
    private final CpuMeter cpu;
    private final LocalDate today = LocalDate.now();
    private final Map<Long, Long[]> covered = new HashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Plan> plans = new ArrayList<>();
    private final List<String> checks = new ArrayList<>();
    private WebSession admin;
    private WebSession anonymous;

    OversightQueryBench(URI base, Connection db, Credentials credentials, OversightSettings settings, CpuMeter cpu) {
        this.base = base;
        this.db = db;
        this.credentials = credentials;
        this.settings = settings;
        this.cpu = cpu;
    }

    List<String> checks() {
        return checks;
    }

    Outcome run() throws Exception {
        db.setAutoCommit(true);
        admin = new WebSession(base);
        if (!admin.login(new Credentials.Account("admin", credentials.adminPassword()))) {
            throw new IllegalStateException("could not sign in as admin");
        }
        anonymous = new WebSession(base);
        var provinces = units("""
                select id, code from org_unit where category = 'AREA' and level = 'PROVINCE' and validity @> cast(? as date) order by id""");
        var communes = units("""
                select o.id, o.code from org_unit o
                where o.category = 'AREA' and o.level = 'COMMUNE' and o.validity @> cast(? as date)
                  and exists (select 1 from dialogue d where d.unit_id = o.id)
                order by o.id""");
        var country = units("select id, code from org_unit where category = 'AREA' and level = 'CENTRAL' and validity @> cast(? as date)")
                .get(0);
        var forms = new OversightForms(admin);
        forms.upload();
        var checker = new OversightChecks(db, admin, anonymous, today, this::subtree);
        checks.addAll(checker.recommendations(provinces.subList(0, Math.min(5, provinces.size()))));
        checks.addAll(checker.publicPages(communes.subList(0, Math.min(5, communes.size()))));
        checks.addAll(checker.forms(country.code(), today.getYear() - 1 >= settings.firstYear() ? today.getYear() - 1 : today.getYear()));

        var results = new ArrayList<Result>();
        var sql = new LinkedHashMap<String, String>();
        var parameters = new LinkedHashMap<String, String>();
        int index = 0;
        for (var q : questions(provinces, communes, country)) {
            parameters.put(q.name(), q.parameters());
            results.addAll(measure(q, new Random(settings.seed() + 1000L * index++)));
            var call = q.draw().draw(new Random(settings.seed()));
            sql.put(q.name(), String.join(";\n\n", call.sql().stream().map(s -> s.sql().text).toList()));
        }
        return new Outcome(results, notes, parameters, sql, plans);
    }

    private List<Question> questions(List<Unit> provinces, List<Unit> communes, Unit country) {
        var list = new ArrayList<Question>();
        ToLongFunction<String> total = body -> ((Number) ((Map<?, ?>) Json.parse(body)).get("totalElements")).longValue();
        list.add(new Question("Overdue recommendations of a province", ("admin; `/api/recommendations?unit=<province>&status=OVERDUE`, "
                + "a province valid today at random (of %d; its subtree with the units that passed into it); page 0 of 20")
                .formatted(provinces.size()), random -> recommendations(provinces.get(random.nextInt(provinces.size()))), total,
                List.of("count", "page")));
        list.add(new Question("Public page of a commune, dialogues", ("anonymous; `/public/accountability/<commune>` (HTML), a commune "
                + "valid today with dialogues at random (of %d; with the communes that passed into it in 2025)").formatted(communes.size()),
                random -> publicDialogues(communes.get(random.nextInt(communes.size()))), null,
                List.of("count", "page", "figures", "commitments", "opinions")));
        list.add(new Question("Public page of a commune, board", ("anonymous; `/public/accountability/<commune>/board` (HTML, this "
                + "year), a commune as above").formatted(), random -> publicBoard(communes.get(random.nextInt(communes.size()))), null,
                List.of("board", "count", "recommendations", "disclosures")));
        for (var form : OversightForms.CODES) {
            list.add(new Question("Country figures for a year, " + form, ("admin; `/api/forms/%s?unit=%s&from=<year>-01-01&to=<year>-12-31`, "
                    + "a year of %d–%d at random; the SQL: counts over the whole country (BENCH-DT, BENCH-DC: the application's "
                    + "statement since V82, its provinces' rows summed)").formatted(form, country.code(),
                    settings.firstYear(), settings.lastYear()), random -> countryFigures(form, country.code(),
                    settings.firstYear() + random.nextInt(settings.years())), null, OversightForms.statementNames(form)));
        }
        return list;
    }

    private Call recommendations(Unit province) throws SQLException {
        var params = new HashMap<String, Object>();
        params.put("responsible", subtree(province.id()));
        params.put("today", today);
        return new Call("/api/recommendations?unit=" + province.code() + "&status=OVERDUE&page=0&size=20", admin,
                List.of(new Statement(OversightSql.OVERDUE_RECOMMENDATIONS.get(0), true),
                        new Statement(OversightSql.OVERDUE_RECOMMENDATIONS.get(1), false)), params);
    }

    private Call publicDialogues(Unit commune) throws SQLException {
        var params = new HashMap<String, Object>();
        params.put("units", subtree(commune.id()));
        params.put("today", today);
        var statements = new ArrayList<Statement>();
        for (int i = 0; i < OversightSql.PUBLIC_DIALOGUES.size(); i++) {
            statements.add(new Statement(OversightSql.PUBLIC_DIALOGUES.get(i), i == 0));
        }
        return new Call("/public/accountability/" + commune.code(), anonymous, statements, params);
    }

    private Call publicBoard(Unit commune) {
        var params = new HashMap<String, Object>();
        params.put("units", new Long[] {commune.id()});
        params.put("today", today);
        params.put("year", String.valueOf(today.getYear()));
        params.put("yearStart", LocalDate.of(today.getYear(), 1, 1));
        params.put("yearEnd", LocalDate.of(today.getYear(), 12, 31));
        var statements = new ArrayList<Statement>();
        for (int i = 0; i < OversightSql.PUBLIC_BOARD.size(); i++) {
            statements.add(new Statement(OversightSql.PUBLIC_BOARD.get(i), i == 1));
        }
        return new Call("/public/accountability/" + commune.code() + "/board", anonymous, statements, params);
    }

    private Call countryFigures(String form, String country, int year) {
        var params = new HashMap<String, Object>();
        var from = LocalDate.of(year, 1, 1);
        var to = LocalDate.of(year, 12, 31);
        params.put("from", from);
        params.put("to", to);
        params.put("until", to.isAfter(today) ? today : to);
        params.put("today", today);
        var statements = OversightForms.measured(form).stream().map(s -> new Statement(s, true)).toList();
        return new Call("/api/forms/" + form + "?unit=" + country + "&from=" + from + "&to=" + to, admin, statements, params);
    }

    // ---- measuring, as WorkCycleQueryBench -------------------------------------------------------------

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
            rows[i] = q.rows() == null ? page.body().length() : q.rows().applyAsLong(page.body());
        }
        var note = q.rows() == null ? "rows: bytes of the answer" : "";
        if (taken < samples) {
            note += (note.isEmpty() ? "" : "; ") + "stopped after %d of %d samples (%d s limit)".formatted(taken, samples,
                    settings.maxSecondsPerQuestion());
        }
        if (errors > 0) {
            note += (note.isEmpty() ? "" : "; ") + "%d errors, first: %s".formatted(errors, error);
        }
        results.add(new Result(q.name(), q.name().startsWith("Public") ? "HTTP page" : "HTTP API", samples, latencies,
                Arrays.copyOf(rows, Math.max(1, taken)), cpu.othersPercentSince(before),
                loadBefore + " → " + Machine.current().loadAverage(), note));
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
                (taken < samples ? "stopped after %d of %d samples (%d s limit)".formatted(taken, samples, settings.maxSecondsPerQuestion())
                        : "")));
        System.out.printf("  %-46s HTTP p50 %.1f ms p95 %.1f ms; SQL p50 %.1f ms p95 %.1f ms (load %s)%n", q.name(),
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

    /** Runs the statements one after the other; the count the first scalar statement answers. */
    private long runSql(Call call, long[] perStatement) throws SQLException {
        long reported = -1;
        for (int s = 0; s < call.sql().size(); s++) {
            var statement = call.sql().get(s);
            long started = System.nanoTime();
            long n = statement.sql().run(db, call.params(), statement.scalar());
            if (perStatement != null) {
                perStatement[s] += System.nanoTime() - started;
            }
            if (statement.scalar() && reported < 0) {
                reported = n;
            }
        }
        return Math.max(0, reported);
    }

    /** OrgUnits.idsWithin(OrgUnits.scopePaths(id)), as the application computes a subtree with the units that passed into it. */
    Long[] subtree(long unitId) throws SQLException {
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

    private List<Unit> units(String query) throws SQLException {
        var out = new ArrayList<Unit>();
        try (var st = db.prepareStatement(query)) {
            st.setObject(1, today);
            try (var rows = st.executeQuery()) {
                while (rows.next()) {
                    out.add(new Unit(rows.getLong(1), rows.getString(2)));
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no unit for " + query);
        }
        return out;
    }

    static String abbreviate(String body) {
        var text = body == null ? "" : body.replaceAll("\\s+", " ");
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
