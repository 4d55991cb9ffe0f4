package vn.danvan.bench;

import java.util.List;

/**
 * The SQL the application sends for the work-cycle questions, copied from DocumentQueries.search,
 * TaskQueries.list (with TaskRules.EFFECTIVE_STATUS_SQL), ImplementationMatrix.assignment/matrix and
 * MeetingQueries.search as they stand on main in session 6 (each sends only the conditions asked for), in the
 * shapes the benchmark's questions take. Keep it in step when they change.
 */
final class WorkCycleSql {

    private WorkCycleSql() {
    }

    /** The identifier condition: a whole word in a text ("1/KH-UBND" does not find "11/KH-UBND"). */
    private static final String AS_IDENTIFIER = " ~ ('(^|[^[:alnum:]/-])' || regexp_replace(search_key(:identifier), '([.^$*+?()\\[\\]{}|\\\\])', '\\\\\\1', 'g')"
            + " || '($|[^[:alnum:]/-])')";
    private static final String AS_WORDS = " like '%' || search_key(:q) || '%'";

    private static List<NamedSql> documents(String textCondition) {
        var where = """
                from document d where true
                 and d.id in (select x.id from document x where upper(x.identifier) = upper(:identifier)
                              union select x.id from document x where x.search_text%1$s
                              union select a.document_id from document_attachment a where a.search_text%1$s)
                """.formatted(textCondition);
        return List.of(
                new NamedSql("select count(*) " + where),
                new NamedSql("""
                        select d.id, d.identifier, d.system, d.kind_name, d.subject, d.issued_on, d.status,
                               (select string_agg(i.name, '; ' order by i.ordinal) from document_issuer i where i.document_id = d.id) as issuers
                        """ + where + """
                        order by upper(d.identifier) = upper(:identifier) desc nulls last, d.issued_on desc nulls last, d.id desc
                        limit :limit offset :offset"""));
    }

    /** DocumentQueries.search with only {@code q}, an identifier: the count, then the page (params identifier, q, limit, offset). */
    static final List<NamedSql> DOCUMENTS_BY_IDENTIFIER = documents(AS_IDENTIFIER);

    /** DocumentQueries.search with only {@code q}, words: the count, then the page (params q, identifier = q, limit, offset). */
    static final List<NamedSql> DOCUMENTS_BY_WORDS = documents(AS_WORDS);

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
                  or m.id in (select mu.meeting_id from meeting_unit mu where mu.unit_id = any(:units))) and m.ends_at >= cast(:from as date) and m.starts_at < cast(:to as date) + 1
            """;

    /** MeetingQueries.search as the administrator with a unit subtree and a period, newest first: the count, then the page. */
    static final List<NamedSql> MEETINGS = List.of(
            new NamedSql("select count(*) " + MEETING_WHERE),
            new NamedSql("""
                    select m.id, m.kind, m.title, m.starts_at, m.ends_at, m.place, m.host_unit_id,
                           (select s.name from meeting_series s where s.id = m.series_id) as series
                    """ + MEETING_WHERE + "order by m.starts_at desc, m.id desc limit :limit offset :offset"));
}
