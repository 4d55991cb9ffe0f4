package vn.danvan.reporting;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import vn.danvan.shared.InvalidInputException.Problem;

/**
 * A narrative report template uploaded as a Word file: the officer writes the report in the official layout with the
 * placeholders of {@link NarrativeTemplate} in its text. Word splits typed text into runs at will (a placeholder may
 * come in three runs: "{{", "DON_TIEP_", "NHAN}}"), so each paragraph is read as the text of all its runs together;
 * a placeholder is found wherever it lies across them. A paragraph that is only {@code {{table:…}}} or
 * {@code {{sections:…}}} stands for a table or the units' texts in its place.
 */
final class DocxTemplate {

    /** The largest file accepted (a report template is text; 5 MB leaves room for a logo). */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    /** A paragraph of the document holding a placeholder: its number in reading order (from 1), its text, its block. */
    record Placeholders(int number, XWPFParagraph paragraph, String text, NarrativeTemplate.Block block) {
    }

    private final XWPFDocument document;
    private final List<Placeholders> found;
    private final List<String> paragraphs;

    private DocxTemplate(XWPFDocument document, List<Placeholders> found, List<String> paragraphs) {
        this.document = document;
        this.found = found;
        this.paragraphs = paragraphs;
    }

    /**
     * Reads a template file. Each placeholder it cannot read (ill-formed, unclosed, an unknown indicator or section, a
     * table or the units' texts inside a table's cell) is added to {@code problems} under {@code field}, naming the
     * paragraph (its number and first words); a file that is not a .docx is one problem.
     *
     * @return null when the file cannot be read as a Word document
     */
    static DocxTemplate read(byte[] bytes, Set<String> known, Set<String> sections, String field, List<Problem> problems) {
        if (bytes == null || bytes.length == 0) {
            problems.add(new Problem(field, "validation.required"));
            return null;
        }
        if (bytes.length > MAX_BYTES) {
            problems.add(new Problem(field, "reporting.narrative.docx.too-large", MAX_BYTES / 1024 / 1024));
            return null;
        }
        XWPFDocument document;
        try {
            document = new XWPFDocument(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(field, "reporting.narrative.docx.unreadable"));
            return null;
        }
        var found = new ArrayList<Placeholders>();
        var texts = new ArrayList<String>();
        var counter = new int[] {0};
        walk(document.getBodyElements(), false, (paragraph, inTable) -> {
            int number = ++counter[0];
            var text = text(paragraph);
            texts.add(text);
            if (!text.contains("{{") && !text.contains("}}")) {
                return;
            }
            var own = new ArrayList<Problem>();
            var block = NarrativeTemplate.whole(text.strip(), known, sections, field, own);
            if (block == null) {
                NarrativeTemplate.located(text, known, field, own);
            } else if (inTable) {
                own.add(new Problem(field, "reporting.narrative.docx.whole-in-table", text.strip()));
            }
            for (var p : own) {
                problems.add(new Problem(field, "reporting.narrative.docx.in-paragraph", number, excerpt(text),
                        new DefaultMessageSourceResolvable(new String[] {p.messageKey()}, p.args(), p.messageKey())));
            }
            found.add(new Placeholders(number, paragraph, text, block));
        });
        if (found.isEmpty()) {
            problems.add(new Problem(field, "reporting.narrative.docx.no-placeholder"));
        }
        return new DocxTemplate(document, List.copyOf(found), List.copyOf(texts));
    }

    /** The document's text, a paragraph per block (kept with the template, shown beside it and searched). */
    String text() {
        return String.join("\n\n", paragraphs.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    /** The indicator codes of the tables the placeholders put in. */
    List<String> tableIndicators() {
        return found.stream().filter(f -> f.block() instanceof NarrativeTemplate.Table)
                .flatMap(f -> ((NarrativeTemplate.Table) f.block()).indicators().stream()).distinct().toList();
    }

    /** The indicator codes the placeholders name, in order of first mention. */
    List<String> indicators() {
        var codes = new LinkedHashSet<String>();
        for (var f : found) {
            if (f.block() instanceof NarrativeTemplate.Table t) {
                codes.addAll(t.indicators());
            } else if (f.block() == null) {
                NarrativeTemplate.pieces(f.text(), Set.of(), "file", new ArrayList<>()).stream()
                        .filter(NarrativeTemplate.Figure.class::isInstance)
                        .forEach(p -> codes.add(((NarrativeTemplate.Figure) p).indicator()));
            }
        }
        return List.copyOf(codes);
    }

    /**
     * The report: the uploaded document with its own layout and styles, each placeholder replaced — a figure by a
     * hyperlink run in the placeholder's formatting, a table or the units' texts in place of their paragraph.
     */
    byte[] fill(NarrativeWriter writer) {
        for (var f : found) {
            if (f.block() instanceof NarrativeTemplate.Table t) {
                DocxFill.table(document, f.paragraph(), writer.table(t));
            } else if (f.block() instanceof NarrativeTemplate.Sections s) {
                DocxFill.paragraphs(document, f.paragraph(), writer.sections(s));
            } else {
                DocxFill.pieces(f.paragraph(), f.text(),
                        NarrativeTemplate.located(f.text(), Set.of(), "file", new ArrayList<>()), writer);
            }
        }
        try (var out = new ByteArrayOutputStream()) {
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the report", e);
        }
    }

    /** The document's paragraphs and tables as the report's blocks (after {@link #fill}: the report's). */
    List<Object> blocks() {
        return DocxFill.blocks(document);
    }

    /** Calls {@code each} on every paragraph of the body and of its tables' cells, in reading order. */
    static void walk(List<IBodyElement> elements, boolean inTable, ParagraphVisitor each) {
        for (var element : elements) {
            if (element instanceof XWPFParagraph p) {
                each.visit(p, inTable);
            } else if (element instanceof XWPFTable t) {
                for (var row : t.getRows()) {
                    for (var cell : row.getTableCells()) {
                        walk(cell.getBodyElements(), true, each);
                    }
                }
            }
        }
    }

    interface ParagraphVisitor {
        void visit(XWPFParagraph paragraph, boolean inTable);
    }

    /** A paragraph's text: the text of its runs (plain, hyperlink and field runs) run together. */
    static String text(XWPFParagraph paragraph) {
        var text = new StringBuilder();
        paragraph.getRuns().forEach(r -> text.append(r.text()));
        return text.toString();
    }

    private static String excerpt(String text) {
        var s = text.strip().replaceAll("\\s+", " ");
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
