package vn.danvan.democracy;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import vn.danvan.export.HtmlPdf;
import vn.danvan.shared.NotFoundException;

/**
 * The People's Inspection Board and disclosures tab of a province's or commune's public accountability
 * pages (point 4 of the issue), open without login, on the citizens' layout with its reading tools; the
 * same as PDF and as JSON. Only what {@link PublicBoard} publishes appears.
 */
@Controller
class PublicBoardController {

    private final PublicBoard board;
    private final ITemplateEngine templates;
    private final Clock clock;

    PublicBoardController(PublicBoard board, ITemplateEngine templates, Clock clock) {
        this.board = board;
        this.templates = templates;
        this.clock = clock;
    }

    @GetMapping("/public/accountability/{code}/board")
    String page(@PathVariable String code, @RequestParam(required = false) Integer year, @RequestParam(required = false) String q,
                Model model) {
        model.addAllAttributes(model(code, year, q));
        return "democracy/public-board";
    }

    @GetMapping("/public/accountability/{code}/board/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String code, @RequestParam(required = false) Integer year,
                               @RequestParam(required = false) String q) {
        var variables = model(code, year, q);
        variables.put("pageUrl", ServletUriComponentsBuilder.fromCurrentRequest().replacePath("/public/accountability/" + code + "/board")
                .build().toUriString());
        var xhtml = templates.process("democracy/public-board-pdf", new Context(LocaleContextHolder.getLocale(), variables));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("ban-thanh-tra-nhan-dan-" + code + ".pdf", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.APPLICATION_PDF)
                .body(HtmlPdf.render(xhtml, null));
    }

    /** The same page as JSON, for citizens' tools and the press. */
    @GetMapping(value = "/public/accountability/{code}/board.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    PublicBoard.Page json(@PathVariable String code, @RequestParam(required = false) Integer year, @RequestParam(required = false) String q) {
        return board.of(code, year, q).orElseThrow(() -> new NotFoundException("unit", code));
    }

    private Map<String, Object> model(String code, Integer year, String q) {
        var page = board.of(code, year, q).orElseThrow(() -> new NotFoundException("unit", code));
        var model = new LinkedHashMap<String, Object>();
        model.put("page", page);
        var today = LocalDate.now(clock);
        model.put("years", java.util.stream.IntStream.rangeClosed(2023, today.getYear()).boxed()
                .sorted(java.util.Comparator.reverseOrder()).toList());
        model.put("printedOn", today.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        var query = new StringBuilder("year=").append(page.year());
        if (!page.q().isEmpty()) {
            query.append("&q=").append(java.net.URLEncoder.encode(page.q(), StandardCharsets.UTF_8));
        }
        model.put("query", query.toString());
        return model;
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "public/not-found";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badFilter(MethodArgumentTypeMismatchException problem, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("parameter", problem.getName());
        model.addAttribute("value", String.valueOf(problem.getValue()));
        return "public/bad-filter";
    }
}
