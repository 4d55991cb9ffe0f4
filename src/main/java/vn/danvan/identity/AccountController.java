package vn.danvan.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.danvan.shared.InvalidInputException;

/**
 * The signed-in user's own page (tài khoản của tôi): their roles, changing their password, and
 * their personal access tokens. A new token's secret is shown once, in the answer to the form
 * that created it: it is never stored, not even in the session.
 */
@Controller
@RequestMapping("/account")
class AccountController {

    record PasswordChange(String currentPassword, String password) {
    }

    record TokenRequest(String name, Integer validDays) {
    }

    /** Trạng thái mã truy cập: labels {@code token.state.<name>}. */
    enum TokenState {
        ACTIVE, EXPIRED, REVOKED
    }

    record TokenView(long id, String name, ZonedDateTime createdAt, ZonedDateTime expiresAt, ZonedDateTime lastUsedAt,
                     ZonedDateTime revokedAt, TokenState state) {
    }

    private final UserManagement users;
    private final AccessTokens tokens;
    private final CurrentUsers currentUsers;
    private final UserViews views;
    private final MessageSource messages;
    private final Clock clock;

    AccountController(UserManagement users, AccessTokens tokens, CurrentUsers currentUsers, UserViews views,
                      MessageSource messages, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.currentUsers = currentUsers;
        this.views = views;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String show(Model model) {
        return page(currentUsers.require(), model);
    }

    @PostMapping("/password")
    String changePassword(@ModelAttribute("passwordChange") PasswordChange change, BindingResult result, Model model,
                          RedirectAttributes redirect, Locale locale) {
        var caller = currentUsers.require();
        if (!result.hasErrors()) {
            try {
                users.changeOwnPassword(caller, change.currentPassword(), change.password());
                redirect.addFlashAttribute("flashSuccess", messages.getMessage("account.password.changed", null, locale));
                return "redirect:/account";
            } catch (InvalidInputException invalid) {
                ProblemsOnForm.reject(invalid, result);
            }
        }
        return page(caller, model);
    }

    @PostMapping("/tokens")
    String createToken(@ModelAttribute("tokenRequest") TokenRequest request, BindingResult result, Model model,
                       HttpServletResponse response) {
        var caller = currentUsers.require();
        if (!result.hasErrors()) {
            try {
                var created = tokens.create(caller, request.name(), request.validDays());
                model.addAttribute("newToken", created);
                model.addAttribute("tokenRequest", new TokenRequest(null, null));
                response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
            } catch (InvalidInputException invalid) {
                ProblemsOnForm.reject(invalid, result);
            }
        }
        return page(caller, model);
    }

    @PostMapping("/tokens/{tokenId}/revoke")
    String revokeToken(@PathVariable long tokenId, RedirectAttributes redirect, Locale locale) {
        tokens.revoke(currentUsers.require(), tokenId);
        redirect.addFlashAttribute("flashSuccess", messages.getMessage("token.revoked", null, locale));
        return "redirect:/account";
    }

    private String page(CurrentUser caller, Model model) {
        model.addAttribute("me", views.of(users.self(caller)));
        var now = OffsetDateTime.now(clock);
        model.addAttribute("tokens", tokens.mine(caller).stream().map(token -> view(token, now)).toList());
        if (!model.containsAttribute("passwordChange")) {
            model.addAttribute("passwordChange", new PasswordChange(null, null));
        }
        if (!model.containsAttribute("tokenRequest")) {
            model.addAttribute("tokenRequest", new TokenRequest(null, null));
        }
        return "identity/account";
    }

    private TokenView view(AccessTokens.TokenInfo token, OffsetDateTime now) {
        var state = token.revokedAt() != null ? TokenState.REVOKED
                : token.expiresAt() != null && !token.expiresAt().isAfter(now) ? TokenState.EXPIRED
                : TokenState.ACTIVE;
        return new TokenView(token.id(), token.name(), views.local(token.createdAt()), views.local(token.expiresAt()),
                views.local(token.lastUsedAt()), views.local(token.revokedAt()), state);
    }
}
