package vn.danvan.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import vn.danvan.shared.InvalidInputException.Problem;

/**
 * The text of a narrative report template, read into paragraphs whose figures are placeholders bound to
 * indicators. Paragraphs are separated by a blank line; one starting with {@code # } is a heading, with
 * {@code - } an indented item. Placeholders:
 * <ul>
 * <li>{@code {{unit}}}, {@code {{period}}}, {@code {{year}}}, {@code {{previousPeriod}}} — the report's unit name,
 * period ("quý I năm 2026"), year, and the same period of the year before;</li>
 * <li>{@code {{CODE}}} — the indicator's value for the report's unit subtree and period;</li>
 * <li>{@code {{CODE|prev}}} — its value in the same period of the year before;</li>
 * <li>{@code {{CODE|change}}} — "tăng 12,5%", "giảm 3,0%" or "bằng" so với cùng kỳ;</li>
 * <li>a paragraph that is only {@code {{table:CODE1,CODE2,…}}} — a table of the unit's children (its own
 * bodies with figures, then its provinces or communes) by those indicators, with the total the rows add up to;</li>
 * <li>a paragraph that is only {@code {{sections:KEY}}} — the narrative section {@code KEY} of a report form
 * ({@code ket_qua}, {@code han_che} …) as the reporting units of the subtree wrote it in their submissions of the
 * period, each headed by the unit's name.</li>
 * </ul>
 */
record NarrativeTemplate(List<Block> blocks) {

    /** {@code UNIT}: the name of a unit heading its text in the units' sections. */
    enum Style { NORMAL, HEADING, INDENTED, UNIT }

    enum Variant { VALUE, PREV, CHANGE }

    sealed interface Piece permits Text, Variable, Figure {
    }

    record Text(String text) implements Piece {
    }

    /** {@code unit}, {@code period}, {@code year} or {@code previousPeriod}. */
    record Variable(String name) implements Piece {
    }

    record Figure(String indicator, Variant variant) implements Piece {
    }

    sealed interface Block permits Paragraph, Table, Sections {
    }

    record Paragraph(Style style, List<Piece> pieces) implements Block {
    }

    record Table(List<String> indicators) implements Block {
    }

    /** The units' texts of one narrative section ({@code key} in lower case, as the forms name it). */
    record Sections(String key) implements Block {
    }

