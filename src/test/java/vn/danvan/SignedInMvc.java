package vn.danvan;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * MockMvc over the application with Spring Security, and real form logins. Built by hand rather than
 * with {@code @AutoConfigureMockMvc} so that every integration test shares one cached Spring context
 * (each context imports the ~14,000 units). The demo accounts' password is {@link #DEMO_PASSWORD}.
 */
public final class SignedInMvc {

    public static final String DEMO_PASSWORD = "demo-pass-123";
    public static final String ADMIN_PASSWORD = "admin-pass-123";

    private final MockMvc mvc;

    public SignedInMvc(WebApplicationContext context) {
        this.mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    public MockMvc mvc() {
        return mvc;
    }

    /** Logs in through /login and returns the session to pass to later requests. */
    public MockHttpSession login(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
    }

    /** Logs in a demo account. */
    public MockHttpSession login(String username) throws Exception {
        return login(username, username.equals("admin") ? ADMIN_PASSWORD : DEMO_PASSWORD);
    }
}
