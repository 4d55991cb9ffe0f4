package vn.danvan.reporting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.danvan.export.Docx;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.ProblemsOnForm;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.Crumb;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * Narrative templates uploaded as Word files: administrators upload a .docx written in the official layout with
 * placeholders (or replace the file of one), anyone signed in downloads the file as uploaded or a sample to start from.
 */
@Controller
class NarrativeUploadController {

    /** The upload form; the file comes apart. {@code version}: the version read when replacing. */
    record UploadForm(String code, String title, Narratives.Layout layout, String kindName, String subject, String periodHint,
                      Integer version) {

        Narratives.NarrativeInput input() {
            return new Narratives.NarrativeInput(code, title, layout, kindName, subject, null, periodHint);
        }
    }

    private final Narratives narratives;
    private final CurrentUsers users;
    private final MessageSource messages;
    private final Clock clock;

    NarrativeUploadController(Narratives narratives, CurrentUsers users, MessageSource messages, Clock clock) {
        this.narratives = narratives;
        this.users = users;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/reporting/narratives/upload")
    String newUpload(Model model) {
        requireAdmin();
        model.addAttribute("form", new UploadForm(null, null, Narratives.Layout.PARTY, "Báo cáo", null, "QUARTER", null));
        return show(null, model);
    }

    @GetMapping("/reporting/narratives/{code}/upload")
    String replaceForm(@PathVariable String code, Model model) {
        requireAdmin();
        var n = narratives.get(code);
        model.addAttribute("form", new UploadForm(n.code(), n.title(), n.layout(), n.kindName(), n.subject(), n.periodHint(), n.version()));
        return show(n, model);
    }

    @PostMapping("/reporting/narratives/upload")
    String upload(@ModelAttribute("form") UploadForm form, BindingResult result, @RequestParam(required = false) MultipartFile file,
                  Model model, RedirectAttributes redirect) throws IOException {
        var user = users.require();
        try {
            var created = narratives.upload(form.input(), file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes(), user);
            redirect.addFlashAttribute("flashSuccess", text("reporting.narrative.saved", created.title()));
            return "redirect:/reporting/narratives";
        } catch (InvalidInputException invalid) {
            ProblemsOnForm.reject(invalid, result);
        }
        return show(null, model);
    }

    @PostMapping("/reporting/narratives/{code}/upload")
    String replace(@PathVariable String code, @ModelAttribute("form") UploadForm form, BindingResult result,
                   @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) throws IOException {
        var user = users.require();
        var narrative = narratives.get(code);
        try {
            narratives.replaceFile(code, form.input(), file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes(), form.version() == null ? -1 : form.version(), user);
            redirect.addFlashAttribute("flashSuccess", text("reporting.narrative.saved", form.title()));
            return "redirect:/reporting/narratives";
        } catch (InvalidInputException invalid) {
            ProblemsOnForm.reject(invalid, result);
        } catch (ConflictException stale) {
            result.reject("reporting.narrative.stale", new Object[] {narrative.title()}, "stale");
        }
        return show(narrative, model);
    }

    /** The file of an uploaded template, as uploaded. */
    @GetMapping("/reporting/narratives/{code}/template.docx")
    ResponseEntity<byte[]> template(@PathVariable String code) {
        users.require();
        var file = narratives.file(code).orElseThrow(() -> new NotFoundException("narrative", code));
        return file(file.bytes(), file.name());
    }

    /** A sample template with placeholders, to write one's own from. */
    @GetMapping("/reporting/narratives/sample.docx")
    ResponseEntity<byte[]> sample() {
        users.require();
        return file(NarrativeSample.docx(LocalDate.now(clock)), "mau-bao-cao-co-o-so-lieu.docx");
    }

    private String show(Narratives.Narrative editing, Model model) {
        model.addAttribute("editing", editing);
        model.addAttribute("layouts", Narratives.Layout.values());
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("reporting.nav"), "/reporting"),
                new Crumb(text("reporting.narrative.title"), "/reporting/narratives"),
                new Crumb(text(editing == null ? "reporting.narrative.upload" : "reporting.narrative.upload.replace"), null)));
        return "reporting/narrative-upload";
    }

    private static ResponseEntity<byte[]> file(byte[] bytes, String name) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(Docx.CONTENT_TYPE)).body(bytes);
    }

    private void requireAdmin() {
        if (!users.require().isSystemAdmin()) {
            throw new NotFoundException("page", "/reporting/narratives");
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
