package vn.danvan.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.danvan.document.DocumentQueries.DocumentFilter;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.ProblemsOnForm;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.InvalidInputException;

/**
 * The document screens: search with filters, a document with its lineage, relations and files, and
 * the form (with "paste a citation" to pre-fill it). Forms keep what the officer typed when
 * something is wrong, each problem beside its field; a duplicate identifier links the document
 * that holds it.
 */
@Controller
class DocumentController {

    /** The form: the lead issuer and up to two joint issuers, each a unit (optional) or a name. */
    record DocumentForm(String citation, String identifier, DocumentSystem system, String kindName, String partyTerm, Long ownerUnitId,
                        Long issuerUnitId, String issuerName, Long issuer2UnitId, String issuer2Name, String issuer3Name,
                        String signerName, String signerTitle,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveTo,
                        String subject, String content, DocumentStatus status, Integer version) {

        DocumentInput toInput() {
            var issuers = new ArrayList<IssuerInput>();
            if (issuerUnitId != null || notBlank(issuerName)) {
                issuers.add(new IssuerInput(issuerUnitId, issuerName));
            }
            if (issuer2UnitId != null || notBlank(issuer2Name)) {
                issuers.add(new IssuerInput(issuer2UnitId, issuer2Name));
            }
            if (notBlank(issuer3Name)) {
                issuers.add(new IssuerInput(null, issuer3Name));
            }
            return new DocumentInput(identifier, system, kindName, partyTerm, ownerUnitId, issuers, signerName, signerTitle, issuedOn,
                    effectiveFrom, effectiveTo, subject, content, status);
        }

        static DocumentForm of(DocumentViews.DocumentDetail d) {
            var issuers = d.issuers();
            return new DocumentForm(null, d.identifierOriginal() != null ? d.identifier() : null, d.system(), d.kindName(), d.partyTerm(),
                    d.ownerUnit().id(), issuers.size() > 0 ? issuers.get(0).unitId() : null, issuers.size() > 0 ? issuers.get(0).name() : null,
                    issuers.size() > 1 ? issuers.get(1).unitId() : null, issuers.size() > 1 ? issuers.get(1).name() : null,
                    issuers.size() > 2 ? issuers.get(2).name() : null, d.signerName(), d.signerTitle(), d.issuedOn(),
                    d.effectiveFrom(), d.effectiveTo(), d.subject(), d.content(), d.status(), d.version());
        }

        private static boolean notBlank(String s) {
            return s != null && !s.isBlank();
        }
    }

    record RelationForm(RelationKind relationKind, String target, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate relatedOn,
                        String note) {
    }

    private final DocumentRegistry registry;
    private final DocumentQueries queries;
    private final CurrentUsers users;
    private final OrgUnits units;
    private final MessageSource messages;
    private final Clock clock;

