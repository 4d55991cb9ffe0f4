package vn.danvan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.danvan.SignedInMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.orgunit.OrgUnits;

/**
 * Account administration over the pages and the API, with real form logins against the demo
 * accounts (same plain {@code @SpringBootTest} context as the other integration tests: MockMvc is
 * built here, not auto-configured). Accounts that a test changes are created by that test.
 */
@SpringBootTest
class UserAdministrationIntegrationTests {

    static final String DEMO_PASSWORD = "demo-pass-123";
    static final String NEW_PASSWORD = "mat-khau-moi-2026";
    static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrgUnits units;
    @Autowired
    Clock clock;

    MockMvc mvc;

    SignedInMvc signedIn;

    @BeforeEach
    void setUp() {
        signedIn = new SignedInMvc(context);
        mvc = signedIn.mvc();
    }

    @Test
    void communeOfficerSeesOwnAccountButNotTheOfficerOfAnotherWard() throws Exception {
        var officer = login("canbo.luongvantri", DEMO_PASSWORD);
        long own = userId("canbo.luongvantri");
        long other = userId("canbo.dongkinh");

        mvc.perform(get("/users/{id}", other).session(officer)).andExpect(status().isNotFound()).andExpect(view().name("error/404"));
        mvc.perform(get("/api/users/{id}", other).session(officer))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));

        var page = body(mvc.perform(get("/users/{id}", own).session(officer)).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("Hà Văn Trí", "Phường Lương Văn Tri", "Cán bộ").doesNotContain("Sửa thông tin");
        mvc.perform(get("/api/users/{id}", own).session(officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("canbo.luongvantri"))
                .andExpect(jsonPath("$.homeUnit.code").value("05983"))
                .andExpect(jsonPath("$.passwordHash").doesNotExist());

        var list = body(mvc.perform(get("/users").session(officer)).andExpect(status().isOk()).andReturn());
        assertThat(list).contains("Hà Văn Trí").doesNotContain("Đinh Thị Kinh", "Thêm người dùng");
        var api = body(mvc.perform(get("/api/users").session(officer)).andExpect(status().isOk()).andReturn());
        assertThat(api).contains("\"canbo.luongvantri\"").doesNotContain("canbo.dongkinh");
        mvc.perform(get("/users/new").session(officer)).andExpect(status().isNotFound());
    }

    @Test
    void unitAdministratorCreatesUserInLangSonAndGrantsRoleThereButNotInNinhBinh() throws Exception {
        var admin = login("quantri.langson", DEMO_PASSWORD);
        var username = uniqueName("canbo");

        var created = mvc.perform(post("/users/new").session(admin).with(csrf())
                        .param("username", username).param("displayName", "Nguyễn Thị Mới").param("email", "moi@langson.gov.vn")
                        .param("password", NEW_PASSWORD).param("homeUnitId", String.valueOf(unitId("20"))))
                .andExpect(status().is3xxRedirection()).andReturn();
        long id = userId(username);
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/users/" + id);
        assertThat(created.getFlashMap().get("flashSuccess")).isEqualTo("Đã tạo tài khoản " + username + ".");

        var granted = mvc.perform(post("/users/{id}/roles", id).session(admin).with(csrf())
                        .param("role", "OFFICER").param("unitId", String.valueOf(unitId("05983"))))
                .andExpect(redirectedUrl("/users/" + id)).andReturn();
        assertThat(granted.getFlashMap().get("flashSuccess")).isEqualTo("Đã cấp vai trò Cán bộ tại Phường Lương Văn Tri.");
        var page = body(mvc.perform(get("/users/{id}", id).session(admin)).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("Nguyễn Thị Mới", "Tỉnh Lạng Sơn", "Phường Lương Văn Tri", "quantri.langson", "Sửa thông tin");

        mvc.perform(post("/users/new").session(admin).with(csrf())
                        .param("username", uniqueName("ninhbinh")).param("displayName", "Người Ninh Bình")
                        .param("password", NEW_PASSWORD).param("homeUnitId", String.valueOf(unitId("37"))))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("user", "homeUnitId", "user.unit.outside-scope"));
        var refused = mvc.perform(post("/users/{id}/roles", id).session(admin).with(csrf())
                        .param("role", "VIEWER").param("unitId", String.valueOf(unitId("37"))))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("grant", "unitId", "user.unit.outside-scope"))
                .andReturn();
        assertThat(body(refused)).contains("nằm ngoài phạm vi đơn vị bạn được quản trị");
        assertThat(jdbc.sql("select count(*) from identity_role_assignment where user_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void invalidFormShowsAVietnameseMessageBesideEachFieldAndKeepsWhatWasTyped() throws Exception {
        var admin = login("quantri.langson", DEMO_PASSWORD);

        var result = mvc.perform(post("/users/new").session(admin).with(csrf())
                        .param("username", "canbo.langson").param("displayName", "   ").param("email", "khong-phai-email")
                        .param("password", "ngan").param("homeUnitId", String.valueOf(unitId("20"))))
                .andExpect(status().isOk())
                .andExpect(view().name("identity/user-form"))
                .andExpect(model().attributeHasFieldErrorCode("user", "username", "user.username.taken"))
                .andExpect(model().attributeHasFieldErrorCode("user", "displayName", "validation.required"))
                .andExpect(model().attributeHasFieldErrorCode("user", "password", "user.password.too-short"))
                .andExpect(model().attributeHasFieldErrorCode("user", "email", "user.email.invalid"))
                .andReturn();

        var page = body(result);
        assertThat(page).containsPattern("id=\"username-error\"[^>]*>đã có người dùng &quot;canbo.langson&quot;<")
                .containsPattern("id=\"displayName-error\"[^>]*>không được để trống<")
                .containsPattern("id=\"password-error\"[^>]*>phải có ít nhất 10 ký tự<")
                .containsPattern("id=\"email-error\"[^>]*>không đúng định dạng thư điện tử<")
                .containsPattern("name=\"username\"[^>]*value=\"canbo.langson\"")
                .containsPattern("name=\"email\"[^>]*value=\"khong-phai-email\"")
                .contains("Tỉnh Lạng Sơn")
                .doesNotContain("value=\"ngan\"");
        assertThat(page.split("name=\"username\"", -1)).as("one username input").hasSize(2);
    }

    @Test
    void grantAndRevokeAreWrittenToTheAuditLog() throws Exception {
        var admin = login("quantri.langson", DEMO_PASSWORD);
        long id = createUser(admin, uniqueName("audit"), "20");

        mvc.perform(post("/users/{id}/roles", id).session(admin).with(csrf())
                        .param("role", "LEADER").param("unitId", String.valueOf(unitId("05977"))))
                .andExpect(redirectedUrl("/users/" + id));
        long grantId = jdbc.sql("select id from identity_role_assignment where user_id = :id and role = 'LEADER'")
                .param("id", id).query(Long.class).single();
        var revoked = mvc.perform(post("/users/{id}/roles/{grant}/revoke", id, grantId).session(admin).with(csrf()))
                .andExpect(redirectedUrl("/users/" + id)).andReturn();
        assertThat(revoked.getFlashMap().get("flashSuccess")).isEqualTo("Đã thu hồi vai trò.");

        var entries = jdbc.sql("""
                        select action, actor, unit_id, coalesce(after_state, before_state) ->> 'role' as role
                        from audit_log
                        where entity_type = 'user' and entity_id = :id and action like 'identity.role-%'
                        order by id
                        """)
                .param("id", String.valueOf(id))
                .query((rs, n) -> rs.getString("action") + " " + rs.getString("actor") + " " + rs.getLong("unit_id") + " "
                        + rs.getString("role"))
                .list();
        assertThat(entries).containsExactly(
                "identity.role-granted quantri.langson " + unitId("05977") + " LEADER",
                "identity.role-revoked quantri.langson " + unitId("05977") + " LEADER");
        assertThat(jdbc.sql("select count(*) from identity_role_assignment where id = :id").param("id", grantId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anonymousVisitorIsSentToTheLoginPageWhileTheApiAnswers401() throws Exception {
        mvc.perform(get("/users").accept(MediaType.TEXT_HTML)).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/users")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void personalAccessTokenWorksAsBearerWithoutCsrfUntilRevoked() throws Exception {
        var admin = login("quantri.langson", DEMO_PASSWORD);
        var created = mvc.perform(post("/account/tokens").session(admin).with(csrf())
                        .param("name", "Hệ thống báo cáo").param("validDays", "30"))
                .andExpect(status().isOk()).andReturn();
        var token = (AccessTokens.NewToken) created.getModelAndView().getModel().get("newToken");
        assertThat(body(created)).contains(token.secret(), "Hệ thống báo cáo");
        assertThat(created.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
        var bearer = "Bearer " + token.secret();

        mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("quantri.langson"))
                .andExpect(jsonPath("$.roles[0].role").value("UNIT_ADMIN"))
                .andExpect(jsonPath("$.roles[0].unit.code").value("20"))
                .andExpect(jsonPath("$.passwordHash").doesNotExist());
        var username = uniqueName("api");
        var body = """
                {"username":"%s","displayName":"Lò Văn Api","password":"%s","homeUnitCode":"20"}
                """.formatted(username, NEW_PASSWORD);
        mvc.perform(post("/api/users").header(HttpHeaders.AUTHORIZATION, bearer)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.homeUnit.name").value("Tỉnh Lạng Sơn"));
        long id = userId(username);
        mvc.perform(post("/api/users/{id}/roles", id).header(HttpHeaders.AUTHORIZATION, bearer)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"OFFICER\",\"unitCode\":\"05983\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[0].unit.name").value("Phường Lương Văn Tri"));

        long tokenId = token.info().id();
        mvc.perform(post("/account/tokens/{id}/revoke", tokenId).session(admin).with(csrf()))
                .andExpect(redirectedUrl("/account"));
        mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, bearer)).andExpect(status().isUnauthorized());
    }

    @Test
    void apiNamesTheFieldOfAnUnknownUnitCodeOrAUnitOutsideScope() throws Exception {
        var admin = login("quantri.langson", DEMO_PASSWORD);
        mvc.perform(post("/api/users").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"Không Có","password":"%s","homeUnitCode":"99999"}
                                """.formatted(uniqueName("nocode"), NEW_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("homeUnitCode"))
                .andExpect(jsonPath("$.detail").value("Mã đơn vị: giá trị \"99999\" không hợp lệ"));
        long id = createUser(admin, uniqueName("scope"), "20");
        mvc.perform(post("/api/users/{id}/roles", id).session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"VIEWER\",\"unitCode\":\"37\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitCode"));
    }

    @Test
    void liveSearchIgnoresAccentsAndAnswersHtmxWithOnlyTheRows() throws Exception {
        var admin = login("quantri.langson", DEMO_PASSWORD);
        var rows = body(mvc.perform(get("/users").param("q", "dinh thi kinh").header("HX-Request", "true").session(admin))
                .andExpect(status().isOk()).andReturn());
        assertThat(rows).startsWith("<div id=\"user-rows\"").contains("Đinh Thị Kinh", "Phường Đông Kinh")
                .doesNotContain("Hà Văn Trí", "<html");
        var page = body(mvc.perform(get("/users").param("q", "dinh thi kinh").session(admin)).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("<html", "Đinh Thị Kinh", "Thêm người dùng", "Trang 1/1 — 1 bản ghi");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountUntilAnAdministratorUnlocksIt() throws Exception {
        var admin = login("quantri.langson", DEMO_PASSWORD);
        var username = uniqueName("lock");
        long id = createUser(admin, username, "20");

        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(username).password("sai-mat-khau-" + i)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user(username).password(NEW_PASSWORD)).andExpect(redirectedUrl("/login?error=locked"));
        assertThat(body(mvc.perform(get("/users/{id}", id).session(admin)).andReturn())).contains("Đang bị tạm khóa");

        mvc.perform(post("/users/{id}/unlock", id).session(admin).with(csrf())).andExpect(redirectedUrl("/users/" + id));
        login(username, NEW_PASSWORD);
    }

    @Test
    void administratorRenamesAndDisablesAnAccountWhichThenCannotLogIn() throws Exception {
        var admin = login("quantri.langson", DEMO_PASSWORD);
        var username = uniqueName("off");
        long id = createUser(admin, username, "20");

        // an unticked checkbox sends only Thymeleaf's marker field "_enabled"
        var saved = mvc.perform(post("/users/{id}", id).session(admin).with(csrf())
                        .param("displayName", "Tên Đã Sửa").param("email", "").param("_enabled", "on")
                        .param("homeUnitId", String.valueOf(unitId("05983"))))
                .andExpect(redirectedUrl("/users/" + id)).andReturn();
        assertThat(saved.getFlashMap().get("flashSuccess")).isEqualTo("Đã lưu thông tin tài khoản " + username + ".");
        assertThat(body(mvc.perform(get("/users/{id}", id).session(admin)).andReturn()))
                .contains("Tên Đã Sửa", "Phường Lương Văn Tri", "Đã vô hiệu hóa");
        mvc.perform(formLogin("/login").user(username).password(NEW_PASSWORD)).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void userChangesOwnPasswordOnlyWithTheCurrentOne() throws Exception {
        var admin = login("quantri.langson", DEMO_PASSWORD);
        var username = uniqueName("own");
        createUser(admin, username, "20");
        var me = login(username, NEW_PASSWORD);

        mvc.perform(post("/account/password").session(me).with(csrf())
                        .param("currentPassword", "khong-dung-123").param("password", "mat-khau-thu-ba-3"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("passwordChange", "currentPassword", "user.password.wrong"));
        mvc.perform(post("/account/password").session(me).with(csrf())
                        .param("currentPassword", NEW_PASSWORD).param("password", "mat-khau-thu-ba-3"))
                .andExpect(redirectedUrl("/account"));
        login(username, "mat-khau-thu-ba-3");
    }

    private MockHttpSession login(String username, String password) throws Exception {
        return signedIn.login(username, password);
    }

    /** Creates an account through the page, as the signed-in administrator, and returns its id. */
    private long createUser(MockHttpSession admin, String username, String unitCode) throws Exception {
        mvc.perform(post("/users/new").session(admin).with(csrf())
                        .param("username", username).param("displayName", "Người Thử " + username)
                        .param("password", NEW_PASSWORD).param("homeUnitId", String.valueOf(unitId(unitCode))))
                .andExpect(status().is3xxRedirection());
        return userId(username);
    }

    private long userId(String username) {
        return jdbc.sql("select id from identity_user where username = :u").param("u", username).query(Long.class).single();
    }

    private long unitId(String code) {
        return units.findByCode(code, LocalDate.now(clock)).orElseThrow().id();
    }

    private static String uniqueName(String prefix) {
        return "test." + prefix + "." + SEQUENCE.incrementAndGet();
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
