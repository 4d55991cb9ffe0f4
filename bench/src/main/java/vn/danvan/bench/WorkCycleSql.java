package vn.danvan.bench;

import java.util.List;

/**
 * The SQL the application sends for the work-cycle questions, copied from DocumentQueries.search,
 * TaskQueries.list (with TaskRules.EFFECTIVE_STATUS_SQL), ImplementationMatrix.assignment/matrix and
 * MeetingQueries.search as they stand on main at d305680 (the merge of the plan module). Every optional
 * condition is sent as the application sends it — all of them, switched off by a null or a boolean
 * parameter. Keep it in step when they change.
 */
final class WorkCycleSql {

    private WorkCycleSql() {
    }

    private static final String DOCUMENT_WHERE = """
            from document d
            where (cast(:q as text) is null
                   or upper(d.identifier) = upper(cast(:identifier as text))
                   or d.search_text like '%' || search_key(cast(:q as text)) || '%'
                   or exists (select 1 from document_attachment a
                              where a.document_id = d.id and a.search_text like '%' || search_key(cast(:q as text)) || '%'))
              and (cast(:type as text) is null or upper(d.type) = upper(cast(:type as text)))
              and (cast(:year as integer) is null or coalesce(d.id_year, cast(extract(year from d.issued_on) as integer)) = :year)
              and (cast(:issuer as text) is null
                   or upper(cast(:issuer as text)) in (select upper(x) from unnest(d.issuer_codes) x)
                   or exists (select 1 from document_issuer i
                              where i.document_id = d.id and search_key(i.name) like '%' || search_key(cast(:issuer as text)) || '%'))
            """;

    /** DocumentQueries.search: the count, then the page (params q, identifier, type, year, issuer, limit, offset). */
    static final List<NamedSql> DOCUMENTS = List.of(
            new NamedSql("select count(*) " + DOCUMENT_WHERE),
            new NamedSql("""
                    select d.id, d.identifier, d.system, d.kind_name, d.subject, d.issued_on, d.status,
                           (select string_agg(i.name, '; ' order by i.ordinal) from document_issuer i where i.document_id = d.id) as issuers
                    """ + DOCUMENT_WHERE + """
                    order by coalesce(upper(d.identifier) = upper(cast(:identifier as text)), false) desc, d.issued_on desc nulls last, d.id desc
                    limit :limit offset :offset"""));

    private static final String EFFECTIVE_STATUS =
            "(case when t.status in ('NOT_STARTED', 'IN_PROGRESS') and t.due_on < :today then 'OVERDUE' else t.status end)";

    private static final String TASK_WHERE = """
            from plan_task t
            where (cast(:all as boolean) or t.responsible_unit_id = any(:readable) or t.assigning_unit_id = any(:readable))
              and (cast(:anyUnit as boolean) or t.responsible_unit_id = any(:responsible))
              and (cast(:status as text) is null or %s = :status)
              and (not cast(:overdue as boolean) or (t.status in ('NOT_STARTED', 'IN_PROGRESS') and t.due_on < :today))
              and (not cast(:soon as boolean) or (t.status in ('NOT_STARTED', 'IN_PROGRESS') and t.due_on between :today and :until))
              and (cast(:q as text) is null or t.search_text like '%%' || search_key(cast(:q as text)) || '%%')
              and (cast(:plan as bigint) is null or t.plan_id = :plan)
            """.formatted(EFFECTIVE_STATUS);

    /** TaskQueries.list for {@code GET /api/tasks?unit=&status=}: the count, then the page in the default order (by deadline). */
    static final List<NamedSql> TASKS = List.of(
            new NamedSql("select count(*) " + TASK_WHERE),
            new NamedSql("""
                    select t.id, t.title, t.responsible_unit_id, t.due_on, %s as status, t.progress_percent, t.plan_id, t.parent_id,
                           (select count(*) from plan_task c where c.parent_id = t.id) as child_count, t.last_update_on
                    """.formatted(EFFECTIVE_STATUS) + TASK_WHERE + " order by t.due_on, t.sort_title, t.id limit :limit offset :offset"));

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
            from meeting m
            where (cast(:all as boolean)
                   or m.host_unit_id = any(:readable)
                   or exists (select 1 from meeting_unit mu where mu.meeting_id = m.id and mu.unit_id = any(:readable)))
              and (cast(:anyUnit as boolean)
                   or m.host_unit_id = any(:units)
                   or exists (select 1 from meeting_unit mu where mu.meeting_id = m.id and mu.unit_id = any(:units)))
              and (cast(:from as date) is null or m.ends_at >= cast(:from as date))
              and (cast(:to as date) is null or m.starts_at < cast(:to as date) + 1)
              and (cast(:kind as text) is null or m.kind = :kind)
              and (cast(:q as text) is null or m.search_text like '%' || search_key(cast(:q as text)) || '%')
            """;

    /** MeetingQueries.search, newest first: the count, then the page. */
    static final List<NamedSql> MEETINGS = List.of(
            new NamedSql("select count(*) " + MEETING_WHERE),
            new NamedSql("""
                    select m.id, m.kind, m.title, m.starts_at, m.ends_at, m.place, m.host_unit_id,
                           (select s.name from meeting_series s where s.id = m.series_id) as series
                    """ + MEETING_WHERE + "order by m.starts_at desc, m.id desc limit :limit offset :offset"));
}
