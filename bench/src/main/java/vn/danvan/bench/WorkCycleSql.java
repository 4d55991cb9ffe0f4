package vn.danvan.bench;

import java.util.List;

/**
 * The SQL the application sends for the work-cycle questions, copied from DocumentQueries.search,
 * TaskQueries.list (with TaskRules.EFFECTIVE_STATUS_SQL), ImplementationMatrix.assignment/matrix and
 * MeetingQueries.search as they stand after session 9 (DocumentSearchSql's branches, an identifier through V85's cited identifiers, the meetings' lower bound), in the
 * shapes the benchmark's questions take. Keep it in step when they change.
 */
final class WorkCycleSql {

    private WorkCycleSql() {
    }

    /**
     * The identifier condition: a whole word in a text ("1/KH-UBND" does not find "11/KH-UBND"), one of the text's
     * cited identifiers (V85; the generated identifiers are all letters, digits, "/" and "-").
     */
    private static final String AS_IDENTIFIER = "cited_identifiers({text}) @> array[search_key(:identifier)]";
    private static final String AS_WORDS = "{text} like '%' || search_key(:q) || '%'";

    /** DocumentQueries.COUNT_CAP + 1: a count with q stops there ("more than 1,000"). */
    static final int DOCUMENT_COUNT_CAP = 1_001;

    private static final String NEWEST_FIRST = "d.issued_on desc nulls last, d.id desc";

    /**
     * DocumentSearchSql with only {@code q}: [0] the capped count, [1] the page when the count reached the cap (the
     * text branch walks newest first), [2] the page below it (the trigram index finds all, then they are sorted).
     * Params q, identifier, cap, n (= offset + limit), limit, offset.
     */
    private static List<NamedSql> documents(String textCondition) {
        return documents(textCondition, 0);
    }

    /**
     * As {@link #documents(String)}; with {@code years} > 0 the text branch asks the year words index as
     * DocumentSearchSql does for words (V86): the count one branch per year ({@code :yearWords0} the newest, the
     * undated last), the rare page every year's terms ({@code :yearWords}).
     */
    static List<NamedSql> documents(String textCondition, int years) {
        var exact = "select d.id from document d where upper(d.identifier) = upper(:identifier)";
        // with words for the year words index the document's own text is matched by strpos (DocumentSearchSql.ownText)
        var text = years > 0 ? "select d.id from document d where strpos(d.search_text, search_key(:q)) > 0"
                : "select d.id from document d where " + textCondition.replace("{text}", "d.search_text");
        var textForCount = text;
        var textByWords = text;
        if (years > 0) {
            var union = new StringBuilder("select t.id from (");
            for (int y = 0; y < years; y++) {
                union.append(y == 0 ? "" : "\n union all ").append("(").append(text)
                        .append(" and document_year_words(d.issued_on, d.search_text) @@ cast(:yearWords").append(y).append(" as tsquery))");
            }
            textForCount = union.append(") t").toString();
            textByWords = text + " and document_year_words(d.issued_on, d.search_text)"
                    + " @@ any(array(select cast(unnest(cast(:yearWords as text[])) as tsquery)))";
        }
        var attachments = "select d.id from document d where d.id in (select a.document_id from document_attachment a where "
                + textCondition.replace("{text}", "a.search_text") + ")";
        var count = """
                select case when (select count(*) from (%s limit :cap) e) >= :cap then :cap
                            else (select least(count(distinct c.id), :cap) from (
                                      (%s limit :cap)
                                      union all (%s limit :cap)
                                      union all (%s limit :cap)) c)
                       end""".formatted(exact, exact, textForCount, attachments);
        var unlessExactFill = " and (select count(*) from (" + exact + " limit :n) e) < :n";
        var branch = "(%s\n order by " + NEWEST_FIRST + " limit :n)";
        var rare = "(%s\n order by d.issued_on + 0 desc nulls last, d.id desc limit :n)";
        var columns = """
                select d.id, d.identifier, d.system, d.kind_name, d.subject, d.issued_on, d.status,
                       (select string_agg(i.name, '; ' order by i.ordinal) from document_issuer i where i.document_id = d.id) as issuers
                from document d
                """;
        var tail = ")\norder by upper(d.identifier) = upper(:identifier) desc nulls last, " + NEWEST_FIRST + "\nlimit :limit offset :offset";
        return List.of(new NamedSql(count),
                new NamedSql(columns + "where d.id in (" + branch.formatted(exact) + "\n union " + branch.formatted(text + unlessExactFill)
                        + "\n union " + branch.formatted(attachments + unlessExactFill) + tail),
                new NamedSql(columns + "where d.id in (" + branch.formatted(exact) + "\n union " + rare.formatted(textByWords + unlessExactFill)
                        + "\n union " + branch.formatted(attachments + unlessExactFill) + tail));
    }

