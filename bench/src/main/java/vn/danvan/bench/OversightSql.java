package vn.danvan.bench;

import java.util.List;

/**
 * The raw SQL of the oversight questions: what the application reads for them, written as a person would write it by
 * hand over the same tables (set-based, one statement per part of the answer) — the floor the application's answer is
 * set beside. From OriginTasks.ofKind and RecommendationReader (recommendations), PublicAccountability and
 * DialogueQueries (the dialogues tab), PublicBoard (the board tab) and the three FormProviders (the country's figures) as
 * on main at 07bd81d. {@code :units} / {@code :responsible}: the bigint[] of the unit's subtree with the units that passed
 * into it (OrgUnits.scopePaths/idsWithin).
 */
final class OversightSql {

    private OversightSql() {
    }

    /** A province's overdue recommendations, first page of 20: the count, then the page with its recommendations. */
    static final List<NamedSql> OVERDUE_RECOMMENDATIONS = List.of(new NamedSql("""
            select count(*) from plan_task t
            where t.origin_kind = 'INSPECTION' and t.responsible_unit_id = any(:responsible)
              and t.status in ('NOT_STARTED', 'IN_PROGRESS') and t.due_on < :today
            """), new NamedSql("""
            select t.id, t.origin_id, t.assigning_unit_id, t.version, t.title, t.responsible_unit_id, t.due_on, 'OVERDUE' as status,
                   t.progress_percent, t.last_update_on, t.last_update_text,
                   r.id as recommendation_id, i.title as inspection_title, i.inspecting_unit_id, r.target_unit_id, r.finding, r.made_on,
                   r.accepted_on, r.sent_back_on, r.version as recommendation_version
            from (select * from plan_task t
                  where t.origin_kind = 'INSPECTION' and t.responsible_unit_id = any(:responsible)
                    and t.status in ('NOT_STARTED', 'IN_PROGRESS') and t.due_on < :today
                  order by t.due_on, t.sort_title, t.id limit 20) t
            join inspection_recommendation r on r.task_id = t.id
            join inspection i on i.id = r.inspection_id
            order by t.due_on, t.sort_title, t.id
            """));

    /** A commune's public page, dialogues tab: count, page of 10, figures and commitments of all, the page's opinions. */
    static final List<NamedSql> PUBLIC_DIALOGUES = List.of(new NamedSql("""
            select count(*) from dialogue d where d.unit_id = any(:units)
            """), new NamedSql("""
            select d.id, d.title, d.held_on, d.place, d.unit_id, d.chair_person_id, p.full_name
            from dialogue d left join person p on p.id = d.chair_person_id
            where d.unit_id = any(:units) order by d.held_on desc, d.id desc limit 10
            """), new NamedSql("""
            select d.id, d.title, d.held_on, count(o.id) as raised, count(o.answer) as answered
            from dialogue d left join dialogue_opinion o on o.dialogue_id = d.id
            where d.unit_id = any(:units) group by d.id
            """), new NamedSql("""
            select t.id, t.origin_id, t.title, t.responsible_unit_id, t.due_on,
                   case when t.status in ('NOT_STARTED', 'IN_PROGRESS') and t.due_on < :today then 'OVERDUE' else t.status end as status
            from dialogue d join plan_task t on t.origin_kind = 'DIALOGUE' and t.origin_id = d.id
            where d.unit_id = any(:units) and t.status <> 'CANCELLED'
            """), new NamedSql("""
            select o.dialogue_id, o.ordinal, o.topic, o.field, o.answer, o.answered_by_person_id, o.task_id
            from dialogue_opinion o
            where o.dialogue_id in (select d.id from dialogue d where d.unit_id = any(:units) order by d.held_on desc, d.id desc limit 10)
            order by o.dialogue_id, o.ordinal
            """));

    /** A commune's public page, board tab (this year): the board in office, the recommendations, the disclosures made. */
    static final List<NamedSql> PUBLIC_BOARD = List.of(new NamedSql("""
            select b.id, b.unit_id, b.term_from, b.term_to, m.full_name, m.role
            from democracy_board b
            join democracy_board_member m on m.board_id = b.id and m.role in ('HEAD', 'DEPUTY')
            where b.unit_id = any(:units) and b.kind = 'PEOPLES_INSPECTION' and b.term_from <= :today and b.term_to >= :today
            """), new NamedSql("""
            select count(*) from democracy_recommendation r
            join democracy_activity a on a.id = r.activity_id
            join democracy_board b on b.id = a.board_id
            where b.unit_id = any(:units)
              and (r.made_on between :yearStart and :yearEnd or r.answered_on between :yearStart and :yearEnd
                   or (r.answered_on is null and r.made_on < :yearStart))
            """), new NamedSql("""
            select a.kind, a.title, a.starts_on, r.content, r.addressee, r.made_on, r.due_on, r.answered_on, r.answered_by_title, r.answer
            from democracy_recommendation r
            join democracy_activity a on a.id = r.activity_id
            join democracy_board b on b.id = a.board_id
            where b.unit_id = any(:units)
              and (r.made_on between :yearStart and :yearEnd or r.answered_on between :yearStart and :yearEnd
                   or (r.answered_on is null and r.made_on < :yearStart))
            order by r.made_on desc, r.id desc
            """), new NamedSql("""
            select d.unit_id, i.title, d.period_key, d.channel, d.title, d.posted_on, d.posted_until
            from democracy_disclosure d join democracy_disclosure_item i on i.code = d.item_code
            where d.unit_id = any(:units) and d.period_key like :year || '%'
            order by d.posted_on desc, d.id desc
            """));

