package vn.danvan.export;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An administrative document laid out per Decree 30/2020/NĐ-CP (Appendix I): the header (superior and
 * issuing body, number and symbol, national title and motto, place and date), the kind and subject, the
 * body, and the footer (recipients, signer).
 *
 * @param superiorBody   cơ quan chủ quản, e.g. "UBND TỈNH LẠNG SƠN"; null or blank: none
 * @param issuingBody    cơ quan ban hành, e.g. "BAN TIẾP CÔNG DÂN"
 * @param number         số, ký hiệu without "Số: ", e.g. "25/TB-BTCD"; null: a blank for the officer to fill
 * @param place          địa danh, e.g. "Lạng Sơn"
 * @param date           ngày ban hành; null: a blank date line to fill by hand
 * @param kind           tên loại văn bản, e.g. "THÔNG BÁO"; null for a letter without kind (công văn)
 * @param subject        trích yếu, e.g. "Về việc thụ lý giải quyết khiếu nại"
 * @param body           the paragraphs and tables, in order
 * @param recipients     nơi nhận, each written after "- "
 * @param signerAuthority the signer's lines, e.g. ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"] or ["TRƯỞNG BAN"]
 * @param signerName     null: the signature space is left with no name
 */
public record OfficialDocument(String superiorBody, String issuingBody, String number, String place, LocalDate date,
                               String kind, String subject, List<Block> body, List<String> recipients,
                               List<String> signerAuthority, String signerName) {

    public OfficialDocument {
        body = List.copyOf(body == null ? List.of() : body);
        recipients = List.copyOf(recipients == null ? List.of() : recipients);
        signerAuthority = List.copyOf(signerAuthority == null ? List.of() : signerAuthority);
    }

    /** How a body paragraph is set. */
    public enum Style {
        /** Justified, first line indented. */
        NORMAL,
        /** Bold, justified, first line indented (a section or article heading). */
        HEADING,
        /** The whole paragraph indented (a list item, a quoted line). */
        INDENTED,
        /** Centred, bold (e.g. "QUYẾT ĐỊNH:" before the articles). */
        CENTERED,
        /** Italic, justified, first line indented (a note, or a placeholder the drafter replaces). */
        NOTE
    }

    /** A piece of the body: a paragraph or a table. */
    public sealed interface Block permits Paragraph, Table {
    }

    /** A piece of a paragraph's text; with {@code href}, a hyperlink (a figure linked to the records behind it). */
    public record Span(String text, String href) {

        public Span {
            Objects.requireNonNull(text, "text");
        }

        public static Span plain(String text) {
            return new Span(text, null);
        }
    }

    /** A body paragraph: its text, or the spans it is made of (some of them hyperlinks). */
    public record Paragraph(String text, Style style, List<Span> spans) implements Block {

        public Paragraph {
            style = style == null ? Style.NORMAL : style;
            spans = spans == null || spans.isEmpty() ? List.of(Span.plain(Objects.requireNonNull(text, "text"))) : List.copyOf(spans);
            text = spans.stream().map(Span::text).collect(java.util.stream.Collectors.joining());
        }

        public Paragraph(String text, Style style) {
            this(text, style, null);
        }

        /** A paragraph of spans. */
        public static Paragraph of(List<Span> spans, Style style) {
            return new Paragraph(null, style, spans.isEmpty() ? List.of(Span.plain("")) : spans);
        }

        public static Paragraph of(String text) {
            return new Paragraph(text, Style.NORMAL);
        }

        public static Paragraph heading(String text) {
            return new Paragraph(text, Style.HEADING);
        }

        public static Paragraph indented(String text) {
            return new Paragraph(text, Style.INDENTED);
        }

        public static Paragraph centered(String text) {
            return new Paragraph(text, Style.CENTERED);
        }

        public static Paragraph note(String text) {
            return new Paragraph(text, Style.NOTE);
        }
    }

    /**
     * A table with ruled cells across the text width: a bold header row, then the rows (a bold row
     * for a group or a total). The first column is left-aligned, the others centred.
     *
     * @param widths relative widths of the columns (e.g. 5, 2, 2, 2); empty: equal widths
     */
    public record Table(List<String> header, List<Row> rows, List<Integer> widths) implements Block {

        public Table {
            header = List.copyOf(header);
            rows = List.copyOf(rows);
            widths = widths == null ? List.of() : List.copyOf(widths);
            if (!widths.isEmpty() && widths.size() != header.size()) {
                throw new IllegalArgumentException("one width per column");
            }
            for (Row row : rows) {
                if (row.cells().size() != header.size()) {
                    throw new IllegalArgumentException("one cell per column: " + row.cells());
                }
            }
        }

        /**
         * A row of cells; {@code bold} for a group heading or a total; {@code links} empty, or one per cell (null where
         * a cell is not a hyperlink).
         */
        public record Row(List<String> cells, boolean bold, List<String> links) {

            public Row {
                cells = List.copyOf(cells);
                links = links == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(links));
                if (!links.isEmpty() && links.size() != cells.size()) {
                    throw new IllegalArgumentException("one link (or null) per cell");
                }
            }

            public Row(List<String> cells, boolean bold) {
                this(cells, bold, null);
            }

            /** The hyperlink of cell {@code c}, or null. */
            public String link(int c) {
                return links.isEmpty() ? null : links.get(c);
            }

            public static Row of(String... cells) {
                return new Row(List.of(cells), false);
            }

            public static Row bold(String... cells) {
                return new Row(List.of(cells), true);
            }
        }
    }

    /** The texts of the body's paragraphs, for tests and previews. */
    public List<String> bodyTexts() {
        return body.stream().filter(Paragraph.class::isInstance).map(b -> ((Paragraph) b).text()).toList();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String superiorBody;
        private String issuingBody;
        private String number;
        private String place;
        private LocalDate date;
        private String kind;
        private String subject;
        private final List<Block> body = new ArrayList<>();
        private final List<String> recipients = new ArrayList<>();
        private final List<String> signerAuthority = new ArrayList<>();
        private String signerName;

        private Builder() {
        }

        public Builder superiorBody(String superiorBody) {
            this.superiorBody = superiorBody;
            return this;
        }

        public Builder issuingBody(String issuingBody) {
            this.issuingBody = issuingBody;
            return this;
        }

        public Builder number(String number) {
            this.number = number;
            return this;
        }

        public Builder place(String place) {
            this.place = place;
            return this;
        }

        public Builder date(LocalDate date) {
            this.date = date;
            return this;
        }

        public Builder kind(String kind) {
            this.kind = kind;
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder paragraph(String text) {
            body.add(Paragraph.of(text));
            return this;
        }

        public Builder heading(String text) {
            body.add(Paragraph.heading(text));
            return this;
        }

        public Builder indented(String text) {
            body.add(Paragraph.indented(text));
            return this;
        }

        public Builder centered(String text) {
            body.add(Paragraph.centered(text));
            return this;
        }

        public Builder note(String text) {
            body.add(Paragraph.note(text));
            return this;
        }

        public Builder paragraph(Paragraph paragraph) {
            body.add(paragraph);
            return this;
        }

        public Builder table(Table table) {
            body.add(table);
            return this;
        }

        public Builder recipient(String recipient) {
            recipients.add(recipient);
            return this;
        }

        public Builder recipients(List<String> list) {
            recipients.addAll(list);
            return this;
        }

        /** The signer's authority lines, top to bottom, e.g. "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH". */
        public Builder signer(String... authorityLines) {
            signerAuthority.clear();
            signerAuthority.addAll(List.of(authorityLines));
            return this;
        }

        public Builder signerName(String signerName) {
            this.signerName = signerName;
            return this;
        }

        public OfficialDocument build() {
            return new OfficialDocument(superiorBody, issuingBody, number, place, date, kind, subject, body, recipients,
                    signerAuthority, signerName);
        }
    }
}
