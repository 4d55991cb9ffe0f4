package vn.danvan.document;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.VietnameseText;

/**
 * The SQL of a document search by {@code q}, written so that each way of matching is served by its own
 * index and no statement reads the whole registry (the work-cycle benchmark, issue 6 point 12):
 * <ul>
 * <li>the identifier: {@code upper(identifier) = upper(:identifier)}, newest first, from
 *     {@code document_identifier_newest} (an identifier-shaped {@code q} in its normal form, any other {@code q} as
 *     typed); these come first in the list;</li>
 * <li>the document's text: {@code search_text} (accent-folded) through the trigram index {@code document_search}; an
 *     identifier there only as a whole word ("1/KH-UBND" is not found inside "11/KH-UBND"), through the index of the
 *     identifiers each text cites ({@code document_cited}, V85: its whole words that hold a "/");</li>
 * <li>the attachments' text: {@code document_attachment.search_text} through {@code document_attachment_search}, an
 *     identifier through {@code document_attachment_cited}.</li>
 * </ul>
 * Each way is one branch of a {@code union}, the other filters repeated inside every branch. The count reads at
 * most {@code :cap} rows of each branch. The page takes the first {@code :n} (= offset + size) rows of each branch
 * in the list's order, then orders their union: every row of the page is among the first {@code :n} of its own
 * branch (a branch's rows before it come before it in the list too), so the answer is that of the whole union.
 * For a common word (the count reached the cap) the planner, which estimates the words as common too, walks the
 * documents newest first ({@code document_issued_newest}) and keeps those containing the words: twenty are found
 * within a few hundred, where the trigram index would fetch every containing document before sorting them. For
 * rarer words "+ 0" in the branch's order keeps it from that walk: the trigram index finds them all, then they are
 * sorted.
 */
record DocumentSearchSql(String identifier, String textCondition, String filters, String[] yearWords) {

    /**
     * The year words index's condition on a document's own text (V86: words and pairs of neighbouring words of
     * the folded text, prefixed by the year issued, 0 when undated; one tsquery per year in {@code :yearWords}).
     */
    private static final String YEAR_WORDS = " and document_year_words(d.issued_on, d.search_text)"
            + " @@ any(array(select cast(unnest(cast(:yearWords as text[])) as tsquery)))";

    /**
     * A folded identifier that the cited-identifier indexes hold (V85, SQL {@code cited_identifiers}): letters,
     * digits, "/" and "-", with a "/" — as every identifier of brief §8 is. Any other is matched as a whole word
     * by a regular expression over the trigram indexes.
     */
    private static final java.util.regex.Pattern CITABLE = java.util.regex.Pattern.compile("[a-z0-9/-]*/[a-z0-9/-]*");

    /** The list's order within a branch and for the page. */
    private static final String NEWEST_FIRST = "d.issued_on desc nulls last, d.id desc";

    static final String ROW_COLUMNS = """
            select d.id, d.identifier, d.system, d.kind_name, d.subject, d.issued_on, d.status,
                   (select string_agg(i.name, '; ' order by i.ordinal) from document_issuer i where i.document_id = d.id) as issuers
            """;

    /**
     * @param q       the words or identifier searched for (params {@code :q} and {@code :identifier})
     * @param filters the other conditions on {@code d}, each starting with " and "
     */
    static DocumentSearchSql of(String q, String filters, java.util.function.Supplier<List<Integer>> yearsNewestFirst) {
        try {
            var identifier = DocumentIdentifier.parse(q).normalized();
            // An identifier is a whole word in a text: "1/KH-UBND" does not find "11/KH-UBND" or "1/KH-UBND-VP".
            if (CITABLE.matcher(VietnameseText.searchKey(identifier)).matches()) {
                // a whole word of letters, digits, "/" and "-" with a "/" is one of the text's cited identifiers (V85)
                return new DocumentSearchSql(identifier, "cited_identifiers({text}) @> array[search_key(:identifier)]", filters, null);
            }
            return new DocumentSearchSql(identifier,
                    "{text} ~ ('(^|[^[:alnum:]/-])' || regexp_replace(search_key(:identifier), '([.^$*+?()\\[\\]{}|\\\\])', '\\\\\\1', 'g')"
                            + " || '($|[^[:alnum:]/-])')", filters, null);
        } catch (InvalidInputException notAnIdentifier) {
            // words typed after the first ask the year words index (the pairs side by side), the containment check (strpos,
            // which the planner does not join with the trigram index) keeps the hits; a LIKE wildcard keeps the trigrams
            var terms = q.matches(".*[%_\\\\].*") ? null : VietnameseText.wordTerms(q);
            return new DocumentSearchSql(q, "{text} like '%' || search_key(:q) || '%'", filters,
                    terms == null ? null : VietnameseText.perYearQueries(terms, yearsNewestFirst.get()));
        }
    }

