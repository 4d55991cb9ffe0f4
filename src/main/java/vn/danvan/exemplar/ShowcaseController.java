package vn.danvan.exemplar;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import vn.danvan.exemplar.ExemplarShowcase.Filter;
import vn.danvan.exemplar.ExemplarShowcase.Sort;
import vn.danvan.export.HtmlPdf;
import vn.danvan.shared.NotFoundException;

/**
 * The public showcase, open without login: recognised and typical models with their public part
 * only ({@link ExemplarShowcase}), a page per model, its public files, and both pages as PDF. The
 * pages use the citizens' layout (templates/public/layout.html): no officers' menu, no CSRF token,
 * no session; the reading tools of the government portals (font size, night mode, print, read
 * aloud, PDF).
 */
@Controller
class ShowcaseController {

    /** Files a browser may show in place; anything else is offered for download. */
    private static final Set<String> INLINE_TYPES = Set.of("image/jpeg", "image/png", "image/webp", "application/pdf");

    private final ExemplarShowcase showcase;
    private final ExemplarFields fields;
    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final Clock clock;

    ShowcaseController(ExemplarShowcase showcase, ExemplarFields fields, ITemplateEngine templates, MessageSource messages,
                       Clock clock) {
        this.showcase = showcase;
        this.messages = messages;
        this.fields = fields;
        this.templates = templates;
        this.clock = clock;
    }

