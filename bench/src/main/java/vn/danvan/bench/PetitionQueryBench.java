package vn.danvan.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The officer's questions, each asked {@code samples} times with random parameters (fixed seed)
 * through the application's JSON API by one signed-in client, then as the raw SQL the application
 * sends for it (same parameter values, over JDBC), one request or statement after the other.
 */
final class PetitionQueryBench {

    /** One SQL statement of a question; {@code scalar}: its single value is the row count reported (a count(*)); {@code
     * counted}: its rows are added up as the count (a search's years, PetitionYearCalls). */
    record Statement(NamedSql sql, boolean scalar, boolean counted) {
        Statement(NamedSql sql, boolean scalar) { this(sql, scalar, false); }
    }

    /** One draw of a question: the HTTP request (path, as whom) and the SQL the application sends for it. */
    record Call(String path, WebSession session, List<Statement> sql, Map<String, Object> params) {
    }

    interface Question {
        String name();

        String who();

        String parameters();

        Call draw(Random random) throws Exception;

        /** What the JSON answer counts (rows, total …), for the rows column. */
        long rowsOf(Object json);
    }

    record Result(String question, String who, String via, int samples, Latencies latencies, long[] rows, double othersCpu,
                  String note) {
    }

    record Outcome(List<Result> results, List<String> notes, Map<String, String> parameters, Map<String, String> sql, Map<String, String> plans) {
    }

    private final URI base;
    private final Connection db;
    private final Credentials credentials;
    private final PetitionSettings settings;
    private final CpuMeter cpu;
    private final LocalDate today = LocalDate.now();
    private final Map<String, WebSession> sessions = new HashMap<>();
    private final Map<Long, Long[]> subtrees = new HashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, String> plans = new LinkedHashMap<>();
    private LocalDate soon;
    private List<Unit> provinces;
    private List<Unit> communes;

    private record Unit(long id, String code) {
    }

    private record Officer(String username, long id, Long[] readable, String scope) {
    }

    PetitionQueryBench(URI base, Connection db, Credentials credentials, PetitionSettings settings, CpuMeter cpu) {
        this.base = base;
        this.db = db;
        this.credentials = credentials;
        this.settings = settings;
        this.cpu = cpu;
    }

    Outcome run() throws Exception {
        db.setAutoCommit(true);
        soon = dueSoonLimit(3);
        provinces = units("PROVINCE");
        communes = units("COMMUNE");
        var officers = new ArrayList<Officer>();
        for (var name : List.of("canbo.langson", "canbo.thainguyen", "canbo.dongkinh", "canbo.luongvantri")) {
            officers.add(officer(name));
        }
        readBack();
        var questions = questions(officers);
        var results = new ArrayList<Result>();
        var sql = new LinkedHashMap<String, String>();
        var parameters = new LinkedHashMap<String, String>();
        int index = 0;
        // BENCH_QUESTIONS (optional): only the questions whose names contain one of these comma-separated words
        // (case-insensitive); each keeps the draws it has in a whole run (its seed is by its place in the list).
        var only = System.getenv("BENCH_QUESTIONS") == null ? List.<String>of()
                : java.util.Arrays.stream(System.getenv("BENCH_QUESTIONS").toLowerCase(java.util.Locale.ROOT).split(","))
                        .map(String::strip).filter(w -> !w.isEmpty()).toList();
        for (var q : questions) {
            var place = index++;
            if (!only.isEmpty() && only.stream().noneMatch(w -> q.name().toLowerCase(java.util.Locale.ROOT).contains(w))) {
                continue;
            }
            parameters.put(q.name(), q.parameters());
            results.addAll(measure(q, new Random(settings.seed() + 1000L * place)));
            var call = q.draw(new Random(settings.seed()));
            sql.put(q.name(), String.join(";\n\n", call.sql().stream().map(s -> s.sql().text).toList()));
        }
        return new Outcome(results, notes, parameters, sql, plans);
    }

    // ---- the questions ----------------------------------------------------------------------------

