package vn.danvan.reporting;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import vn.danvan.SignedInMvc;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.CurrentUsers;

/**
 * Signs a demo account in through /login and makes it the current user of the test's thread, so that
 * a test can call the services as that user (and the providers see the same principal).
 */
final class ReportingTestUsers {

    private ReportingTestUsers() {
    }

    static CurrentUser as(SignedInMvc signedIn, CurrentUsers users, String username) throws Exception {
        return as(signedIn.login(username), users);
    }

    static CurrentUser as(MockHttpSession session, CurrentUsers users) {
        var context = (SecurityContext) session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        SecurityContextHolder.setContext(context);
        return users.require();
    }

    static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