    private String exact() {
        return "select d.id from document d where upper(d.identifier) = upper(:identifier)" + filters;
    }

    private String text() {
        return "select d.id from document d where " + ownText() + filters;
    }

    /**
     * The condition on the document's own text. With words to ask of the year words index, the containment is a
     * {@code strpos} (what was typed holds no LIKE wildcard): the planner would otherwise join each year's look-up
     * with the trigram index's (at 200,000 documents, "nong thanh vinh" read the trigrams' 206 candidates once per
     * year: 504 ms, against 12 ms without them).
     */
    private String ownText() {
        return yearWords == null ? textCondition.replace("{text}", "d.search_text") : "strpos(d.search_text, search_key(:q)) > 0";
    }

    /** The text's matches as the page reads them: through the year words index when there are words to ask. */
    private String textByWords() {
        return yearWords == null ? text() : "select d.id from document d where " + ownText() + YEAR_WORDS + filters;
    }

    /**
     * The text's matches as the count reads them: with words, one branch per year newest first, each asking that
     * year's terms ({@code :yearWords0} …), so that the count stops after the years that hold {@code :cap}.
     */
    private String textForCount() {
        if (yearWords == null) {
            return text();
        }
        var union = new StringBuilder("select t.id from (");
        for (int y = 0; y < yearWords.length; y++) {
            union.append(y == 0 ? "" : "\n union all ").append("(select d.id from document d where ").append(ownText())
                    .append(" and document_year_words(d.issued_on, d.search_text) @@ cast(:yearWords").append(y).append(" as tsquery)")
                    .append(filters).append(')');
        }
        return union.append(") t").toString();
    }

    /** The parameters of the year words ({@code :yearWords}, {@code :yearWords0} …); none for an identifier. */
    Map<String, Object> params() {
        var params = new HashMap<String, Object>();
        if (yearWords != null) {
            params.put("yearWords", yearWords);
            for (int y = 0; y < yearWords.length; y++) {
                params.put("yearWords" + y, yearWords[y]);
            }
        }
        return params;
    }

    private String attachments() {
        return "select d.id from document d where d.id in (select a.document_id from document_attachment a where "
                + textCondition.replace("{text}", "a.search_text") + ")" + filters;
    }

    /**
     * The number of matching documents, exact below {@code :cap}; {@code :cap} means at least that many. When the
     * identifier alone reaches the cap (1/KH-UBND: one per unit and year) the texts are not read at all. The branches
     * are joined by {@code union all} and counted distinct: with {@code union} the planner may sort a branch by id
     * under its limit, which reads every match before the limit applies (at 2 M documents "quy che dan chu" read
     * 166,000 matches, 108,680 pages, 750 ms, where stopping at the cap reads 741 pages).
     */
    String cappedCount() {
        return """
                select case when (select count(*) from (%s limit :cap) e) >= :cap then :cap
                            else (select least(count(distinct c.id), :cap) from (
                                      (%s limit :cap)
                                      union all (%s limit :cap)
                                      union all (%s limit :cap)) c)
                       end""".formatted(exact(), exact(), textForCount(), attachments());
    }

    /**
     * Whether the count asks the year words index year by year: then the statement is to run without parallel
     * workers, which would start several years at once and so read years that the newest ones make unneeded.
     */
    boolean countsYearByYear() {
        return yearWords != null;
    }

    /** One page ({@code :limit}, {@code :offset}; {@code :n} = offset + limit), the exact identifier first. */
    String page(boolean common) {
        var branch = "(%s\n order by " + NEWEST_FIRST + " limit :n)";
        // for rare words "+ 0" keeps the planner from walking every document newest first in search of them
        var rareOrder = "(%s\n order by d.issued_on + 0 desc nulls last, d.id desc limit :n)";
        var exactFirst = "upper(d.identifier) = upper(:identifier) desc nulls last, ";
        // the page's rows are all exact matches when there are :n of them: then the texts are not read
        var unlessExactFill = " and (select count(*) from (" + exact() + " limit :n) e) < :n";
        return ROW_COLUMNS + "from document d\nwhere d.id in (" + branch.formatted(exact())
                + "\n union " + (common ? branch.formatted(text() + unlessExactFill) : rareOrder.formatted(textByWords() + unlessExactFill))
                + "\n union " + branch.formatted(attachments() + unlessExactFill) + ")"
                + "\norder by " + exactFirst + NEWEST_FIRST + "\nlimit :limit offset :offset";
    }
}