    /** The country's inspection figures for a year: held, units inspected, recommendations made, accepted, overdue today. */
    static final List<NamedSql> COUNTRY_INSPECTIONS = List.of(new NamedSql("""
            select count(*) from inspection i where i.starts_on between :from and :until
            """), new NamedSql("""
            select count(distinct t.unit_id) from inspection_target t join inspection i on i.id = t.inspection_id
            where i.starts_on between :from and :until
            """), new NamedSql("""
            select count(*) filter (where r.made_on between :from and :until),
                   count(*) filter (where r.accepted_on between :from and :until),
                   count(*) filter (where r.made_on <= :until and r.accepted_on is null
                                    and t.status in ('NOT_STARTED', 'IN_PROGRESS') and t.due_on < :today)
            from inspection_recommendation r join plan_task t on t.id = r.task_id
            """));

    /**
     * The country's dialogue figures for a year: held, opinions raised, answered (the numbers entered, else the dialogue's
     * tally of its opinions, V73, as the application sums them), commitments assigned and resolved.
     */
    static final List<NamedSql> COUNTRY_DIALOGUES = List.of(new NamedSql("""
            select count(*) from dialogue d where d.held_on between :from and :until
            """), new NamedSql("""
            select sum(coalesce(d.raised_count, d.opinions_recorded)), sum(coalesce(d.answered_count, d.opinions_answered))
            from dialogue d where d.held_on between :from and :until
            """), new NamedSql("""
            select count(*) filter (where t.status <> 'CANCELLED'), count(*) filter (where t.status = 'DONE')
            from dialogue d join plan_task t on t.origin_kind = 'DIALOGUE' and t.origin_id = d.id
            where d.held_on between :from and :until
            """));

    /** The country's grassroots-democracy figures for a year: board sessions, recommendations made and answered, disclosures, meetings. */
    static final List<NamedSql> COUNTRY_DEMOCRACY = List.of(new NamedSql("""
            select count(*) from democracy_activity a where a.starts_on between :from and :until
            """), new NamedSql("""
            select count(*) filter (where r.made_on between :from and :until), count(*) filter (where r.answered_on between :from and :until)
            from democracy_recommendation r
            """), new NamedSql("""
            select count(*) from democracy_disclosure d where d.posted_on between :from and :until
            """), new NamedSql("""
            select count(*) from democracy_community_meeting m where m.held_on between :from and :until
            """));

    /**
     * The country's dialogue figures as the application reads them since V93 (CountryFigures) for a period from the first
     * of a month (the bench's: 1 January): the whole months from the tally per province and month, the partial month at
     * the end (up to today) from the index {@code dialogue_held_figures} alone (V82), summed per province. The bench sums
     * the provinces' rows in one row (the checks still count the commitments from plan_task).
     */
    static final List<NamedSql> COUNTRY_DIALOGUES_READ = List.of(new NamedSql("""
            with tail (f, u) as (select cast(date_trunc('month', cast(:until as date) + 1) as date), cast(:until as date)),
            r (row_id, held, raised, answered, assigned, resolved) as (
                select t.row_id, t.held, t.raised, t.answered, t.assigned, t.resolved
                from dialogue_country_tally t, tail
                where t.month >= :from and t.month < tail.f
                union all
                select coalesce(nullif(split_part(u.path, '/', 3), '')::bigint, u.id), f.held, f.raised, f.answered,
                       f.assigned, f.resolved
                from (select d.unit_id, count(*) as held,
                             sum(coalesce(d.raised_count, d.opinions_recorded)) as raised,
                             sum(coalesce(d.answered_count, d.opinions_answered)) as answered,
                             sum(d.commitments_assigned) as assigned, sum(d.commitments_resolved) as resolved
                      from dialogue d, tail
                      where d.held_on between tail.f and tail.u
                      group by d.unit_id) f
                join org_unit u on u.id = f.unit_id)
            select sum(f.held), sum(f.raised), sum(f.answered), sum(f.assigned), sum(f.resolved)
            from (select row_id, sum(held) as held, sum(raised) as raised, sum(answered) as answered,
                         sum(assigned) as assigned, sum(resolved) as resolved
                  from r group by row_id having sum(held) <> 0) f
            """));