    static final Set<String> VARIABLES = Set.of("unit", "period", "year", "previousPeriod");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,49}");
    private static final Pattern TABLE = Pattern.compile("\\{\\{\\s*table\\s*:\\s*([^{}]*)}}");
    private static final Pattern SECTIONS = Pattern.compile("\\{\\{\\s*sections\\s*:\\s*([^{}]*?)\\s*}}");
    private static final Pattern SECTION_KEY = Pattern.compile("[a-z][a-z0-9_]{0,49}");

    /** The indicator codes of the template's tables. */
    List<String> tableIndicators() {
        return blocks.stream().filter(Table.class::isInstance).flatMap(b -> ((Table) b).indicators().stream()).distinct().toList();
    }

    /** The indicator codes the template names, in order of first mention. */
    List<String> indicators() {
        var codes = new java.util.LinkedHashSet<String>();
        for (var block : blocks) {
            if (block instanceof Table t) {
                codes.addAll(t.indicators());
            } else if (block instanceof Paragraph p) {
                p.pieces().stream().filter(Figure.class::isInstance).map(f -> ((Figure) f).indicator()).forEach(codes::add);
            }
        }
        return List.copyOf(codes);
    }

    /**
     * Reads a template's text; each placeholder it cannot read, and each indicator {@code known} does not hold, is added
     * to {@code problems} under {@code field}.
     */
    static NarrativeTemplate parse(String text, Set<String> known, String field, List<Problem> problems) {
        return parse(text, known, null, field, problems);
    }

    /**
     * Reads a template's text, also checking that each {@code {{sections:KEY}}} names one of {@code sections} (the keys
     * of the forms' narrative sections; null: any key of the right shape).
     */
    static NarrativeTemplate parse(String text, Set<String> known, Set<String> sections, String field, List<Problem> problems) {
        var blocks = new ArrayList<Block>();
        var normalised = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
        for (var raw : normalised.split("\\n\\s*\\n")) {
            var paragraph = raw.strip();
            if (paragraph.isEmpty()) {
                continue;
            }
            var whole = whole(paragraph, known, sections, field, problems);
            if (whole != null) {
                blocks.add(whole);
                continue;
            }
            var style = Style.NORMAL;
            if (paragraph.startsWith("# ")) {
                style = Style.HEADING;
                paragraph = paragraph.substring(2).strip();
            } else if (paragraph.startsWith("- ")) {
                style = Style.INDENTED;
            }
            blocks.add(new Paragraph(style, pieces(paragraph.replaceAll("\\s*\\n\\s*", " "), known, field, problems)));
        }
        return new NarrativeTemplate(List.copyOf(blocks));
    }

    /**
     * A paragraph that is a table or the units' sections, or null when it is text. A {@code {{sections:…}}} or
     * {@code {{table:…}}} inside other text is refused: it stands for whole paragraphs.
     */
    static Block whole(String paragraph, Set<String> known, Set<String> sections, String field, List<Problem> problems) {
        var table = TABLE.matcher(paragraph);
        if (table.matches()) {
            var codes = new ArrayList<String>();
            for (var code : table.group(1).split(",")) {
                var c = code.strip();
                if (!c.isEmpty()) {
                    codes.add(checked(c, known, field, problems));
                }
            }
            if (codes.isEmpty()) {
                problems.add(new Problem(field, "reporting.narrative.table-empty", paragraph));
            }
            return new Table(List.copyOf(codes));
        }
        var section = SECTIONS.matcher(paragraph);
        if (section.matches()) {
            var key = section.group(1).strip().toLowerCase(java.util.Locale.ROOT);
            if (!SECTION_KEY.matcher(key).matches()) {
                problems.add(new Problem(field, "reporting.narrative.placeholder", "{{sections:" + section.group(1) + "}}"));
            } else if (sections != null && !sections.contains(key)) {
                problems.add(new Problem(field, "reporting.narrative.unknown-section", key, String.join(", ", new java.util.TreeSet<>(sections))));
            }
            return new Sections(key);
        }
        return null;
    }

    /** The pieces of a paragraph of text: its words, variables and figures. */
    static List<Piece> pieces(String paragraph, Set<String> known, String field, List<Problem> problems) {
        return located(paragraph, known, field, problems).stream().map(Located::piece).toList();
    }

    /** A piece of a paragraph and where it stands in the paragraph's text ({@code end} excluded). */
    record Located(int start, int end, Piece piece) {
    }

    /** The pieces of a paragraph of text with where each stands (an uploaded .docx keeps the formatting there). */
    static List<Located> located(String paragraph, Set<String> known, String field, List<Problem> problems) {
        var pieces = new ArrayList<Located>();
        var m = PLACEHOLDER.matcher(paragraph);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                pieces.add(new Located(at, m.start(), text(paragraph.substring(at, m.start()), field, problems)));
            }
            pieces.add(new Located(m.start(), m.end(), placeholder(m.group(1), known, field, problems)));
            at = m.end();
        }
        if (at < paragraph.length()) {
            pieces.add(new Located(at, paragraph.length(), text(paragraph.substring(at), field, problems)));
        }
        return List.copyOf(pieces);
    }

    private static Piece text(String text, String field, List<Problem> problems) {
        if (text.contains("{{") || text.contains("}}")) {
            problems.add(new Problem(field, "reporting.narrative.unclosed", excerpt(text)));
        }
        return new Text(text);
    }

    private static Piece placeholder(String inside, Set<String> known, String field, List<Problem> problems) {
        if (VARIABLES.contains(inside)) {
            return new Variable(inside);
        }
        if (inside.matches("(?s)(table|sections)\\s*:.*")) {
            problems.add(new Problem(field, "reporting.narrative.whole-paragraph", "{{" + inside + "}}"));
            return new Text("");
        }
        var bar = inside.indexOf('|');
        var code = (bar < 0 ? inside : inside.substring(0, bar)).strip();
        var variant = Variant.VALUE;
        if (bar >= 0) {
            var name = inside.substring(bar + 1).strip();
            switch (name) {
                case "prev" -> variant = Variant.PREV;
                case "change" -> variant = Variant.CHANGE;
                default -> problems.add(new Problem(field, "reporting.narrative.variant", "{{" + inside + "}}", name));
            }
        }
        return new Figure(checked(code, known, field, problems), variant);
    }

    private static String checked(String code, Set<String> known, String field, List<Problem> problems) {
        if (!CODE.matcher(code).matches()) {
            problems.add(new Problem(field, "reporting.narrative.placeholder", "{{" + code + "}}"));
        } else if (!known.contains(code)) {
            problems.add(new Problem(field, "reporting.narrative.unknown-indicator", code));
        }
        return code;
    }

    private static String excerpt(String text) {
        var s = text.strip();
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
