package vn.danvan;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Two application instances on one PostgreSQL serve the same user: the session made by a login on
 * one is accepted by the other, and a logout on either ends it for both. The second instance
 * reaches the first one's database as an external database (DANVAN_DB_URL).
 */
class SessionsAcrossInstancesIntegrationTests {

    static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @Test
    void aSessionStartedOnOneInstanceIsServedAndEndedByTheOther() throws Exception {
        try (var first = new SpringApplicationBuilder(DanvanApplication.class).run("--server.port=0")) {
            var url = first.getBean(EmbeddedPostgres.class).getJdbcUrl("postgres", "postgres");
            try (var second = new SpringApplicationBuilder(DanvanApplication.class)
                    .run("--server.port=0", "--danvan.db.url=" + url, "--danvan.db.user=postgres")) {
                var a = "http://localhost:" + ((WebServerApplicationContext) first).getWebServer().getPort();
                var b = "http://localhost:" + ((WebServerApplicationContext) second).getWebServer().getPort();
                var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

                var login = browser.send(HttpRequest.newBuilder(URI.create(a + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString());
                var token = csrf(login.body());
                var posted = browser.send(HttpRequest.newBuilder(URI.create(a + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=canbo.dongkinh&password="
                                + SignedInMvc.DEMO_PASSWORD + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(posted.statusCode()).isEqualTo(302);
                assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));

                var meOnB = browser.send(HttpRequest.newBuilder(URI.create(b + "/api/me")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(meOnB.statusCode()).isEqualTo(200);
                assertThat(meOnB.body()).contains("\"username\":\"canbo.dongkinh\"");

                var page = browser.send(HttpRequest.newBuilder(URI.create(b + "/units")).build(),
                        HttpResponse.BodyHandlers.ofString());
                browser.send(HttpRequest.newBuilder(URI.create(b + "/logout"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf(page.body()), StandardCharsets.UTF_8)))
                        .build(), HttpResponse.BodyHandlers.ofString());
                var meOnA = browser.send(HttpRequest.newBuilder(URI.create(a + "/api/me")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(meOnA.statusCode()).isEqualTo(401);
            }
        }
    }

    private static String csrf(String html) {
        var matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("the page publishes its CSRF token").isTrue();
        return matcher.group(1);
    }
}
