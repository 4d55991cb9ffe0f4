package vn.danvan.identity;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * The list of accounts the signed-in user may see, with an accent-insensitive live search (htmx
 * asks the same URL and gets only the rows), and the form to create an account.
 */
@Controller
@RequestMapping("/users")
class UserController {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    private final UserManagement users;
    private final CurrentUsers currentUsers;
    private final UserViews views;
    private final MessageSource messages;

    UserController(UserManagement users, CurrentUsers currentUsers, UserViews views, MessageSource messages) {
        this.users = users;
        this.currentUsers = currentUsers;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size, Model model) {
        fillList(q, page, size, model);
        return "identity/users";
    }

    /** The live search: the same list, only the rows and the pager. */
    @GetMapping(headers = {"HX-Request", "!HX-History-Restore-Request"})
    String rows(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size, Model model) {
        fillList(q, page, size, model);
        return "identity/users :: rows";
    }

    @GetMapping("/new")
    String initCreationForm(Model model) {
        requireAdministrator();
        model.addAttribute("user", new NewUser(null, null, null, null, null));
        return "identity/user-form";
    }

    @PostMapping("/new")
    String processCreationForm(@ModelAttribute("user") NewUser form, BindingResult result, Model model,
                               RedirectAttributes redirect, Locale locale) {
        var caller = requireAdministrator();
        if (!result.hasErrors()) {
            try {
                var created = users.create(caller, form);
                redirect.addFlashAttribute("flashSuccess",
                        messages.getMessage("user.created", new Object[] {created.username()}, locale));
                return "redirect:/users/" + created.id();
            } catch (InvalidInputException invalid) {
                ProblemsOnForm.reject(invalid, result);
            }
        }
        model.addAttribute("homeUnitName", form == null ? null : views.unitName(form.homeUnitId()));
        return "identity/user-form";
    }

    private void fillList(String q, int page, int size, Model model) {
        var caller = currentUsers.require();
        int rows = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
        var result = users.list(caller, q, Math.max(page, 0), rows);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("result", result);
        model.addAttribute("users", views.of(result.content()));
        model.addAttribute("canCreate", caller.administersSomething());
    }

    /** Only someone who administers some unit creates accounts; to anyone else the page does not exist. */
    private CurrentUser requireAdministrator() {
        var caller = currentUsers.require();
        if (!caller.administersSomething()) {
            throw new NotFoundException("user", "new");
        }
        return caller;
    }
}
