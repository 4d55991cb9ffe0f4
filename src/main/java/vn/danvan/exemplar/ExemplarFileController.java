package vn.danvan.exemplar;

import java.io.IOException;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.danvan.exemplar.ExemplarViews.ExemplarFilter;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.shared.Crumb;

/**
 * The registry's files on the screens: the list as .xlsx (the list page's filters), the year-end
 * report as .docx (from the dashboard), and the import page with its template.
 */
@Controller
class ExemplarFileController {

    private final ExemplarFiles files;
    private final ExemplarImport importer;
    private final CurrentUsers users;
    private final MessageSource messages;

    ExemplarFileController(ExemplarFiles files, ExemplarImport importer, CurrentUsers users, MessageSource messages) {
        this.files = files;
        this.importer = importer;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/exemplars/xlsx")
    ResponseEntity<byte[]> list(@RequestParam(required = false) String text, @RequestParam(required = false) Long unitId,
                                @RequestParam(required = false) ExemplarKind kind, @RequestParam(required = false) String field,
                                @RequestParam(required = false) ExemplarStatus status, @RequestParam(required = false) Integer year,
                                @RequestParam(required = false) RecognitionLevel level) {
        var filter = new ExemplarFilter(text, unitId, kind, field == null || field.isBlank() ? null : field, status, year, level);
        return files.list(filter, users.require());
    }

    @GetMapping("/exemplars/report.docx")
    ResponseEntity<byte[]> report(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year) {
        return files.report(unitId, year, users.require());
    }

    @GetMapping("/exemplars/import/template.xlsx")
    ResponseEntity<byte[]> template() {
        users.require();
        return files.template();
    }

    @GetMapping("/exemplars/import")
    String importPage(Model model) {
        users.require();
        return page(model);
    }

    @PostMapping("/exemplars/import")
    String importFile(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean onlyValid, Model model)
            throws IOException {
        var outcome = importer.importFile(file.getOriginalFilename(), file.getBytes(), onlyValid, users.require());
        model.addAttribute("outcome", outcome);
        model.addAttribute("fileName", file.getOriginalFilename());
        model.addAttribute("onlyValid", onlyValid);
        model.addAttribute("problems", importer.describe(outcome.problems(), LocaleContextHolder.getLocale()));
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("maxRows", ExemplarSheet.MAX_ROWS);
        model.addAttribute("maxMegabytes", ExemplarSheet.MAX_BYTES / 1024 / 1024);
        model.addAttribute("breadcrumbs", List.of(new Crumb(text("exemplar.nav"), "/exemplars"), new Crumb(text("exemplar.import.title"), null)));
        return "exemplar/import";
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
