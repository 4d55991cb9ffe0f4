package vn.danvan.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
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
import vn.danvan.shared.NotFoundException;

/**
 * One account: its roles, and for whoever manages it the forms to change it, reset its password,
 * lift a lock-out, grant and revoke roles. An account outside the caller's scope is not found.
 * Each form posts to its own URL; success redirects back here with a message, a mistake shows this
 * page again with the message beside the field.
 */
@Controller
@RequestMapping("/users/{id}")
class UserDetailController {

    /** What an administrator may change of an account; an unticked box sends nothing, which means "no". */
    record Edit(String displayName, String email, Boolean enabled, Long homeUnitId) {

        boolean mayLogIn() {
            return Boolean.TRUE.equals(enabled);
        }
    }

    record PasswordReset(String password) {
    }

    record GrantForm(Role role, Long unitId) {
    }

    private final UserManagement users;
    private final CurrentUsers currentUsers;
    private final UserViews views;
    private final MessageSource messages;

    UserDetailController(UserManagement users, CurrentUsers currentUsers, UserViews views, MessageSource messages) {
        this.users = users;
        this.currentUsers = currentUsers;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping
    String show(@PathVariable long id, Model model) {
        var caller = currentUsers.require();
        return detail(caller, users.get(caller, id), model);
    }

    @PostMapping
    String update(@PathVariable long id, @ModelAttribute("edit") Edit edit, BindingResult result, Model model,
                  RedirectAttributes redirect, Locale locale) {
        var caller = currentUsers.require();
        var user = manageable(caller, id);
        if (!result.hasErrors() && edit.homeUnitId() == null) {
            result.rejectValue("homeUnitId", "validation.required", "validation.required");
        }
        if (!result.hasErrors()) {
            try {
                users.update(caller, id, edit.displayName(), edit.email(), edit.mayLogIn(), edit.homeUnitId());
                return done(redirect, id, text(locale, "user.updated", user.username()));
            } catch (InvalidInputException invalid) {
                ProblemsOnForm.reject(invalid, result);
            }
        }
        return detail(caller, user, model);
    }

    @PostMapping("/password")
    String resetPassword(@PathVariable long id, @ModelAttribute("reset") PasswordReset reset, BindingResult result,
                         Model model, RedirectAttributes redirect, Locale locale) {
        var caller = currentUsers.require();
        var user = manageable(caller, id);
        if (!result.hasErrors()) {
            try {
                users.resetPassword(caller, id, reset.password());
                return done(redirect, id, text(locale, "user.password.reset-done", user.username()));
            } catch (InvalidInputException invalid) {
                ProblemsOnForm.reject(invalid, result);
            }
        }
        return detail(caller, user, model);
    }

    @PostMapping("/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        var caller = currentUsers.require();
        var user = manageable(caller, id);
        users.unlock(caller, id);
        return done(redirect, id, text(locale, "user.unlocked", user.username()));
    }

    @PostMapping("/roles")
    String grant(@PathVariable long id, @ModelAttribute("grant") GrantForm grant, BindingResult result, Model model,
                 RedirectAttributes redirect, Locale locale) {
        var caller = currentUsers.require();
        var user = manageable(caller, id);
        if (!result.hasErrors()) {
            try {
                users.grant(caller, id, grant.role(), grant.unitId());
                return done(redirect, id, text(locale, "user.role.granted",
                        text(locale, "role." + grant.role().name()), views.unitName(grant.unitId())));
            } catch (InvalidInputException invalid) {
                ProblemsOnForm.reject(invalid, result);
            }
        }
        return detail(caller, user, model);
    }

    @PostMapping("/roles/{grantId}/revoke")
    String revoke(@PathVariable long id, @PathVariable long grantId, RedirectAttributes redirect, Locale locale) {
        var caller = currentUsers.require();
        manageable(caller, id);
        try {
            users.revoke(caller, id, grantId);
            return done(redirect, id, text(locale, "user.role.revoked"));
        } catch (InvalidInputException invalid) {
            var reasons = invalid.problems().stream().map(p -> text(locale, p.messageKey(), p.args())).toList();
            redirect.addFlashAttribute("flashError", String.join(" ", reasons));
            return "redirect:/users/" + id;
        }
    }

    private String detail(CurrentUser caller, UserSummary user, Model model) {
        boolean canManage = users.canManage(caller, user);
        model.addAttribute("user", views.of(user));
        model.addAttribute("canManage", canManage);
        if (canManage) {
            if (!model.containsAttribute("edit")) {
                model.addAttribute("edit", new Edit(user.displayName(), user.email(), user.enabled(), user.homeUnitId()));
            }
            if (!model.containsAttribute("reset")) {
                model.addAttribute("reset", new PasswordReset(null));
            }
            if (!model.containsAttribute("grant")) {
                model.addAttribute("grant", new GrantForm(null, null));
            }
            var edit = (Edit) model.getAttribute("edit");
            var grant = (GrantForm) model.getAttribute("grant");
            model.addAttribute("editUnitName", edit == null ? null : views.unitName(edit.homeUnitId()));
            model.addAttribute("grantUnitName", grant == null ? null : views.unitName(grant.unitId()));
            model.addAttribute("grantableRoles", grantableRoles(caller));
        }
        return "identity/user";
    }

    /** The account, when the caller may change it; otherwise it is not found (nothing says it exists). */
    private UserSummary manageable(CurrentUser caller, long id) {
        var user = users.get(caller, id);
        if (!users.canManage(caller, user)) {
            throw new NotFoundException("user", id);
        }
        return user;
    }

    private static List<Role> grantableRoles(CurrentUser caller) {
        return Arrays.stream(Role.values()).filter(role -> role != Role.SYSTEM_ADMIN || caller.isSystemAdmin()).toList();
    }

    private static String done(RedirectAttributes redirect, long id, String message) {
        redirect.addFlashAttribute("flashSuccess", message);
        return "redirect:/users/" + id;
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
