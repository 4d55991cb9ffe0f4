package vn.danvan.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.ProblemsOnForm;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.InvalidInputException;

/** The coordination programme screens: the list, and a programme with its items, reviews, joint plans and renewal chain. */
@Controller
class ProgrammeController {

    record ReviewForm(Long itemId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reviewedOn, String result) {
    }

    private final CoordinationProgrammes programmes;
    private final ProgrammeQueries queries;
    private final CurrentUsers users;
    private final MessageSource messages;
    private final Clock clock;

    ProgrammeController(CoordinationProgrammes programmes, ProgrammeQueries queries, CurrentUsers users, MessageSource messages,
                        Clock clock) {
        this.programmes = programmes;
        this.queries = queries;
        this.users = users;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/programmes")
    String list(Model model) {
        model.addAttribute("programmes", queries.list(users.require()));
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("programme.nav"), null)));
        return "plan/programmes";
    }

    @GetMapping("/programmes/{id}")
    String detail(@PathVariable long id, Model model) {
        return show(id, new ReviewForm(null, LocalDate.now(clock), null), model);
    }

    private String show(long id, ReviewForm form, Model model) {
        var programme = queries.detail(id, users.require());
        model.addAttribute("programme", programme);
        model.addAttribute("review", form);
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("programme.nav"), "/programmes"), new Crumb(programme.title(), null)));
        return "plan/programme";
    }

    @PostMapping("/programmes/{id}/reviews")
    String review(@PathVariable long id, @ModelAttribute("review") ReviewForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        try {
            if (form.itemId() == null) {
                throw new InvalidInputException("itemId", "validation.required");
            }
            programmes.recordReview(form.itemId(), form.reviewedOn(), form.result(), null, users.require());
            redirect.addFlashAttribute("flashSuccess", text("programme.review.saved"));
            return "redirect:/programmes/" + id;
        } catch (InvalidInputException e) {
            ProblemsOnForm.reject(e, result);
            return show(id, form, model);
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