    private List<Question> questions(List<Officer> officers) throws Exception {
        var admin = session(new Credentials.Account("admin", credentials.adminPassword()));
        var list = new ArrayList<Question>();
        list.add(question("Officer's queue", "4 demo officers (2 provinces, 2 communes)",
                "officer at random; urgent=true one time in four",
                random -> {
                    var o = officers.get(random.nextInt(officers.size()));
                    var urgent = random.nextInt(4) == 0;
                    var params = new HashMap<String, Object>(Map.of("units", o.readable(), "me", o.id(), "limit", 200, "offset", 0));
                    if (urgent) {
                        params.put("soon", soon);
                    }
                    return new Call("/api/petitions/queue?urgent=" + urgent, session(account(o.username())),
                            List.of(new Statement(urgent ? PetitionSql.QUEUE_URGENT : PetitionSql.QUEUE, false)), params);
                }, json -> ((List<?>) json).size()));
        list.add(question("Filtered search", "admin",
                "unit: a province (4 in 5) or a commune valid today; kind, state, field each at random (field omitted 3 times in 10); "
                        + "a period of 1–12 months within the years generated; first page of 20",
                random -> {
                    var unit = random.nextInt(5) < 4 ? pick(random, provinces) : pick(random, communes);
                    var kind = PetitionDraws.KINDS[random.nextInt(PetitionDraws.KINDS.length)];
                    var state = PetitionDraws.STATES[random.nextInt(PetitionDraws.STATES.length)];
                    var field = random.nextInt(10) < 3 ? null : PetitionDraws.FIELDS[random.nextInt(PetitionDraws.FIELDS.length)];
                    var from = LocalDate.of(settings.firstYear(), 1, 1).plusMonths(random.nextInt(12 * settings.years()));
                    if (from.isAfter(today)) {
                        from = today.withDayOfMonth(1);
                    }
                    var to = from.plusMonths(1 + random.nextInt(12)).minusDays(1);
                    var path = "/api/petitions?unit=" + unit.code() + "&kind=" + kind + "&state=" + state
                            + (field == null ? "" : "&field=" + field) + "&from=" + from + "&to=" + to;
                    return searchCall(path, admin, subtree(unit.id()), null, kind, state, field, from, to, false);
                }, json -> number(json, "totalElements")));
        list.add(question("Full-text search, topic words", "admin (whole country)",
                "accent-free words of a topic (e.g. `thu hoi dat`, `o nhiem nguon nuoc`), at random of 16; first page of 20",
                random -> {
                    var text = PetitionDraws.TOPIC_WORDS[random.nextInt(PetitionDraws.TOPIC_WORDS.length)];
                    return searchCall("/api/petitions?text=" + encode(text), admin, null, text, null, null, null, null, null, false);
                }, json -> number(json, "totalElements")));
        list.add(question("Full-text search, names", "admin (whole country)",
                "accent-free names of a person, a place or a land parcel (e.g. `nguyen van an`, `dong kinh`), at random of 16; first page of 20",
                random -> {
                    var text = PetitionDraws.NAME_WORDS[random.nextInt(PetitionDraws.NAME_WORDS.length)];
                    return searchCall("/api/petitions?text=" + encode(text), admin, null, text, null, null, null, null, null, false);
                }, json -> number(json, "totalElements")));
        list.add(question("Full-text search in a province", "province officer (canbo.langson, canbo.thainguyen)",
                "topic or name words at random of 32, in the officer's scope; first page of 20",
                random -> {
                    var o = officers.get(random.nextInt(2));
                    var words = random.nextBoolean() ? PetitionDraws.TOPIC_WORDS : PetitionDraws.NAME_WORDS;
                    var text = words[random.nextInt(words.length)];
                    return searchCall("/api/petitions?text=" + encode(text), session(account(o.username())), o.readable(), text,
                            null, null, null, null, null, false);
                }, json -> number(json, "totalElements")));
        list.add(question("A province's overdue list", "admin",
                "a province valid today at random; overdue=true; first page of 20",
                random -> {
                    var unit = pick(random, provinces);
                    return searchCall("/api/petitions?overdue=true&unit=" + unit.code(), admin, subtree(unit.id()), null, null, null,
                            null, null, null, true);
                }, json -> number(json, "totalElements")));
        list.add(question("Hot-spot board of a province", "admin",
                "a province valid today at random (HTTP rows: the matters on the board; SQL rows: the open matters the query "
                        + "returns, of which the application keeps those with a manual flag, a crowd or two reasons)",
                random -> {
                    var unit = pick(random, provinces);
                    var params = new HashMap<String, Object>(Map.of("all", false, "units", subtree(unit.id()),
                            "since", today.minusDays(90), "today", today, "repeatVisits", 3, "placePetitions", 10, "matterPetitions", 5));
                    params.put("matter", null);
                    return new Call("/api/hot-spots?unit=" + unit.code(), admin, List.of(new Statement(PetitionSql.HOT_SPOTS, false)),
                            params);
                }, json -> ((List<?>) json).stream().mapToLong(g -> ((List<?>) ((Map<?, ?>) g).get("matters")).size()).sum()));
        int lastFull = settings.years() > 1 ? settings.lastYear() - 1 : settings.lastYear();
        list.add(question("Form 01/XLD, whole country, one year", "admin",
                "a year at random among %d–%d (complete years), 1 Jan to 31 Dec".formatted(settings.firstYear(), lastFull),
                random -> {
                    int year = settings.firstYear() + random.nextInt(lastFull - settings.firstYear() + 1);
                    var from = LocalDate.of(year, 1, 1);
                    var to = LocalDate.of(year, 12, 31);
                    var params = new HashMap<String, Object>(Map.of("all", true, "units", new Long[0], "from", from, "to", to));
                    return new Call("/api/forms/01-XLD?unit=VN&from=" + from + "&to=" + to, admin,
                            List.of(new Statement(PetitionSql.FORM_01_XLD, false)), params);
                }, json -> json instanceof List<?> l ? l.size()
                        : json instanceof Map<?, ?> m && m.get("rows") instanceof List<?> rows ? rows.size() : 0));
        return list;
    }

