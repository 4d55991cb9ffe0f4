package vn.danvan.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * One virtual user: its own HttpClient and cookie jar, signed in through the login form
 * (contracts §1). Used by one thread at a time. Redirects are not followed, so that a failed login
 * ({@code /login?error}) and a lost session (redirect to /login) show as such.
 */
final class WebSession {

    record Page(int status, String body) {
    }

    private static final Pattern CSRF = Pattern.compile("<meta\\s+name=\"_csrf\"\\s+content=\"([^\"]+)\"");
    private static final Pattern CSRF_HEADER = Pattern.compile("<meta\\s+name=\"_csrf_header\"\\s+content=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;
    private String csrfToken;
    private String csrfHeader;

    WebSession(URI base) {
        if (!base.getHost().equals("127.0.0.1") && !base.getHost().equals("localhost")) {
            throw new IllegalArgumentException("loopback only: " + base);
        }
        this.base = base;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * A full login with an empty cookie jar: GET /login for the CSRF token, then POST the form.
     * True when the answer is a redirect away from /login.
     */
    boolean login(Credentials.Account account) throws IOException, InterruptedException {
        cookies.getCookieStore().removeAll();
        csrfToken = null;
        var form = get("/login");
        var token = CSRF.matcher(form.body());
        if (form.status() != 200 || !token.find()) {
            throw new IOException("GET /login answered " + form.status() + " without a <meta name=\"_csrf\">");
        }
        var body = "username=" + encode(account.username()) + "&password=" + encode(account.password())
                + "&_csrf=" + encode(token.group(1));
        var post = HttpRequest.newBuilder(base.resolve("/login")).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        var answer = client.send(post, HttpResponse.BodyHandlers.discarding());
        var location = answer.headers().firstValue("Location").orElse("");
        return answer.statusCode() / 100 == 3 && !location.contains("/login");
    }

    Page get(String path) throws IOException, InterruptedException {
        var answer = client.send(request(path), HttpResponse.BodyHandlers.ofString());
        return new Page(answer.statusCode(), answer.body());
    }

    /** GET with a longer wait than the usual 30 s (a request that rebuilds something first). */
    Page get(String path, Duration timeout) throws IOException, InterruptedException {
        var answer = client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Page(answer.statusCode(), answer.body());
    }

    /** GET, reading the whole body but keeping none of it; returns the status. */
    int fetch(String path) throws IOException, InterruptedException {
        return client.send(request(path), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * POST a JSON body with the session's CSRF token in its header (as the pages' htmx requests send
     * it); the token comes from the {@code <meta name="_csrf">} of the home page, read once.
     */
    Page postJson(String path, String json) throws IOException, InterruptedException {
        return sendJson("POST", path, json);
    }

    /** PUT a JSON body, with the CSRF header as {@link #postJson}. */
    Page putJson(String path, String json) throws IOException, InterruptedException {
        return sendJson("PUT", path, json);
    }

    /** GET with a byte body (e.g. a .docx), returning the status and the number of bytes read. */
    long[] fetchBytes(String path) throws IOException, InterruptedException {
        var answer = client.send(request(path), HttpResponse.BodyHandlers.ofByteArray());
        return new long[] {answer.statusCode(), answer.body().length};
    }

    private Page sendJson(String method, String path, String json) throws IOException, InterruptedException {
        if (csrfToken == null) {
            var home = get("/");
            var token = CSRF.matcher(home.body());
            var header = CSRF_HEADER.matcher(home.body());
            if (home.status() != 200 || !token.find()) {
                throw new IOException("GET / answered " + home.status() + " without a <meta name=\"_csrf\">");
            }
            csrfToken = token.group(1);
            csrfHeader = header.find() ? header.group(1) : "X-CSRF-TOKEN";
        }
        var post = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header(csrfHeader, csrfToken)
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        var answer = client.send(post, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Page(answer.statusCode(), answer.body());
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET().build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