    /** DocumentQueries.search with only {@code q}, an identifier: count, common page, rare page (see {@link #documents}). */
    static final List<NamedSql> DOCUMENTS_BY_IDENTIFIER = documents(AS_IDENTIFIER);

    /** DocumentQueries.search with only {@code q}, words without a word the index holds: count, common page, rare page (params identifier = q). */
    static final List<NamedSql> DOCUMENTS_BY_WORDS = documents(AS_WORDS);

    /** The same for words the year words index holds, over {@code years} years (the undated among them). */
    static List<NamedSql> documentsByYearWords(int years) {
        return documents(AS_WORDS, years);
    }

    /** DocumentQueries.yearsNewestFirst: the years documents were issued in (then 0 for the undated). */
    /**
     * DocumentQueries.search asks the year words year by year without parallel workers ({@code set local
     * max_parallel_workers_per_gather = 0} in its transaction): the benchmark's connection sets it before the count and
     * puts it back after the page, both timed with the question.
     */
    static final NamedSql SERIAL = new NamedSql("select set_config('max_parallel_workers_per_gather', '0', false)");

    /** Puts back the setting {@link #SERIAL} changed, as the application's commit does. */
    static final NamedSql PARALLEL_AS_CONFIGURED = new NamedSql(
            "select set_config(name, reset_val, false) from pg_settings where name = 'max_parallel_workers_per_gather'");

    static final String DOCUMENT_YEARS = "select cast(extract(year from min(issued_on)) as integer), cast(extract(year from max(issued_on)) as integer)"
            + " from document";

    private static final String EFFECTIVE_STATUS =
            "(case when t.status in ('NOT_STARTED', 'IN_PROGRESS') and t.due_on < :today then 'OVERDUE' else t.status end)";

    private static final String OVERDUE_TASK_WHERE = """
            from plan_task t where true and t.responsible_unit_id = any(:responsible)
             and t.status in ('NOT_STARTED', 'IN_PROGRESS') and t.due_on < :today
            """;

    /**
     * TaskQueries.list for {@code GET /api/tasks?unit=&status=OVERDUE} as the administrator (no readable-unit condition):
     * the count, then the page in the default order (by deadline).
     */
    static final List<NamedSql> OVERDUE_TASKS = List.of(
            new NamedSql("select count(*) " + OVERDUE_TASK_WHERE),
            new NamedSql("""
                    select t.id, t.title, t.responsible_unit_id, t.due_on, %s as status, t.progress_percent, t.plan_id, t.parent_id,
                           (select count(*) from plan_task c where c.parent_id = t.id) as child_count, t.last_update_on
                    """.formatted(EFFECTIVE_STATUS) + OVERDUE_TASK_WHERE + " order by t.due_on, t.sort_title, t.id limit :limit offset :offset"));

    /** ImplementationMatrix.assignment (the head, with its two counts), then matrix: the count and the page. */
    static final List<NamedSql> MATRIX = List.of(
            new NamedSql("""
                    select a.id, a.document_id, a.assigning_unit_id, a.assigned_on, a.due_on, a.late_in_working_days, a.target,
                           a.target_unit_id, a.note,
                           (select count(*) from plan_assignment_unit u where u.assignment_id = a.id) as unit_count,
                           (select count(*) from plan_assignment_unit u where u.assignment_id = a.id
                                    and u.implementing_document_id is not null) as acted_count
                    from plan_assignment a
                     where a.id = :id"""),
            new NamedSql("""
                    select count(*) from plan_assignment_unit
                    where assignment_id = :a and (not cast(:only as boolean) or implementing_document_id is null)"""),
            new NamedSql("""
                    select id, unit_id, unit_code, unit_name, implementing_document_id, implemented_on, latest_report_on,
                           latest_report_text
                    from plan_assignment_unit
                    where assignment_id = :a and (not cast(:only as boolean) or implementing_document_id is null)
                    order by (implementing_document_id is not null), unit_sort_name, id
                    limit :limit offset :offset"""));

    private static final String MEETING_WHERE = """
            from meeting m where true
             and (m.host_unit_id = any(:units)
                  or m.id in (select mu.meeting_id from meeting_unit mu where mu.unit_id = any(:units))) and m.ends_at >= cast(:from as date)
 and m.starts_at >= cast(:from as date) - (select coalesce(max(x.ends_at - x.starts_at), interval '0') from meeting x)
 and m.starts_at < cast(:to as date) + 1
            """;

    /** MeetingQueries.search as the administrator with a unit subtree and a period, newest first: the count, then the page. */
    static final List<NamedSql> MEETINGS = List.of(
            new NamedSql("select count(*) " + MEETING_WHERE),
            new NamedSql("""
                    select m.id, m.kind, m.title, m.starts_at, m.ends_at, m.place, m.host_unit_id,
                           (select s.name from meeting_series s where s.id = m.series_id) as series
                    """ + MEETING_WHERE + "order by m.starts_at desc, m.id desc limit :limit offset :offset"));
}