    private Call searchCall(String path, WebSession session, Long[] units, String text, String kind, String state, String field,
                            LocalDate from, LocalDate to, boolean overdue) throws SQLException {
        var params = new HashMap<String, Object>();
        params.put("units", units);
        params.put("text", text);
        params.put("kind", kind);
        params.put("field", field);
        params.put("state", state);
        params.put("from", from);
        params.put("to", to);
        params.put("today", today);
        params.put("size", 20);
        params.put("offset", 0L);
        params.put("words", text == null ? null : PetitionSql.words(text));
        if (overdue && units != null && text == null && kind == null && state == null && field == null && from == null && to == null) {
            // as the application reads a unit's overdue list since session 11: the overdue ids once, then the page's rows
            // by the ids it chooses among them (chosen here when drawing, untimed, as the application does in Java)
            params.put("chosen", PetitionSql.OVERDUE_PAGE_CHOSEN.longs(db, params).toArray(Long[]::new));
            return new Call(path, session, List.of(new Statement(PetitionSql.OVERDUE_IDS, false),
                    new Statement(PetitionSql.PAGE_BY_IDS, false)), params);
        }
        if (text != null && !text.matches(".*[%_\\\\].*") && ExemplarSql.terms(text) != null) {
            // since V95 the words are asked of the year words index, newest year first (PetitionYearSearch)
            var where = PetitionSql.where(units != null, true, true, kind != null, field != null, state != null, from != null,
                    to != null, overdue);
            return new Call(path, session, PetitionYearCalls.statements(db, params, text, where, units != null,
                    Math.min(settings.lastYear(), to == null ? 9999 : to.getYear()),
                    Math.max(settings.firstYear(), from == null ? 0 : from.getYear()),
                    kind == null && state == null && field == null && !overdue), params);
        }
        var sql = PetitionSql.search(units != null, text != null, false, kind != null, field != null, state != null,
                from != null, to != null, overdue, 0);
        if (text == null) {
            return new Call(path, session, PetitionSql.idsThenPage(db, params, sql.get(1), state), params);
        }
        return new Call(path, session, List.of(new Statement(sql.get(0), true), new Statement(sql.get(1), false)), params);
    }

    private interface Draw {
        Call draw(Random random) throws Exception;
    }

    private static Question question(String name, String who, String parameters, Draw draw, ToLongFunction<Object> rows) {
        return new Question() {
            public String name() { return name; }
            public String who() { return who; }
            public String parameters() { return parameters; }
            public Call draw(Random random) throws Exception { return draw.draw(random); }
            public long rowsOf(Object json) { return rows.applyAsLong(json); }
        };
    }

    // ---- measuring ---------------------------------------------------------------------------------

