package vn.danvan.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.danvan.document.DocumentQueries;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.ProblemsOnForm;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;

/**
 * The form recording a coordination programme: title, period, owner unit, the programme document from the
 * registry by its identifier, the parties (name, and the unit's code when it is one of ours), the
 * signatories and the content items (one a line). Rows are positional: the i-th name goes with the i-th code.
 */
@Controller
class ProgrammeFormController {

    static final int PARTY_ROWS = 4;
    static final int SIGNATORY_ROWS = 3;

    record ProgrammeForm(String title, String documentIdentifier, Long ownerUnitId, Integer fromYear, Integer toYear,
                         List<String> partyNames, List<String> partyUnits, List<String> signatoryNames, List<String> signatoryTitles,
                         List<String> signatoryBodies, String items) {

        /** The form with every row list padded to its number of rows, so the page shows them all. */
        ProgrammeForm padded() {
            return new ProgrammeForm(title, documentIdentifier, ownerUnitId, fromYear, toYear, pad(partyNames, PARTY_ROWS),
                    pad(partyUnits, PARTY_ROWS), pad(signatoryNames, SIGNATORY_ROWS), pad(signatoryTitles, SIGNATORY_ROWS),
                    pad(signatoryBodies, SIGNATORY_ROWS), items);
        }

        private static List<String> pad(List<String> values, int size) {
            var out = new ArrayList<String>(values == null ? List.of() : values);
            while (out.size() < size) {
                out.add("");
            }
            return out;
        }

        static String at(List<String> values, int i) {
            return values != null && i < values.size() ? values.get(i) : null;
        }
    }

    private final CoordinationProgrammes programmes;
    private final DocumentQueries documents;
    private final CurrentUsers users;
    private final OrgUnits units;
    private final UnitCodes codes;
    private final MessageSource messages;
    private final Clock clock;

    ProgrammeFormController(CoordinationProgrammes programmes, DocumentQueries documents, CurrentUsers users, OrgUnits units,
                            UnitCodes codes, MessageSource messages, Clock clock) {
        this.programmes = programmes;
        this.documents = documents;
        this.users = users;
        this.units = units;
        this.codes = codes;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/programmes/new")
    String newProgramme(Model model) {
        var year = LocalDate.now(clock).getYear();
        return show(new ProgrammeForm(null, null, users.require().homeUnitId(), year, year + 4, null, null, null, null, null, null), model);
    }

    @PostMapping("/programmes/new")
    String create(@ModelAttribute("form") ProgrammeForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        var user = users.require();
        try {
            var problems = new ArrayList<Problem>();
            Long documentId = null;
            var identifier = TaskWriter.blankToNull(form.documentIdentifier());
            if (identifier != null) {
                documentId = documents.idByIdentifier(identifier).orElse(null);
                if (documentId == null) {
                    problems.add(new Problem("documentIdentifier", "assignment.document.unknown", identifier));
                }
            }
            var parties = new ArrayList<CoordinationProgrammes.Party>();
            for (int i = 0; i < Math.max(size(form.partyNames()), size(form.partyUnits())); i++) {
                var name = TaskWriter.blankToNull(ProgrammeForm.at(form.partyNames(), i));
                var code = TaskWriter.blankToNull(ProgrammeForm.at(form.partyUnits(), i));
                Long unitId = null;
                try {
                    unitId = codes.id(code, "partyUnits");
                } catch (InvalidInputException e) {
                    problems.addAll(e.problems());
                }
                if (name == null && unitId != null) {
                    name = units.find(unitId, LocalDate.now(clock)).map(u -> u.name()).orElse(null);
                }
                if (name != null) {
                    parties.add(new CoordinationProgrammes.Party(unitId, name));
                }
            }
            var signatories = new ArrayList<CoordinationProgrammes.Signatory>();
            for (int i = 0; i < size(form.signatoryNames()); i++) {
                signatories.add(new CoordinationProgrammes.Signatory(ProgrammeForm.at(form.signatoryNames(), i),
                        ProgrammeForm.at(form.signatoryTitles(), i), ProgrammeForm.at(form.signatoryBodies(), i)));
            }
            var items = form.items() == null ? List.<CoordinationProgrammes.ContentItem>of()
                    : form.items().lines().map(String::strip).filter(l -> !l.isEmpty())
                    .map(l -> new CoordinationProgrammes.ContentItem(l, null)).toList();
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            try {
                var id = programmes.create(new CoordinationProgrammes.ProgrammeDraft(documentId, form.ownerUnitId(), form.title(),
                        form.fromYear(), form.toYear(), parties, signatories, items), user);
                redirect.addFlashAttribute("flashSuccess", text("programme.saved"));
                return "redirect:/programmes/" + id;
            } catch (InvalidInputException e) {
                throw new InvalidInputException(e.problems().stream().map(ProgrammeFormController::onForm).toList());
            }
        } catch (InvalidInputException e) {
            ProblemsOnForm.reject(e, result);
            return show(form, model);
        }
    }

    /** A problem of the facade named as the form's field. */
    private static Problem onForm(Problem p) {
        var field = p.field();
        if (field.equals("documentId")) {
            return new Problem("documentIdentifier", p.messageKey(), p.args());
        }
        if (field.equals("parties")) {
            return new Problem("partyNames", p.messageKey(), p.args());
        }
        if (field.startsWith("signatories[")) {
            var row = Integer.parseInt(field.substring("signatories[".length(), field.indexOf(']'))) + 1;
            return field.endsWith(".title") ? new Problem("signatoryTitles", "programme.signatory.title-missing", row)
                    : new Problem("signatoryBodies", "programme.signatory.body-missing", row);
        }
        return p;
    }

    private static int size(List<String> values) {
        return values == null ? 0 : values.size();
    }

    private String show(ProgrammeForm form, Model model) {
        // the form itself stays as bound (replacing it would drop its errors); the page draws its rows from the padded copy
        model.addAttribute("form", form);
        model.addAttribute("rows", form.padded());
        model.addAttribute("ownerUnitName", form.ownerUnitId() == null ? null
                : units.find(form.ownerUnitId(), LocalDate.now(clock)).map(u -> u.name()).orElse(null));
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("programme.nav"), "/programmes"), new Crumb(text("programme.new.title"), null)));
        return "plan/programme-form";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
