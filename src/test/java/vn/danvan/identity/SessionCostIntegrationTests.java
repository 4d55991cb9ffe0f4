package vn.danvan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.Filter;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Sessions through the real Spring Session filter and the session table in PostgreSQL (as several app
 * instances share it): a request within a minute does not rewrite the session row, an idle session
 * still ends after 8 hours, logging out ends that session only, and a revoked role is refused on the
 * very next request of a session that is still open.
 */
@SpringBootTest
class SessionCostIntegrationTests {

    static final String PASSWORD = "mat-khau-phien-2026";
    static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        var sessions = context.getBean("springSessionRepositoryFilter", Filter.class);
        mvc = MockMvcBuilders.webAppContextSetup(context).addFilters(sessions).apply(springSecurity()).build();
    }

    @Test
    void aRequestWithinAMinuteLeavesTheSessionRowUnwrittenAndALaterOneMovesItsLastAccess() throws Exception {
        var session = login(newOfficer());
        long atLogin = lastAccess(session);

        mvc.perform(get("/api/me").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/api/me").cookie(session)).andExpect(status().isOk());
        assertThat(lastAccess(session)).isEqualTo(atLogin);

        moveLastAccessBack(session, 2 * 60_000L);
        long before = System.currentTimeMillis();
        mvc.perform(get("/api/me").cookie(session)).andExpect(status().isOk());
        assertThat(lastAccess(session)).isGreaterThanOrEqualTo(before);
        assertThat(expiry(session)).isEqualTo(lastAccess(session) + 8 * 3_600_000L);
    }

    @Test
    void aSessionIdleForEightHoursIsRefusedAndRemoved() throws Exception {
        var session = login(newOfficer());
        mvc.perform(get("/api/me").cookie(session)).andExpect(status().isOk());

        moveLastAccessBack(session, 8 * 3_600_000L + 1_000);
        mvc.perform(get("/api/me").cookie(session)).andExpect(status().isUnauthorized());
        assertThat(rows(session)).isZero();
    }

    @Test
    void loggingOutEndsThatSessionButNotTheSameUsersOtherSession() throws Exception {
        var username = newOfficer();
        var first = login(username);
        var second = login(username);
        assertThat(first.getValue()).isNotEqualTo(second.getValue());

        mvc.perform(post("/logout").cookie(first).with(csrf())).andExpect(redirectedUrl("/login?logout"));

        assertThat(rows(first)).isZero();
        mvc.perform(get("/api/me").cookie(first)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/me").cookie(second)).andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(username));
    }

    @Test
    void aRevokedRoleIsRefusedOnTheNextRequestOfAnOpenSession() throws Exception {
        var username = newOfficer();
        // an officer of another ward of Lạng Sơn: only the province's administrator may see the account
        long officerOfTheWard = jdbc.sql("select id from identity_user where username = 'canbo.dongkinh'")
                .query(Long.class).single();
        long grant = jdbc.sql("""
                insert into identity_role_assignment (user_id, role, unit_id, granted_by)
                select u.id, 'UNIT_ADMIN', p.id, 'test' from identity_user u, org_unit p
                where u.username = :u and p.code = '20' and p.validity @> current_date
                returning id
                """).param("u", username).query(Long.class).single();
        var session = login(username);
        mvc.perform(get("/api/users/{id}", officerOfTheWard).cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/api/users/{id}", officerOfTheWard).cookie(session)).andExpect(status().isOk());

        jdbc.sql("delete from identity_role_assignment where id = :id").param("id", grant).update();

        mvc.perform(get("/api/users/{id}", officerOfTheWard).cookie(session)).andExpect(status().isNotFound());
        mvc.perform(get("/api/me").cookie(session)).andExpect(status().isOk())
                .andExpect(jsonPath("$.roles.length()").value(1));
    }

    /** A fresh officer of the demo ward Lương Văn Tri (Lạng Sơn), so no other test's account is touched. */
    private String newOfficer() {
        var username = "phien.%d.%d".formatted(System.nanoTime() % 100_000, SEQUENCE.incrementAndGet());
        jdbc.sql("""
                insert into identity_user (username, display_name, password_hash, home_unit_id)
                select :u, 'Cán bộ thử phiên', :hash, home_unit_id from identity_user where username = 'canbo.luongvantri'
                """).param("u", username).param("hash", encoder.encode(PASSWORD)).update();
        jdbc.sql("""
                insert into identity_role_assignment (user_id, role, unit_id, granted_by)
                select id, 'OFFICER', home_unit_id, 'test' from identity_user where username = :u
                """).param("u", username).update();
        return username;
    }

    private Cookie login(String username) throws Exception {
        var cookie = mvc.perform(formLogin("/login").user(username).password(PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("SESSION");
        assertThat(cookie).isNotNull();
        return cookie;
    }

    private static String sessionId(Cookie cookie) {
        return new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
    }

    private long lastAccess(Cookie session) {
        return jdbc.sql("select last_access_time from identity_http_session where session_id = :id")
                .param("id", sessionId(session)).query(Long.class).single();
    }

    private long expiry(Cookie session) {
        return jdbc.sql("select expiry_time from identity_http_session where session_id = :id")
                .param("id", sessionId(session)).query(Long.class).single();
    }

    private int rows(Cookie session) {
        return jdbc.sql("select count(*) from identity_http_session where session_id = :id")
                .param("id", sessionId(session)).query(Integer.class).single();
    }

    private void moveLastAccessBack(Cookie session, long millis) {
        jdbc.sql("""
                update identity_http_session
                set last_access_time = last_access_time - :ms, expiry_time = expiry_time - :ms
                where session_id = :id
                """).param("ms", millis).param("id", sessionId(session)).update();
    }
}
