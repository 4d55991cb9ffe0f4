package vn.danvan.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * Complete complaint lifecycles per second through the application's REST API, closed loop: each
 * worker is one signed-in demo officer (its own HttpClient and cookie jar) running one lifecycle after
 * the other. A lifecycle: POST /api/petitions (receive), GET /api/petitions/{number} (to learn the
 * matter's number), POST /api/petitions/{number}/processing (classify, ACCEPT: the matter is opened),
 * then POST /api/matters/{number}/steps with ACCEPT, START_VERIFICATION, HOLD_DIALOGUE, DECIDE (WRONG)
 * and CLOSE — seven writes, each its own transaction in the application with its timeline step and
 * audit record. Afterwards every matter started is checked CLOSED in the database.
 */
final class LifecycleBench {

    record Run(int workers, double seconds, long lifecycles, long errors, String firstError, Latencies lifecycle,
               Latencies request, Map<String, Latencies> byRequest, long closedChecked, long commits, double othersCpu) {

        double perSecond() {
            return lifecycles / seconds;
        }
    }

    record Peer(int threads, double rawMedian, double flowableMedian) {
    }

    /** A writer and the units it works at: the receiving body and the commune the complaint is about. */
    private record Desk(String username, String unit, String place) {
    }

    private static final List<Desk> DESKS = List.of(
            new Desk("canbo.langson", "20.BTCD", "05983"), new Desk("canbo.thainguyen", "19.UBND", "05443"),
            new Desk("canbo.dongkinh", "05977.UBND", "05977"), new Desk("canbo.luongvantri", "05983.UBND", "05983"));

    private static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern MATTER_NUMBER = Pattern.compile("\"matter\"\\s*:\\s*\\{[^}]*?\"number\"\\s*:\\s*\"([^\"]+)\"");

    private final URI base;
    private final Connection db;
    private final Credentials credentials;
    private final PetitionSettings settings;
    private final CpuMeter cpu;
    private final String today = LocalDate.now().toString();

    LifecycleBench(URI base, Connection db, Credentials credentials, PetitionSettings settings, CpuMeter cpu) {
        this.base = base;
        this.db = db;
        this.credentials = credentials;
        this.settings = settings;
        this.cpu = cpu;
    }

    List<Run> run() throws Exception {
        int most = settings.lifecycleWorkers().stream().mapToInt(Integer::intValue).max().orElse(1);
        var sessions = new ArrayList<WebSession>();
        for (int i = 0; i < most; i++) {
            var session = new WebSession(base);
            var desk = DESKS.get(i % DESKS.size());
            if (!session.login(new Credentials.Account(desk.username(), credentials.demoPassword()))) {
                throw new IllegalStateException("could not sign in as " + desk.username());
            }
            sessions.add(session);
        }
        // one lifecycle, checked step by step
        var check = new ArrayList<String>();
        lifecycle(sessions.get(0), DESKS.get(0), 0, new Latencies(), new LinkedHashMap<>(), check);
        System.out.println("  one lifecycle: matter " + check.get(0) + " closed");
        cpu.awaitQuiet(settings.quietWait(), settings.quietPercent());
        runFor(sessions.subList(0, most), settings.lifecycleWarmUp());
        var runs = new ArrayList<Run>();
        for (int workers : settings.lifecycleWorkers()) {
            cpu.awaitQuiet(settings.quietWait(), settings.quietPercent());
            checkpoint();
            var run = runFor(sessions.subList(0, workers), settings.lifecycleDuration());
            runs.add(run);
            System.out.printf("  %d workers: %,.1f lifecycles/s (%,d in %.1f s, %d errors), lifecycle p50 %.0f ms p95 %.0f ms, "
                            + "%,d closed checked, %.1f commits per lifecycle, others %.0f %% CPU%n", workers, run.perSecond(),
                    run.lifecycles(), run.seconds(), run.errors(), run.lifecycle().millis(50), run.lifecycle().millis(95),
                    run.closedChecked(), run.lifecycles() == 0 ? 0.0 : (double) run.commits() / run.lifecycles(), run.othersCpu());
            run.byRequest().forEach((k, v) -> System.out.printf("      %-48s p50 %6.1f ms  p95 %6.1f ms%n", k, v.millis(50), v.millis(95)));
        }
        return runs;
    }

    private Run runFor(List<WebSession> sessions, Duration duration) throws Exception {
        int workers = sessions.size();
        var pool = Executors.newFixedThreadPool(workers);
        var matters = new ConcurrentLinkedQueue<String>();
        try {
            var go = new CountDownLatch(1);
            var futures = new ArrayList<Future<Object[]>>();
            long deadline = System.nanoTime() + duration.toNanos() + 50_000_000L;
            for (int i = 0; i < workers; i++) {
                int worker = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    var lifecycle = new Latencies();
                    var request = new Latencies();
                    var byRequest = new LinkedHashMap<String, Latencies>();
                    long done = 0;
                    long errors = 0;
                    String firstError = null;
                    var started = new ArrayList<String>();
                    long n = 0;
                    while (System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        try {
                            lifecycle(sessions.get(worker), DESKS.get(worker % DESKS.size()), n++, request, byRequest, started);
                            lifecycle.recordNanos(System.nanoTime() - t0);
                            done++;
                        } catch (Exception e) {
                            errors++;
                            firstError = firstError != null ? firstError : e.getMessage();
                            if (errors > 50 && done == 0) {
                                break;
                            }
                        }
                    }
                    matters.addAll(started);
                    return new Object[] {done, errors, firstError, lifecycle, request, byRequest};
                }));
            }
            long commitsBefore = commits();
            var before = cpu.sample();
            long t = System.nanoTime();
            go.countDown();
            long done = 0;
            long errors = 0;
            String firstError = null;
            var lifecycle = new Latencies();
            var request = new Latencies();
            var byRequest = new LinkedHashMap<String, Latencies>();
            for (var f : futures) {
                var r = f.get();
                done += (long) r[0];
                errors += (long) r[1];
                firstError = firstError != null ? firstError : (String) r[2];
                lifecycle.add((Latencies) r[3]);
                request.add((Latencies) r[4]);
                @SuppressWarnings("unchecked")
                var kinds = (Map<String, Latencies>) r[5];
                kinds.forEach((k, v) -> byRequest.computeIfAbsent(k, x -> new Latencies()).add(v));
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            double others = cpu.othersPercentSince(before);
            long commits = commits() - commitsBefore;
            long closed = closed(List.copyOf(matters));
            if (closed != done) {
                throw new IllegalStateException("%d lifecycles reported done, %d of their matters CLOSED".formatted(done, closed));
            }
            return new Run(workers, seconds, done, errors, firstError, lifecycle, request, byRequest, closed, commits, others);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One lifecycle; adds its matter's number to {@code started} once it is closed. */
    private void lifecycle(WebSession s, Desk desk, long n, Latencies all, Map<String, Latencies> byRequest, List<String> started)
            throws Exception {
        var received = timed(all, byRequest, "POST /api/petitions", () -> s.postJson("/api/petitions", """
                {"unit":"%s","receivedOn":"%s","channel":"POST","petitionerKind":"PERSON","signersCount":1,
                 "subject":"Khiếu nại quyết định thu hồi đất số %d, mức bồi thường thấp (bench)",
                 "content":"Nội dung đơn: đề nghị xem xét lại mức bồi thường khi thu hồi đất làm đường.",
                 "place":"%s","persons":[{"role":"PETITIONER","organisation":false,"name":"Nguyễn Văn Bench","address":"Tổ 1",
                 "phone":"0912000000","idNumber":"001090000001"}]}""".formatted(desk.unit(), today, n, desk.place())), 201);
        var petition = group(NUMBER, received, "petition number");
        timed(all, byRequest, "POST /api/petitions/{n}/processing", () -> s.postJson("/api/petitions/" + petition + "/processing", """
                {"contentKind":"COMPLAINT","field":"ADMIN_LAND","eligible":true,"competence":"WITHIN","handling":"ACCEPT",
                 "round":1,"followUp":false,"day":"%s"}""".formatted(today)), 200);
        var detail = timed(all, byRequest, "GET /api/petitions/{n}", () -> s.get("/api/petitions/" + petition), 200);
        var matter = group(MATTER_NUMBER, detail, "matter number");
        for (var step : List.of(
                "{\"action\":\"ACCEPT\",\"day\":\"%s\",\"documentNumber\":\"TB-1\"}",
                "{\"action\":\"START_VERIFICATION\",\"day\":\"%s\",\"note\":\"Thành lập tổ xác minh\"}",
                "{\"action\":\"HOLD_DIALOGUE\",\"day\":\"%s\",\"note\":\"Đối thoại với người khiếu nại\"}",
                "{\"action\":\"DECIDE\",\"day\":\"%s\",\"documentNumber\":\"QĐ-1\",\"result\":\"WRONG\"}",
                "{\"action\":\"CLOSE\",\"day\":\"%s\",\"note\":\"Đã tổ chức thi hành\"}")) {
            var action = step.substring(11, step.indexOf('"', 11));
            timed(all, byRequest, "POST /api/matters/{n}/steps " + action, () -> s.postJson("/api/matters/" + matter + "/steps",
                    step.formatted(today)), 200);
        }
        started.add(matter);
    }

    private interface Request {
        WebSession.Page send() throws Exception;
    }

    private static String timed(Latencies all, Map<String, Latencies> byRequest, String kind, Request request, int expected)
            throws Exception {
        long t0 = System.nanoTime();
        var page = request.send();
        long took = System.nanoTime() - t0;
        all.recordNanos(took);
        byRequest.computeIfAbsent(kind, k -> new Latencies()).recordNanos(took);
        if (page.status() != expected) {
            throw new IllegalStateException("HTTP " + page.status() + ": " + page.body().substring(0, Math.min(300, page.body().length())));
        }
        return page.body();
    }

    private static String group(Pattern pattern, String body, String what) {
        var m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + what + " in " + body.substring(0, Math.min(300, body.length())));
        }
        return m.group(1);
    }

    private long closed(List<String> numbers) throws SQLException {
        if (numbers.isEmpty()) {
            return 0;
        }
        try (var st = db.prepareStatement("select count(*) from petition_matter_now where number = any(?) and status = 'CLOSED'")) {
            st.setArray(1, db.createArrayOf("text", numbers.toArray()));
            try (var rows = st.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private long commits() throws SQLException {
        try (var st = db.createStatement(); var rows = st.executeQuery(
                "select xact_commit from pg_stat_database where datname = current_database()")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void checkpoint() throws SQLException {
        try (var st = db.createStatement()) {
            st.execute("checkpoint");
        }
    }

    /** The peer's fsync=on summary (median over its 2 repetitions), from ../shared/peers/lifecycle/results. */
    static List<Peer> peers(Path results) {
        var out = new ArrayList<Peer>();
        try (var files = Files.list(results)) {
            for (var file : files.sorted().toList()) {
                var lines = Files.readAllLines(file);
                boolean inOn = false;
                for (var line : lines) {
                    if (line.startsWith("SUMMARY fsync=on")) {
                        inOn = true;
                        continue;
                    }
                    if (inOn) {
                        var m = Pattern.compile("^\\s*(\\d+) \\|\\s*([\\d.]+) /\\s*([\\d.]+) \\|\\s*([\\d.]+) /\\s*([\\d.]+)").matcher(line);
                        if (m.find()) {
                            out.add(new Peer(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(3)), Double.parseDouble(m.group(5))));
                        } else if (!line.startsWith("threads")) {
                            inOn = false;
                        }
                    }
                }
            }
        } catch (Exception e) {
            System.err.println("peer results not read: " + e);
        }
        return out;
    }

    /**
     * EXPLAIN (ANALYZE, BUFFERS) of two statements every lifecycle request runs, with the values of
     * this run's first desk: the scope of the signed-in officer (OrgUnits.scopePaths, for each of the
     * user's roles on every request) and the hot-spot reasons of the matter (HotSpots.reasonsOf →
     * flagged(the matter's unit), in the matter detail every step answers with).
     */
    Map<String, String> plans() throws SQLException {
        var out = new LinkedHashMap<String, String>();
        var desk = DESKS.get(0);
        long unit = PetitionSql.UNIT_BY_CODE.longs(db, Map.of("code", desk.unit())).get(0);
        long scopeUnit = PetitionSql.ROLE_UNIT.longs(db, Map.of("username", desk.username())).get(0);
        out.put("OrgUnits.scopePaths (every request, per role of the user; " + desk.username() + ")",
                PetitionSql.SCOPE_PATHS.explain(db, Map.of("id", scopeUnit)));
        var today = LocalDate.now();
        var matter = PetitionSql.OPEN_MATTER_OF_UNIT.longs(db, Map.of("unit", unit));
        if (!matter.isEmpty()) {
            var params = new java.util.HashMap<String, Object>(Map.of("all", true, "units", new Long[0], "matter", matter.get(0),
                    "since", today.minusDays(90), "today", today, "repeatVisits", 3, "placePetitions", 10, "matterPetitions", 5));
            out.put("HotSpots.reasonsOf one open matter of " + desk.unit() + " (in every step's answer; main at a8c0f23)",
                    PetitionSql.HOT_SPOTS.explain(db, params));
        }
        var board = new java.util.HashMap<String, Object>(Map.of("all", false, "units", new Long[] {unit},
                "since", today.minusDays(90), "today", today, "repeatVisits", 3, "placePetitions", 10, "matterPetitions", 5));
        board.put("matter", null);
        out.put("HotSpots.flagged for the whole unit " + desk.unit() + " (what reasonsOf ran for every step before a8c0f23)",
                PetitionSql.HOT_SPOTS.explain(db, board));
        return out;
    }
}