    private List<Result> measure(Question q, Random random) throws Exception {
        boolean heavy = q.name().startsWith("Form");
        int warmUp = heavy ? Math.min(3, settings.warmUp()) : settings.warmUp();
        int samples = settings.samples();
        var calls = new ArrayList<Call>();
        for (int i = 0; i < warmUp + samples; i++) {
            calls.add(q.draw(random));
        }
        var results = new ArrayList<Result>();
        cpu.awaitQuiet(settings.quietWait(), settings.quietPercent());
        // through the application
        var first = calls.get(0);
        var probe = first.session().get(first.path());
        if (probe.status() != 200) {
            results.add(new Result(q.name(), q.who(), "HTTP", 0, new Latencies(), new long[0], Double.NaN,
                    "not yet available: `GET %s` answered %d".formatted(first.path().replaceAll("\\?.*", ""), probe.status())));
        } else {
            var latencies = new Latencies();
            var rows = new long[samples];
            String error = null;
            long errors = 0;
            for (int i = 0; i < warmUp; i++) {
                calls.get(i).session().get(calls.get(i).path());
            }
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
                rows[i] = q.rowsOf(Json.parse(page.body()));
            }
            var note = taken < samples ? "stopped after %d of %d samples (%d s limit)".formatted(taken, samples,
                    settings.maxSecondsPerQuestion()) : "";
            if (errors > 0) {
                note += (note.isEmpty() ? "" : "; ") + "%d errors, first: %s".formatted(errors, error);
            }
            results.add(new Result(q.name(), q.who(), "HTTP API", samples, latencies, java.util.Arrays.copyOf(rows, Math.max(1, taken)),
                    cpu.othersPercentSince(before), note));
        }
        // the raw SQL of the same question
        for (int i = 0; i < warmUp; i++) {
            runSql(calls.get(i));
        }
        var latencies = new Latencies();
        var rows = new long[samples];
        var before = cpu.sample();
        long slowest = -1;
        int slowestAt = 0;
        long capAt = System.nanoTime() + settings.maxSecondsPerQuestion() * 1_000_000_000L;
        int taken = 0;
        for (int i = 0; i < samples && System.nanoTime() < capAt; i++, taken++) {
            var call = calls.get(warmUp + i);
            long started = System.nanoTime();
            rows[i] = runSql(call);
            long took = System.nanoTime() - started;
            latencies.recordNanos(took);
            if (took > slowest) {
                slowest = took;
                slowestAt = warmUp + i;
            }
        }
        results.add(new Result(q.name(), q.who(), "SQL (JDBC)", samples, latencies, java.util.Arrays.copyOf(rows, Math.max(1, taken)),
                cpu.othersPercentSince(before), taken < samples ? "stopped after %d of %d samples (%d s limit)".formatted(taken, samples,
                settings.maxSecondsPerQuestion()) : ""));
        var r = results.get(results.size() - 1);
        System.out.printf("  %-40s SQL p50 %.1f ms p95 %.1f ms%s%n", q.name(), r.latencies().millis(50), r.latencies().millis(95),
                results.size() > 1 && results.get(0).samples() > 0 ? "; HTTP p50 %.1f ms p95 %.1f ms".formatted(
                        results.get(0).latencies().millis(50), results.get(0).latencies().millis(95)) : "; HTTP " + results.get(0).note());
        // the plan of the slowest sample, for the report
        var worst = calls.get(slowestAt);
        var plan = new StringBuilder();
        for (var s : worst.sql()) {
            plan.append(s.sql().explain(db, worst.params())).append('\n');
        }
        plans.put(q.name() + " (slowest sample: " + worst.path() + ")", plan.toString());
        return results;
    }

    private long runSql(Call call) throws SQLException {
        long reported = 0;
        long counted = 0;
        boolean first = true;
        for (var s : call.sql()) {
            long n = s.sql().run(db, call.params(), s.scalar());
            // the count (a scalar), the rows counted by several statements, or the first statement's rows (the overdue ids)
            counted += s.counted() ? n : 0;
            reported = s.scalar() || first ? n : s.counted() ? counted : reported;
            first = false;
        }
        return reported;
    }

    /** A few generated petitions and matters read back through the API: the application can read what was generated. */
    private void readBack() throws Exception {
        var admin = session(new Credentials.Account("admin", credentials.adminPassword()));
        var numbers = new ArrayList<String>();
        try (var st = db.createStatement(); var rows = st.executeQuery("""
                (select '/api/petitions/' || number from petition where created_by = 'bench-generator' order by random() limit 25)
                union all
                (select '/api/matters/' || number from petition_matter where number like 'VV-%' order by random() limit 25)
                """)) {
            while (rows.next()) {
                numbers.add(rows.getString(1));
            }
        }
        int ok = 0;
        String firstError = null;
        for (var path : numbers) {
            var page = admin.get(path.replace(" ", "%20"));
            if (page.status() == 200) {
                ok++;
            } else if (firstError == null) {
                firstError = "`GET %s` → %d %s".formatted(path, page.status(), abbreviate(page.body()));
            }
        }
        notes.add("Read back through the API as admin: %d of %d random generated petitions and matters answered 200%s."
                .formatted(ok, numbers.size(), firstError == null ? "" : "; first failure: " + firstError));
        System.out.println("  " + notes.get(notes.size() - 1));
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private WebSession session(Credentials.Account account) throws Exception {
        var existing = sessions.get(account.username());
        if (existing != null) {
            return existing;
        }
        var session = new WebSession(base);
        if (!session.login(account)) {
            throw new IllegalStateException("could not sign in as " + account.username());
        }
        sessions.put(account.username(), session);
        return session;
    }

    private Credentials.Account account(String username) {
        return new Credentials.Account(username, username.equals("admin") ? credentials.adminPassword() : credentials.demoPassword());
    }

    private Officer officer(String username) throws SQLException {
        long id;
        var units = new HashSet<Long>();
        var scope = new ArrayList<String>();
        try (var st = db.prepareStatement("""
                select u.id, r.unit_id, o.code from identity_user u join identity_role_assignment r on r.user_id = u.id
                join org_unit o on o.id = r.unit_id where u.username = ?
                """)) {
            st.setString(1, username);
            try (var rows = st.executeQuery()) {
                id = -1;
                var roleUnits = new ArrayList<Long>();
                while (rows.next()) {
                    id = rows.getLong(1);
                    roleUnits.add(rows.getLong(2));
                    scope.add(rows.getString(3));
                }
                for (var unit : roleUnits) {
                    units.addAll(ids(PetitionSql.READABLE_UNITS, Map.of("id", unit)));
                }
            }
        }
        return new Officer(username, id, units.toArray(Long[]::new), String.join(",", scope));
    }

    private Long[] subtree(long unitId) throws SQLException {
        var cached = subtrees.get(unitId);
        if (cached == null) {
            // PetitionQueries.unitsFor since session 11: the subtree and the units that passed into it
            var ids = new HashSet<>(ids(PetitionSql.READABLE_UNITS, Map.of("id", unitId)));
            ids.add(unitId);
            cached = ids.toArray(Long[]::new);
            subtrees.put(unitId, cached);
        }
        return cached;
    }

    private List<Long> ids(NamedSql sql, Map<String, Object> params) throws SQLException {
        return sql.longs(db, params);
    }

    private List<Unit> units(String level) throws SQLException {
        var out = new ArrayList<Unit>();
        try (var st = db.prepareStatement("""
                select id, code from org_unit where category = 'AREA' and level = ? and validity @> current_date order by id
                """)) {
            st.setString(1, level);
            try (var rows = st.executeQuery()) {
                while (rows.next()) {
                    out.add(new Unit(rows.getLong(1), rows.getString(2)));
                }
            }
        }
        return out;
    }

    /** WorkQueue.dueSoonLimit: today plus n working days (Monday–Friday, less calendar_day's days off, plus make-up days). */
    private LocalDate dueSoonLimit(int n) throws SQLException {
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> makeUp = new HashSet<>();
        try (var st = db.createStatement(); var rows = st.executeQuery("select day, kind from calendar_day")) {
            while (rows.next()) {
                (rows.getString(2).equals("MAKEUP_WORKDAY") ? makeUp : off).add(rows.getObject(1, LocalDate.class));
            }
        }
        var day = today;
        while (n > 0) {
            day = day.plusDays(1);
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (makeUp.contains(day) || !weekend && !off.contains(day)) {
                n--;
            }
        }
        return day;
    }

    private static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static long number(Object json, String key) {
        return ((Number) ((Map<?, ?>) json).get(key)).longValue();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        var text = body == null ? "" : body.replaceAll("\\s+", " ");
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