    DocumentController(DocumentRegistry registry, DocumentQueries queries, CurrentUsers users, OrgUnits units, MessageSource messages,
                       Clock clock) {
        this.registry = registry;
        this.queries = queries;
        this.users = users;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    // ---- list and detail ------------------------------------------------------------------------

    @GetMapping("/documents")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
                @RequestParam(required = false) String issuer, @RequestParam(required = false) Integer year,
                @RequestParam(defaultValue = "0") int page, @RequestHeader(value = "HX-Request", required = false) String htmx,
                Model model) {
        var filter = new DocumentFilter(q, type, issuer, year);
        model.addAttribute("filter", filter);
        model.addAttribute("results", queries.search(filter, Math.max(0, page), 25, users.require()));
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("document.nav"), null)));
        return htmx != null ? "document/list :: results" : "document/list";
    }

    @GetMapping("/documents/{id}")
    String detail(@PathVariable long id, Model model) {
        return showDetail(id, new RelationForm(null, null, null, null), model);
    }

    private String showDetail(long id, RelationForm relation, Model model) {
        var document = queries.detail(id, users.require());
        model.addAttribute("document", document);
        model.addAttribute("relation", relation);
        model.addAttribute("relationKinds", RelationKind.values());
        model.addAttribute("statuses", DocumentStatus.values());
        model.addAttribute("maxMegabytes", registry.maxAttachmentBytes() / (1024 * 1024));
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("document.nav"), "/documents"),
                new Crumb(document.identifier() != null ? document.identifier() : document.kindName(), null)));
        return "document/detail";
    }

    // ---- form ----------------------------------------------------------------------------------

    @GetMapping("/documents/new")
    String newDocument(Model model) {
        var user = users.require();
        model.addAttribute("form", new DocumentForm(null, null, DocumentSystem.STATE, null, null, user.homeUnitId(), null, null, null, null,
                null, null, null, null, null, null, null, null, DocumentStatus.IN_FORCE, null));
        return showForm(model, null);
    }

    @PostMapping("/documents/new")
    String register(@ModelAttribute("form") DocumentForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return showForm(model, null);
        }
        try {
            var id = registry.register(form.toInput(), users.require());
            redirect.addFlashAttribute("flashSuccess", text("document.saved"));
            return "redirect:/documents/" + id;
        } catch (InvalidInputException invalid) {
            ProblemsOnForm.reject(onFormFields(invalid), result);
            return showForm(model, null);
        } catch (DocumentConflictException duplicate) {
            rejectDuplicate(duplicate, result, model);
            return showForm(model, null);
        }
    }

    @GetMapping("/documents/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        var document = queries.detail(id, users.require());
        if (!document.canWrite()) {
            throw new vn.danvan.shared.NotFoundException("document", id);
        }
        model.addAttribute("form", DocumentForm.of(document));
        return showForm(model, id);
    }

    @PostMapping("/documents/{id}/edit")
    String update(@PathVariable long id, @ModelAttribute("form") DocumentForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return showForm(model, id);
        }
        try {
            registry.update(id, form.toInput(), form.version() == null ? -1 : form.version(), users.require());
            redirect.addFlashAttribute("flashSuccess", text("document.saved"));
            return "redirect:/documents/" + id;
        } catch (InvalidInputException invalid) {
            ProblemsOnForm.reject(onFormFields(invalid), result);
            return showForm(model, id);
        } catch (DocumentConflictException duplicate) {
            rejectDuplicate(duplicate, result, model);
            return showForm(model, id);
        } catch (ConflictException stale) {
            redirect.addFlashAttribute("flashError", text("error.conflict", stale.key()));
            return "redirect:/documents/" + id;
        }
    }

    /** "Paste a citation": the form comes back with what the citation says filled in, the rest as typed (htmx). */
    @PostMapping("/documents/prefill")
    String prefill(@ModelAttribute("typed") DocumentForm typed, @RequestParam(required = false) Long documentId, Model model) {
        var c = Citation.parse(typed.citation());
        var id = c.identifier();
        var issuers = c.issuers();
        var form = new DocumentForm(typed.citation(), id != null ? id.normalized() : typed.identifier(),
                id != null ? id.system() : typed.system(), c.kindName() != null ? c.kindName() : typed.kindName(), typed.partyTerm(),
                typed.ownerUnitId(), issuers.isEmpty() ? typed.issuerUnitId() : null, issuers.isEmpty() ? typed.issuerName() : issuers.get(0),
                issuers.size() > 1 ? null : typed.issuer2UnitId(), issuers.size() > 1 ? issuers.get(1) : typed.issuer2Name(),
                issuers.size() > 2 ? issuers.get(2) : typed.issuer3Name(), typed.signerName(), typed.signerTitle(),
                c.issuedOn() != null ? c.issuedOn() : typed.issuedOn(), typed.effectiveFrom(), typed.effectiveTo(),
                c.subject() != null ? c.subject() : typed.subject(), typed.content(), typed.status(), typed.version());
        model.addAttribute("form", form);
        model.addAttribute("prefilled", true);
        model.addAttribute("citationProblem", c.problem() == null ? null
                : fieldText(c.problem().problems().get(0)));
        fillChoices(model, form);
        model.addAttribute("documentId", documentId);
        return "document/form :: fields";
    }

    private String showForm(Model model, Long documentId) {
        var form = (DocumentForm) model.getAttribute("form");
        fillChoices(model, form);
        model.addAttribute("documentId", documentId);
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("document.nav"), "/documents"),
                new Crumb(text(documentId == null ? "document.new.title" : "document.edit.title"), null)));
        return "document/form";
    }

    private void fillChoices(Model model, DocumentForm form) {
        var today = LocalDate.now(clock);
        var day = form != null && form.issuedOn() != null ? form.issuedOn() : today;
        model.addAttribute("systems", DocumentSystem.values());
        model.addAttribute("statuses", DocumentStatus.values());
        model.addAttribute("ownerUnitName", unitName(form == null ? null : form.ownerUnitId(), today));
        model.addAttribute("issuerUnitName", unitName(form == null ? null : form.issuerUnitId(), day));
        model.addAttribute("issuer2UnitName", unitName(form == null ? null : form.issuer2UnitId(), day));
    }

    private String unitName(Long id, LocalDate day) {
        return id == null ? null : units.find(id, day).map(u -> u.name()).orElse(null);
    }

    /** The registry names the issuers as one field; the form shows that problem beside the lead issuer. */
    private static InvalidInputException onFormFields(InvalidInputException invalid) {
        return new InvalidInputException(invalid.problems().stream()
                .map(p -> p.field().equals("issuers") ? new InvalidInputException.Problem("issuerName", p.messageKey(), p.args()) : p)
                .toList());
    }

    private void rejectDuplicate(DocumentConflictException duplicate, BindingResult result, Model model) {
        var names = String.join(", ", duplicate.documents().stream().map(DocumentConflictException.Holder::label).toList());
        result.rejectValue("identifier", duplicate.messageKey(), new Object[] {names}, duplicate.messageKey());
        model.addAttribute("duplicates", duplicate.documents());
    }

    // ---- status, delete ---------------------------------------------------------------------------

    @PostMapping("/documents/{id}/status")
    String status(@PathVariable long id, @RequestParam(required = false) DocumentStatus status, RedirectAttributes redirect) {
        try {
            registry.changeStatus(id, status, users.require());
            redirect.addFlashAttribute("flashSuccess", text("document.saved"));
        } catch (InvalidInputException invalid) {
            redirect.addFlashAttribute("flashError", fieldText(invalid.problems().get(0)));
        }
        return "redirect:/documents/" + id;
    }

    @PostMapping("/documents/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        try {
            registry.delete(id, users.require());
            redirect.addFlashAttribute("flashSuccess", text("document.deleted"));
            return "redirect:/documents";
        } catch (DocumentConflictException referenced) {
            var names = String.join(", ", referenced.documents().stream().map(DocumentConflictException.Holder::label).toList());
            redirect.addFlashAttribute("flashError", text(referenced.messageKey(), names));
            return "redirect:/documents/" + id;
        }
    }

    // ---- relations ---------------------------------------------------------------------------

    @PostMapping("/documents/{id}/relations")
    String relate(@PathVariable long id, @ModelAttribute("relation") RelationForm relation, Model model, RedirectAttributes redirect) {
        var user = users.require();
        try {
            if (relation.target() == null || relation.target().isBlank()) {
                throw new InvalidInputException("target", "validation.required");
            }
            var target = queries.idByIdentifier(relation.target())
                    .orElseThrow(() -> new InvalidInputException("target", "document.relation.target-unknown", relation.target().strip()));
            registry.relate(id, relation.relationKind(), target, relation.relatedOn(), relation.note(), user);
            redirect.addFlashAttribute("flashSuccess", text("document.relation.saved"));
            return "redirect:/documents/" + id;
        } catch (InvalidInputException invalid) {
            model.addAttribute("relationErrors", invalid.problems().stream().map(this::fieldText).toList());
            return showDetail(id, relation, model);
        }
    }

    @PostMapping("/documents/{id}/relations/{relationId}/delete")
    String unrelate(@PathVariable long id, @PathVariable long relationId, RedirectAttributes redirect) {
        registry.unrelate(id, relationId, users.require());
        redirect.addFlashAttribute("flashSuccess", text("document.relation.removed"));
        return "redirect:/documents/" + id;
    }

    // ---- attachments ----------------------------------------------------------------------------

    @PostMapping("/documents/{id}/attachments")
    String attach(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                  RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "document.attachment.empty");
            }
            registry.attach(id, file.getOriginalFilename(), file.getBytes(), users.require());
            redirect.addFlashAttribute("flashSuccess", text("document.attachment.saved"));
            return "redirect:/documents/" + id;
        } catch (InvalidInputException invalid) {
            model.addAttribute("attachmentErrors", invalid.problems().stream().map(this::fieldText).toList());
            return showDetail(id, new RelationForm(null, null, null, null), model);
        }
    }

    @GetMapping("/documents/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
        var file = queries.attachment(id, attachmentId, users.require());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(file.contentType())).body(file.content());
    }

    @PostMapping("/documents/{id}/attachments/{attachmentId}/delete")
    String detach(@PathVariable long id, @PathVariable long attachmentId, RedirectAttributes redirect) {
        registry.detach(id, attachmentId, users.require());
        redirect.addFlashAttribute("flashSuccess", text("document.attachment.removed"));
        return "redirect:/documents/" + id;
    }

    private String fieldText(InvalidInputException.Problem p) {
        var locale = LocaleContextHolder.getLocale();
        return messages.getMessage("field." + p.field(), null, p.field(), locale) + ": "
                + messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
