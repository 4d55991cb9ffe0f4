package vn.danvan.dialogue;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import vn.danvan.export.HtmlPdf;
import vn.danvan.shared.NotFoundException;

/**
 * The citizens' pages of this module, open without login on the public layout (reading tools, no session):
 * the public home {@code /public/} — leading to the Dân vận khéo showcase and to the accountability pages,
 * choosing a province then a commune, or searching a unit by name without accents — and the dialogues tab of
 * a province's or commune's accountability page, also as PDF.
 */
@Controller
class PublicHomeController {

    private static final Set<String> STATUSES = Set.of("DONE", "IN_PROGRESS", "OVERDUE");

    private final PublicAccountability accountability;
    private final ITemplateEngine templates;
    private final org.springframework.context.MessageSource messages;
    private final Clock clock;

    PublicHomeController(PublicAccountability accountability, ITemplateEngine templates,
                         org.springframework.context.MessageSource messages, Clock clock) {
        this.messages = messages;
        this.accountability = accountability;
        this.templates = templates;
        this.clock = clock;
    }

    @GetMapping({"/public", "/public/"})
    String home(@RequestParam(required = false) String province, @RequestParam(required = false) String q, Model model) {
        var text = q == null || q.isBlank() ? null : q.strip();
        model.addAttribute("q", text);
        model.addAttribute("provinces", accountability.provinces());
        if (province != null && !province.isBlank()) {
            var chosen = accountability.find(province.strip()).orElseThrow(() -> new NotFoundException("unit", province));
            model.addAttribute("province", chosen);
            model.addAttribute("communes", accountability.communes(chosen.code(), text));
        } else if (text != null) {
            model.addAttribute("matches", accountability.search(text));
        }
        return "public/home";
    }

    @GetMapping("/public/accountability/{code}")
    String page(@PathVariable String code, @RequestParam(required = false) String q, @RequestParam(required = false) String status,
                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "0") int cp, Model model) {
        model.addAllAttributes(model(code, q, status, page, cp));
        return "public/accountability-dialogues";
    }

    /** The same page as data, for the portals that republish it; personal details are absent as on the page. */
    @GetMapping(value = "/public/accountability/{code}/data", produces = MediaType.APPLICATION_JSON_VALUE)
    @org.springframework.web.bind.annotation.ResponseBody
    PublicAccountability.Page data(@PathVariable String code, @RequestParam(required = false) String q,
                                  @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "0") int cp) {
        return (PublicAccountability.Page) model(code, q, status, page, cp).get("p");
    }

    @GetMapping("/public/accountability/{code}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String code, @RequestParam(required = false) String q,
                               @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "0") int cp) {
        var variables = model(code, q, status, page, cp);
        variables.put("pageUrl", ServletUriComponentsBuilder.fromCurrentContextPath().path("/public/accountability/{c}")
                .buildAndExpand(code).encode().toUriString());
        var xhtml = templates.process("public/accountability-dialogues-pdf", new Context(LocaleContextHolder.getLocale(), variables));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("trach-nhiem-giai-trinh-" + code + ".pdf", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.APPLICATION_PDF)
                .body(HtmlPdf.render(xhtml, null));
    }

    private Map<String, Object> model(String code, String q, String status, int page, int commitmentPage) {
        var wanted = status == null || status.isBlank() ? null : status.strip().toUpperCase(java.util.Locale.ROOT);
        if (wanted != null && !STATUSES.contains(wanted)) {
            throw new BadFilter("status", status);
        }
        var p = accountability.page(code, q, wanted, Math.max(0, page), Math.max(0, commitmentPage));
        var model = new LinkedHashMap<String, Object>();
        model.put("p", p);
        var words = new java.util.ArrayList<String>();
        if (p.q() != null && !p.q().isBlank()) {
            words.add("\u201c" + p.q().strip() + "\u201d");
        }
        if (wanted != null) {
            words.add(messages.getMessage("public.commitment." + wanted, null, LocaleContextHolder.getLocale()));
        }
        model.put("conditions", words.isEmpty() ? null : String.join("; ", words));
        model.put("printedOn", LocalDate.now(clock).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        return model;
    }

    /** A filter the page cannot read. */
    static class BadFilter extends RuntimeException {
        final String parameter;
        final String value;

        BadFilter(String parameter, String value) {
            super(parameter);
            this.parameter = parameter;
            this.value = value;
        }
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "public/not-found";
    }

    @ExceptionHandler(BadFilter.class)
    String badFilter(BadFilter problem, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("parameter", problem.parameter);
        model.addAttribute("value", problem.value);
        return "public/bad-filter";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String typeMismatch(MethodArgumentTypeMismatchException problem, HttpServletResponse response, Model model) {
        return badFilter(new BadFilter(problem.getName(), String.valueOf(problem.getValue())), response, model);
    }
}
