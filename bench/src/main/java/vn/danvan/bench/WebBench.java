package vn.danvan.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The HTTP figures: a unit page and the unit API under 1/4/8 signed-in virtual users, and full
 * logins per second. Unit ids and codes come from GET /api/units (communes valid on 2026-01-01).
 */
final class WebBench {

    record Outcome(List<HttpLoad.Result> requests, List<HttpLoad.Result> logins, List<String> notes) {
    }

    private record Unit(long id, String code) {
    }

    private record Target(String name, String example, HttpLoad.Step step) {
    }

    static final String UNIT_LIST = "/api/units?level=COMMUNE&validOn=2026-01-01&page=0&size=200";

    private final URI base;
    private final Credentials credentials;
    private final BenchSettings settings;
    private final HttpLoad load;
    private final List<String> notes = new ArrayList<>();

    private final CpuMeter cpu;

    WebBench(URI base, Credentials credentials, BenchSettings settings, CpuMeter cpu) {
        this.base = base;
        this.credentials = credentials;
        this.settings = settings;
        this.cpu = cpu;
        this.load = new HttpLoad(settings.maxStepsPerWorker(), cpu);
    }

    Outcome run() throws Exception {
        var requests = new ArrayList<HttpLoad.Result>();
        var units = units();
        if (!units.isEmpty()) {
            for (var target : targets(units)) {
                requests.addAll(measure(target));
            }
        }
        return new Outcome(requests, logins(), notes);
    }

    private List<Target> targets(List<Unit> units) {
        return List.of(
                new Target("GET /units/{id} (HTML page)", "/units/" + units.get(0).id(), (worker, session, random) -> {
                    var path = "/units/" + units.get(random.nextInt(units.size())).id();
                    return expectOk(session.fetch(path), path);
                }),
                new Target("GET /api/units/{code}?on=2026-01-01", apiPath(units.get(0)), (worker, session, random) -> {
                    var path = apiPath(units.get(random.nextInt(units.size())));
                    return expectOk(session.fetch(path), path);
                }));
    }

    /** Warm-up at the largest worker count, then one timed run per worker count. */
    private List<HttpLoad.Result> measure(Target target) throws Exception {
        var sessions = signedIn(settings.maxHttpWorkers());
        int status = sessions.get(0).fetch(target.example());
        if (status != 200) {
            notes.add("%s not measured: `GET %s` answered %d.".formatted(target.name(), target.example(), status));
            return List.of();
        }
        cpu.awaitQuiet(settings.quietWait(), settings.quietPercent());
        load.run("warm-up", sessions, settings.httpWarmUp(), target.step());
        var results = new ArrayList<HttpLoad.Result>();
        for (int workers : settings.httpWorkers()) {
            var result = load.run(target.name(), sessions.subList(0, workers), settings.httpDuration(), target.step());
            results.add(result);
            System.out.printf("  %-40s %d workers: %,.0f requests/s, p95 %.2f ms, %d errors, others %.0f %% CPU%n",
                    target.name(), workers, result.perSecond(), result.latencies().millis(95), result.errors(),
                    result.othersCpu());
        }
        return results;
    }

    /** Full logins (GET /login + POST /login, fresh cookie jar each time) per second. */
    private List<HttpLoad.Result> logins() throws Exception {
        var results = new ArrayList<HttpLoad.Result>();
        HttpLoad.Step login = (worker, session, random) ->
                session.login(credentials.account(worker)) ? null : "login refused for " + credentials.account(worker).username();
        int most = settings.loginWorkers().stream().mapToInt(Integer::intValue).max().orElse(1);
        var sessions = new ArrayList<WebSession>();
        for (int i = 0; i < most; i++) {
            sessions.add(new WebSession(base));
        }
        cpu.awaitQuiet(settings.quietWait(), settings.quietPercent());
        load.run("warm-up", sessions, settings.httpWarmUp(), login);
        for (int workers : settings.loginWorkers()) {
            var result = load.run("Full login (GET + POST /login)", sessions.subList(0, workers),
                    settings.loginDuration(), login);
            results.add(result);
            System.out.printf("  %-40s %d workers: %,.1f logins/s, p95 %.1f ms, %d errors, others %.0f %% CPU%n",
                    "login", workers, result.perSecond(), result.latencies().millis(95), result.errors(),
                    result.othersCpu());
        }
        return results;
    }

    /** Communes valid on 2026-01-01, from the first page of GET /api/units; empty (with a note) if it fails. */
    private List<Unit> units() throws Exception {
        var session = signedIn(1).get(0);
        var page = session.get(UNIT_LIST);
        if (page.status() != 200) {
            notes.add(("Unit page and unit API not measured: `GET %s` answered %d (the endpoint is not in this "
                    + "build).").formatted(UNIT_LIST, page.status()));
            return List.of();
        }
        var units = new ArrayList<Unit>();
        if (Json.parse(page.body()) instanceof Map<?, ?> json && json.get("content") instanceof List<?> content) {
            for (var item : content) {
                if (item instanceof Map<?, ?> unit && unit.get("id") instanceof Number id && unit.get("code") instanceof String code) {
                    units.add(new Unit(id.longValue(), code));
                }
            }
            notes.add("Unit ids: the %d communes of `GET %s` (totalElements %s).".formatted(units.size(), UNIT_LIST,
                    json.get("totalElements")));
        }
        if (units.isEmpty()) {
            notes.add("Unit page and unit API not measured: `GET %s` listed no units.".formatted(UNIT_LIST));
        }
        return units;
    }

    private List<WebSession> signedIn(int count) throws Exception {
        var sessions = new ArrayList<WebSession>();
        for (int i = 0; i < count; i++) {
            var session = new WebSession(base);
            if (!session.login(credentials.account(i))) {
                throw new IllegalStateException("cannot log in as " + credentials.account(i).username());
            }
            sessions.add(session);
        }
        return sessions;
    }

    private static String apiPath(Unit unit) {
        return "/api/units/" + URLEncoder.encode(unit.code(), StandardCharsets.UTF_8) + "?on=2026-01-01";
    }

    private static String expectOk(int status, String path) {
        return status == 200 ? null : "HTTP " + status + " for " + path;
    }
}