    @GetMapping("/public/exemplars")
    String list(@RequestParam(required = false) String text, @RequestParam(required = false) String province,
                @RequestParam(required = false) String field, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) ExemplarKind kind, @RequestParam(defaultValue = "false") boolean typical,
                @RequestParam(defaultValue = "RECENT") Sort sort, @RequestParam(defaultValue = "0") int page, Model model) {
        var filter = filter(text, province, field, year, kind, typical, sort);
        model.addAllAttributes(listModel(filter, Math.max(0, page)));
        return "public/exemplars";
    }

    @GetMapping("/public/exemplars/pdf")
    ResponseEntity<byte[]> listPdf(@RequestParam(required = false) String text, @RequestParam(required = false) String province,
                                   @RequestParam(required = false) String field, @RequestParam(required = false) Integer year,
                                   @RequestParam(required = false) ExemplarKind kind,
                                   @RequestParam(defaultValue = "false") boolean typical,
                                   @RequestParam(defaultValue = "RECENT") Sort sort, @RequestParam(defaultValue = "0") int page) {
        var variables = listModel(filter(text, province, field, year, kind, typical, sort), Math.max(0, page));
        variables.put("pageUrl", ServletUriComponentsBuilder.fromCurrentRequest().replacePath("/public/exemplars").build().toUriString());
        return pdf("public/exemplars-pdf", variables, "dan-van-kheo.pdf");
    }

    @GetMapping("/public/exemplars/{number}")
    String detail(@PathVariable String number, Model model) {
        model.addAllAttributes(detailModel(number));
        return "public/exemplar";
    }

    @GetMapping("/public/exemplars/{number}/pdf")
    ResponseEntity<byte[]> detailPdf(@PathVariable String number) {
        var variables = detailModel(number);
        variables.put("pageUrl", ServletUriComponentsBuilder.fromCurrentContextPath().path("/public/exemplars/{n}")
                .buildAndExpand(number).encode().toUriString());
        return pdf("public/exemplar-pdf", variables, number + ".pdf");
    }

    @GetMapping("/public/exemplars/{number}/files/{id}")
    ResponseEntity<byte[]> file(@PathVariable String number, @PathVariable long id) {
        var file = showcase.file(number, id).orElseThrow(() -> new NotFoundException("attachment", id));
        var disposition = INLINE_TYPES.contains(file.contentType()) ? ContentDisposition.inline() : ContentDisposition.attachment();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noCache())
                .contentType(MediaType.parseMediaType(file.contentType()))
                .body(file.content());
    }

    /**
     * Any other address under /public/ answers on the citizens' layout too (the officers' error page
     * would open a session for an anonymous visitor). The public home, /public/, is module dialogue's.
     */
    @GetMapping("/public/**")
    String unknown(HttpServletResponse response) {
        return notFound(response);
    }

    /** A model that is not public answers exactly as one that does not exist, on the citizens' layout. */
    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "public/not-found";
    }

    /**
     * A filter the page cannot read ({@code kind=XYZ}, {@code year=abc}): 400, naming the filter, with the
     * way back. An address that cannot name a record ({@code /files/abc}) is not found.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badFilter(MethodArgumentTypeMismatchException problem, HttpServletResponse response, Model model) {
        if (problem.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
            return notFound(response);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("parameter", problem.getName());
        model.addAttribute("value", String.valueOf(problem.getValue()));
        return "public/bad-filter";
    }

    private static Filter filter(String text, String province, String field, Integer year, ExemplarKind kind, boolean typical,
                                 Sort sort) {
        return new Filter(blankToNull(text), blankToNull(province), blankToNull(field), year, kind, typical, sort);
    }

    private Map<String, Object> listModel(Filter filter, int page) {
        var model = new LinkedHashMap<String, Object>();
        var provinces = showcase.provinces();
        var fieldNames = fieldNames();
        model.put("filter", filter);
        model.put("query", query(filter));
        model.put("conditions", conditions(filter, provinces, fieldNames));
        model.put("results", showcase.search(filter, page));
        model.put("countCap", ExemplarShowcase.COUNT_CAP);
        model.put("provinces", provinces);
        model.put("kinds", ExemplarKind.values());
        model.put("sorts", Sort.values());
        model.put("fieldsOfWork", fields.all().stream().filter(ExemplarFields.FieldOfWork::active).toList());
        model.put("fieldNames", fieldNames);
        model.put("years", IntStream.rangeClosed(2009, LocalDate.now(clock).getYear()).boxed()
                .sorted(java.util.Comparator.reverseOrder()).toList());
        model.put("printedOn", LocalDate.now(clock).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        return model;
    }

    /** The filters as a query string to which "page=N" can be appended: only those set, encoded. */
    static String query(Filter f) {
        var uri = UriComponentsBuilder.newInstance()
                .queryParamIfPresent("text", Optional.ofNullable(f.text()))
                .queryParamIfPresent("province", Optional.ofNullable(f.province()))
                .queryParamIfPresent("field", Optional.ofNullable(f.field()))
                .queryParamIfPresent("year", Optional.ofNullable(f.year()))
                .queryParamIfPresent("kind", Optional.ofNullable(f.kind()))
                .queryParamIfPresent("typical", Optional.ofNullable(f.typicalOnly() ? "true" : null))
                .queryParamIfPresent("sort", Optional.ofNullable(f.sort() == Sort.RECENT ? null : f.sort()))
                .encode().build().getQuery();
        return uri == null || uri.isEmpty() ? "" : uri + "&";
    }

    /** The filters in words, for the PDF of a list ("Tỉnh Thái Nguyên; năm 2024"). */
    private List<String> conditions(Filter f, List<ExemplarShowcase.Province> provinces, Map<String, String> fieldNames) {
        var words = new ArrayList<String>();
        if (f.text() != null) {
            words.add("\u201c" + f.text() + "\u201d");
        }
        if (f.province() != null) {
            provinces.stream().filter(p -> p.code().equals(f.province())).findFirst().ifPresent(p -> words.add(p.name()));
        }
        if (f.field() != null) {
            words.add(fieldNames.getOrDefault(f.field(), f.field()));
        }
        if (f.year() != null) {
            words.add(text("public.filter.year") + " " + f.year());
        }
        if (f.kind() != null) {
            words.add(text("exemplar.kind." + f.kind()));
        }
        if (f.typicalOnly()) {
            words.add(text("public.filter.typical"));
        }
        return words;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private Map<String, Object> detailModel(String number) {
        var detail = showcase.find(number).orElseThrow(() -> new NotFoundException("exemplar", number));
        var model = new LinkedHashMap<String, Object>();
        model.put("detail", detail);
        model.put("fieldNames", fieldNames());
        model.put("printedOn", LocalDate.now(clock).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        return model;
    }

    private Map<String, String> fieldNames() {
        var names = new LinkedHashMap<String, String>();
        fields.all().forEach(f -> names.put(f.code(), f.name(LocaleContextHolder.getLocale())));
        return names;
    }

    /** A page written as XHTML by Thymeleaf, then as PDF with embedded Unicode fonts. */
    private ResponseEntity<byte[]> pdf(String template, Map<String, Object> variables, String fileName) {
        var xhtml = templates.process(template, new Context(LocaleContextHolder.getLocale(), variables));
        var bytes = HtmlPdf.render(xhtml, null);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.APPLICATION_PDF)
                .body(bytes);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