    /**
     * The country's inspection figures as the application reads them (InspectionForms for the country): each measure
     * counted per unit, then per province; the overdue recommendations from the index of those not accepted (V91).
     */
    static final List<NamedSql> COUNTRY_INSPECTIONS_READ = List.of(
            perCountryRow("""
                    select i.inspecting_unit_id, count(*) from inspection i
                    where i.starts_on between :from and :until group by 1"""),
            perCountryRow("""
                    select t.unit_id, 1 from inspection_target t join inspection i on i.id = t.inspection_id
                    where i.starts_on between :from and :until group by 1"""),
            perCountryRow(recommendations("r.made_on between :from and :until")),
            perCountryRow(recommendations("r.accepted_on between :from and :until")),
            perCountryRow(recommendations("""
                    r.made_on <= :until and r.accepted_on is null
                      and t.status in ('NOT_STARTED', 'IN_PROGRESS') and t.due_on < :today""")));

    private static NamedSql perCountryRow(String counts) {
        return new NamedSql("""
                select coalesce(nullif(split_part(u.path, '/', 3), '')::bigint, u.id) as row_id, sum(c.n)
                from (%s) c (unit_id, n)
                join org_unit u on u.id = c.unit_id
                group by 1
                """.formatted(counts));
    }

    private static String recommendations(String condition) {
        return """
                select t.responsible_unit_id, count(*)
                from inspection_recommendation r
                cross join lateral (select t.responsible_unit_id, t.status, t.due_on from plan_task t
                                    where t.id = r.task_id and t.origin_kind = 'INSPECTION' offset 0) t
                where\s""" + condition + "\ngroup by 1";
    }

    /**
     * The country's grassroots-democracy figures as the application reads them since V82 (CountryRows.events) for a
     * period from the first of a month (the bench's: 1 January): the whole months from the tally per province and month,
     * the partial month at the end (up to today) from the records — each event's records counted per unit from its day
     * index (index-only), then per province; the bench sums the provinces' rows per measure.
     */
    static final List<NamedSql> COUNTRY_DEMOCRACY_READ = List.of(new NamedSql("""
            with tail (f, u) as (select cast(date_trunc('month', cast(:until as date) + 1) as date), cast(:until as date)),
            e (measure, n) as (
                select case t.measure when 'board.sessions' then 0 when 'board.recommendations' then 1
                                      when 'board.recommendations.answered' then 2 when 'disclosures.made' then 3 else 4 end, t.n
                from democracy_country_tally t, tail
                where t.month >= :from and t.month < tail.f
                  and t.measure in ('board.sessions', 'board.recommendations', 'board.recommendations.answered', 'disclosures.made',
                                    'community-meetings.held')
                union all
                select 0, count(*) from democracy_activity a, tail where a.starts_on between tail.f and tail.u
                union all
                select 1, count(*) from democracy_recommendation r, tail where r.made_on between tail.f and tail.u
                union all
                select 2, count(*) from democracy_recommendation r, tail where r.answered_on between tail.f and tail.u
                union all
                select 3, count(*) from democracy_disclosure d, tail where d.posted_on between tail.f and tail.u
                union all
                select 4, count(*) from democracy_community_meeting m, tail where m.held_on between tail.f and tail.u)
            select sum(n) filter (where measure = 0), sum(n) filter (where measure = 1), sum(n) filter (where measure = 2),
                   sum(n) filter (where measure = 3), sum(n) filter (where measure = 4)
            from e
            """), new NamedSql("""
            select coalesce(nullif(split_part(u.path, '/', 3), '')::bigint, u.id) as row_id, count(*)
            from org_unit u
            where u.level = 'COMMUNE' and u.category = 'AREA' and u.validity @> cast(:to as date)
            group by 1
            """), new NamedSql("""
            with due (item_code, period_key) as (
                select i.code, extract(year from cast(:to as date))::int || f.suffix
                from democracy_disclosure_item i
                join (values ('YEARLY', ''), ('HALF_YEARLY', 'H1'), ('HALF_YEARLY', 'H2'), ('QUARTERLY', 'Q1'),
                             ('QUARTERLY', 'Q2'), ('QUARTERLY', 'Q3'), ('QUARTERLY', 'Q4')) f (frequency, suffix)
                  on f.frequency = i.frequency)
            select t.row_id, sum(t.communes)
            from democracy_disclosed_tally t
            join due o on o.item_code = t.item_code and o.period_key = t.period_key
            where t.validity @> cast(:to as date)
            group by t.row_id
            """));
}
