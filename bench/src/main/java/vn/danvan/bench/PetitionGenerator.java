package vn.danvan.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates petitions, matters, steps, outcomes, suspensions, reception sessions and visits with
 * set-based SQL (generate_series, INSERT … SELECT) straight into the running application's
 * PostgreSQL, one calendar year per batch. Nothing of the application's schema is dropped or
 * changed: the generator works through temporary tables and a temporary function (pg_temp), inserts
 * with precomputed ids ({@code overriding system value}) and moves the identity sequences and the
 * application's yearly case counters past what it used. Generated rows are marked: {@code created_by}
 * and step actors are {@value #ACTOR}.
 *
 * <p>Semantics follow the application's services (PetitionManagement, MatterManagement,
 * ReceptionDesk): every processed petition gets its own matter (REFERRED when not accepted); the
 * steps are those the services write, with the deadlines they would record (rule version in force on
 * the start day, from calendar_deadline_rule; working days Monday–Friday less calendar_day); a
 * forwarded petition arrives at the competent unit as a copy (channel AGENCY, forwarded_from_id).
 * Petitioners' identities (petition_person) are not generated: they are AES-GCM ciphertext under the
 * instance's key.
 */
final class PetitionGenerator {

    static final String ACTOR = "bench-generator";

    record Step(String name, long rows, double seconds) {
    }

    record Table(String name, long rows, String size) {
    }

    record Load(String how, List<Step> steps, List<Table> tables, long totalRows, double totalSeconds) {
    }

    /** Topics: content kind, field, subject (Vietnamese, with tone marks). Land complaints dominate, as in the national reports. */

    private final Connection connection;
    private final PetitionSettings settings;
    private final SqlSteps sql;
    private final LocalDate today = LocalDate.now();

    PetitionGenerator(Connection connection, PetitionSettings settings) {
        this.connection = connection;
        this.sql = new SqlSteps(connection);
        this.settings = settings;
    }

    Load generate() throws SQLException {
        long started = System.nanoTime();
        var from = LocalDate.of(settings.firstYear(), 1, 1);
        var to = today;
        connection.setAutoCommit(true);
        GeneratorPreparation.prepare(sql, settings, from, to);
        for (int year = settings.firstYear(); year <= settings.lastYear(); year++) {
            var first = LocalDate.of(year, 1, 1);
            var last = LocalDate.of(year, 12, 31).isAfter(today) ? today : LocalDate.of(year, 12, 31);
            if (first.isAfter(today)) {
                break;
            }
            long yearStarted = System.nanoTime();
            generateYear(year, first, last);
            System.out.printf("  year %d generated in %.1f s%n", year, (System.nanoTime() - yearStarted) / 1e9);
        }
        finish();
        double seconds = (System.nanoTime() - started) / 1e9;
        var analyzed = System.nanoTime();
        sql.exec("ANALYZE", "analyze petition, petition_matter, petition_step, petition_outcome, petition_suspension, "
                + "petition_session, petition_visit, petition_counter");
        double totalSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("  generated in %.1f s, ANALYZE %.1f s%n", seconds, (System.nanoTime() - analyzed) / 1e9);
        long rows = sql.steps().stream().filter(s -> !s.name().startsWith("ANALYZE") && !s.name().startsWith("prepare"))
                .mapToLong(Step::rows).sum();
        return new Load(how(from, to), aggregate(), tables(), rows, totalSeconds);
    }


    // ---- one year ---------------------------------------------------------------------------------

    private void generateYear(int year, LocalDate first, LocalDate last) throws SQLException {
        int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        int originals = (int) Math.round(settings.petitionsPerYear() / 1.075); // forwarded copies make up the rest
        sql.exec("temp", "drop table if exists g_pet, g_matter, g_session, g_visit");
        long petitionBase = sql.longQuery("select coalesce(max(id), 0) from petition");
        // 1. originals: where, when, how, what
        sql.exec("petitions: originals", """
                create temp table g_pet as
                with base as (
                    select g, date '%1$s' + cast(floor(random() * %2$d) as int) as received_on,
                           random() as r_lvl, random() as r_unit, random() as r_recv, random() as r_place, random() as r_topic,
                           random() as r_chan, random() as r_kind, random() as r_status, random() as r_proc, random() as r_hand,
                           random() as r_misc, random() as r_target, random() as r_text
                    from generate_series(1, %3$d) g
                ),
                u as (
                    select b.*, d.e, ep.communes, ep.provinces from base b join bench_day d on d.day = b.received_on
                    join bench_epoch ep on ep.e = d.e
                ),
                placed as (
                    select u.*,
                           case when u.r_lvl < 0.55 then c.receiver_id else pr.receiver_id end as unit_id,
                           case when u.r_lvl < 0.55 then c.receiver_code else pr.receiver_code end as unit_code,
                           case when u.r_lvl < 0.55 then c.receiver_name else pr.receiver_name end as unit_name,
                           case when u.r_lvl < 0.55 then c.province_id else p.province_id end as province_id,
                           case when u.r_lvl < 0.55 then c.commune_id else pc.commune_id end as place_id,
                           case when u.r_lvl < 0.55 then c.name else pc.name end as place_name,
                           -- a commune forwards to its province, a provincial body to the commune concerned
                           case when u.r_lvl < 0.55 then tp.receiver_id else pc.receiver_id end as target_id
                    from u
                    left join bench_commune c on u.r_lvl < 0.55 and c.e = u.e and c.idx = floor(u.r_unit * u.communes)
                    left join bench_province p on p.e = u.e and p.idx = floor(u.r_unit * u.provinces) and u.r_lvl >= 0.55
                    left join bench_province_receiver pr on u.r_lvl >= 0.55 and pr.e = u.e and pr.province_id = p.province_id
                         and pr.ridx = floor(u.r_recv * p.receivers)
                    left join bench_commune pc on u.r_lvl >= 0.55 and pc.e = u.e and pc.province_id = p.province_id
                         and pc.pidx = floor(u.r_place * p.communes)
                    left join bench_province cp on u.r_lvl < 0.55 and cp.e = u.e and cp.province_id = c.province_id
                    left join bench_province_receiver tp on u.r_lvl < 0.55 and tp.e = u.e and tp.province_id = c.province_id
                         and tp.ridx = floor(u.r_target * cp.receivers)
                )
                select %4$d + g as id, false as is_copy, cast(null as bigint) as from_id, x.received_on, x.e, x.unit_id, x.unit_code,
                       x.unit_name, x.province_id, x.place_id, x.target_id,
                       case when x.r_chan < 0.15 then 'IN_PERSON' when x.r_chan < 0.48 then 'POST' when x.r_chan < 0.50 then 'BOX'
                            when x.r_chan < 0.53 then 'HOTLINE' when x.r_chan < 0.68 then 'ONLINE' when x.r_chan < 0.80 then 'RECEPTION'
                            when x.r_chan < 0.83 then 'LEADER' when x.r_chan < 0.89 then 'NA_DEPUTY' when x.r_chan < 0.93 then 'PC_DEPUTY'
                            when x.r_chan < 0.96 then 'FRONT' else 'PRESS' end as channel,
                       t.kind as topic_kind, t.field as topic_field,
                       case when t.kind = 'DENUNCIATION' and x.r_kind < 0.12 then 'ANONYMOUS'
                            when x.r_kind > 0.90 then 'GROUP' when x.r_kind > 0.88 then 'ORGANISATION'
                            when x.r_kind > 0.86 then 'AUTHORISED' else 'PERSON' end as petitioner_kind,
                       t.subject || ' tại ' || x.place_name as subject,
                       'Nội dung đơn: ' || w.family[1 + floor(x.r_text * 24)] || ' ' || w.middle[1 + floor(x.r_misc * 12)] || ' '
                           || w.given[1 + floor(x.r_proc * 26)] || ', trú tại ' || x.place_name || ', ' || lower(t.subject)
                           || ' (thửa đất số ' || (1 + floor(x.r_target * 900)) || ', tờ bản đồ số ' || (1 + floor(x.r_place * 60))
                           || '); ' || w.detail[1 + floor(x.r_hand * 8)] || '.' as content,
                       x.r_status, x.r_proc, x.r_hand, x.r_misc, x.r_target, x.r_kind
                from placed x
                join bench_topic t on t.t = floor(x.r_topic * %5$d)
                cross join bench_words w
                """.formatted(first, days, originals, petitionBase, GeneratorPreparation.TOPICS.length));
        addProcessingColumns();
        decideProcessing(false);
        // 2. forwarded copies: received at the competent unit on the day of forwarding
        sql.exec("petitions: forwarded copies", """
                insert into g_pet (id, is_copy, from_id, received_on, e, unit_id, unit_code, unit_name, province_id, place_id, target_id,
                    channel, topic_kind, topic_field, petitioner_kind, subject, content, r_status, r_proc, r_hand, r_misc, r_target, r_kind,
                    source_name, declared_kind, protected)
                select %d + row_number() over (order by p.id), true, p.id, p.processed_on, d.e, p.target_id, o.code,
                       coalesce((select v.name from org_unit_version v where v.unit_id = p.target_id
                                 and (v.validity @> p.processed_on or v.valid_from > p.processed_on)
                                 order by v.valid_from nulls first limit 1), o.code),
                       p.province_id, p.place_id, null, 'AGENCY', p.topic_kind, p.topic_field, p.petitioner_kind, p.subject, p.content,
                       random(), random(), random(), random(), random(), random(),
                       p.unit_name, p.content_kind, p.protected
                from g_pet p join org_unit o on o.id = p.target_id join bench_day d on d.day = p.processed_on
                where p.handling = 'FORWARD'
                """.formatted(petitionBase + originals));
        decideProcessing(true);
        // 3. numbers: code-year-sequence, continuing the series already used
        sql.exec("petitions: numbers", """
                create temp table g_number as
                select p.id, p.unit_code || '-' || extract(year from p.received_on) || '-'
                       || lpad(cast(coalesce(c.last, 0) + row_number() over (partition by p.unit_code, extract(year from p.received_on)
                                                                          order by p.received_on, p.id) as text), 5, '0') as number,
                       coalesce(c.last, 0) + row_number() over (partition by p.unit_code, extract(year from p.received_on)
                                                                 order by p.received_on, p.id) as seq
                from g_pet p left join bench_counter c on c.code = p.unit_code and c.year = extract(year from p.received_on)
                                                        and c.kind = 'petition'
                """);
        sql.exec("petitions: numbers", """
                insert into bench_counter (code, year, kind, last)
                select p.unit_code, cast(extract(year from p.received_on) as int), 'petition', max(n.seq)
                from g_pet p join g_number n on n.id = p.id group by 1, 2
                on conflict (code, year, kind) do update set last = excluded.last
                """);
        sql.exec("petitions: numbers", "alter table g_pet add column number text");
        sql.exec("petitions: numbers", "update g_pet p set number = n.number from g_number n where n.id = p.id");
        sql.exec("petitions: numbers", "drop table g_number");
        sql.exec("petitions: numbers", "create unique index on g_pet (id)");
        // 4. matters: one per processed petition; their course by chance and by age
        createMatters();
        // 5. reception: sessions and visits (a visit for every petition received at reception, refused visits,
        //    return visits about accepted matters, crowds)
        createReception(year);
        // 6. insert in foreign-key order, one transaction per year
        connection.setAutoCommit(false);
        try {
            GeneratorInserts.insertAll(sql);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private void addProcessingColumns() throws SQLException {
        sql.exec("petitions: processing", """
                alter table g_pet add column source_name text, add column declared_kind text, add column protected boolean,
                    add column status text, add column processed_on date, add column content_kind text, add column field text,
                    add column eligible boolean, add column ineligible_reason text, add column competence text, add column handling text,
                    add column forwarded_to_id bigint, add column reply_received_on date, add column due_on date,
                    add column due_rule text, add column due_rule_version int, add column signers int
                """);
    }

    /**
     * What processing decided, as PetitionManagement.process records it: classification, eligibility,
     * competence, handling; a few recent petitions are still waiting (some of them overdue).
     */
    private void decideProcessing(boolean copies) throws SQLException {
        var handling = copies
                ? """
                  case when r_hand < 0.08 then 'FILE' when r_hand < 0.13 then 'GUIDE' else 'ACCEPT' end"""
                : """
                  case when petitioner_kind = 'ANONYMOUS' or r_hand < 0.12 then 'FILE' when r_hand < 0.18 then 'GUIDE'
                       when r_hand < 0.27 and target_id is not null then 'FORWARD'
                       when r_hand >= 0.27 and r_hand < 0.30 and target_id is not null then 'URGE' else 'ACCEPT' end""";
        sql.exec(copies ? "petitions: forwarded copies" : "petitions: processing", """
                with f as (
                    select id,
                           (%2$s) as handling,
                           case when (current_date - received_on < 12 and r_status < 0.67)
                                  or (current_date - received_on between 12 and 60 and r_status < 0.05)
                                  or (current_date - received_on between 61 and 365 and r_status < 0.005)
                                  or (current_date - received_on > 365 and r_status < 0.0005) then 'RECEIVED' else 'PROCESSED' end as status,
                           least(current_date, received_on + case when r_proc < 0.9 then 1 + cast(floor(r_proc / 0.9 * 6) as int)
                                                                  else 7 + cast(floor((r_proc - 0.9) / 0.1 * 19) as int) end) as processed_on,
                           case when r_misc < 0.02 then 'MULTIPLE' else topic_kind end as content_kind
                    from g_pet where is_copy = %1$s
                )
                update g_pet p set
                    source_name = case when %1$s then p.source_name
                                       when p.channel in ('LEADER', 'NA_DEPUTY', 'PC_DEPUTY', 'FRONT', 'PRESS') then
                                           case p.channel when 'LEADER' then 'Văn phòng Trung ương Đảng'
                                                when 'NA_DEPUTY' then 'Đoàn đại biểu Quốc hội tỉnh'
                                                when 'PC_DEPUTY' then 'Thường trực Hội đồng nhân dân tỉnh'
                                                when 'FRONT' then 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh' else 'Báo Nhân Dân' end end,
                    declared_kind = case when %1$s then p.declared_kind when p.topic_kind = 'DENUNCIATION' then 'DENUNCIATION' end,
                    signers = case when p.petitioner_kind = 'GROUP' then 6 + cast(floor(p.r_kind * 100) as int) %% 15 else 1 end,
                    status = f.status,
                    processed_on = case when f.status = 'PROCESSED' then f.processed_on end,
                    content_kind = case when f.status = 'PROCESSED' then f.content_kind
                                        when %1$s then p.declared_kind
                                        when p.topic_kind = 'DENUNCIATION' then 'DENUNCIATION' end,
                    field = case when f.status = 'PROCESSED' then p.topic_field end,
                    eligible = case when f.status = 'PROCESSED' then f.handling <> 'FILE' end,
                    ineligible_reason = case when f.status = 'PROCESSED' and f.handling = 'FILE' then
                                            case when p.petitioner_kind = 'ANONYMOUS' then 'ANONYMOUS' when %1$s then 'DUPLICATE'
                                                 when p.r_misc < 0.4 then 'MISSING_PARTICULARS' when p.r_misc < 0.6 then 'UNCLEAR_CONTENT'
                                                 when p.r_misc < 0.85 then 'DUPLICATE' else 'ALREADY_SETTLED' end end,
                    competence = case when f.status = 'PROCESSED' then case when f.handling = 'ACCEPT' then 'WITHIN'
                                                                            when f.handling = 'FILE' then null else 'OUTSIDE' end end,
                    handling = case when f.status = 'PROCESSED' then f.handling end,
                    forwarded_to_id = case when f.status = 'PROCESSED' and f.handling in ('FORWARD', 'URGE') then p.target_id end,
                    reply_received_on = case when f.status = 'PROCESSED' and f.handling in ('FORWARD', 'URGE') and p.r_target < 0.5
                                                  and f.processed_on + 20 < current_date
                                             then f.processed_on + 15 + cast(floor(p.r_misc * 5) as int) end
                from f where f.id = p.id
                """.formatted(copies, handling));
        // protection: a declared denunciation at receipt, and every denunciation or multiple content once classified
        sql.exec(copies ? "petitions: forwarded copies" : "petitions: processing", """
                update g_pet set protected = coalesce(protected, false) or coalesce(declared_kind in ('DENUNCIATION', 'MULTIPLE'), false)
                                             or coalesce(content_kind in ('DENUNCIATION', 'MULTIPLE'), false)
                where is_copy = %s
                """.formatted(copies));
        // the processing deadline recorded at receipt: D1 for a declared denunciation, else P1
        sql.exec(copies ? "petitions: forwarded copies" : "petitions: processing", """
                update g_pet p set due_on = d.due, due_rule = d.rule, due_rule_version = d.version
                from g_pet x cross join lateral pg_temp.bench_due(
                        case when (case when x.is_copy then x.content_kind else x.declared_kind end) = 'DENUNCIATION' then 'D1' else 'P1' end,
                        x.received_on, false, false, 0) d
                where x.id = p.id and p.is_copy = %s
                """.formatted(copies));
        // a processed matter that is not accepted where it was received: the denunciation is forwarded once only
        if (copies) {
            sql.exec("petitions: forwarded copies", "update g_pet set target_id = null where is_copy");
        }
    }

    private void createMatters() throws SQLException {
        long matterBase = sql.longQuery("select coalesce(max(id), 0) from petition_matter");
        sql.exec("matters", """
                create temp table g_matter as
                with m0 as (
                    select p.id as petition_id, p.number as petition_number, p.unit_id, p.unit_code, p.province_id, p.received_on,
                           p.processed_on, p.subject, p.content_kind, p.field, p.place_id, p.handling,
                           random() as r1, random() as r2, random() as r3, random() as r4, random() as r5,
                           row_number() over (order by p.id) as n
                    from g_pet p where p.status = 'PROCESSED'
                ),
                m1 as (
                    select m0.*, %1$d + n as id,
                           m0.processed_on + cast(floor(r1 * 4) as int) as a,
                           case when content_kind in ('COMPLAINT', 'DENUNCIATION') and r3 < 0.08 then 'COMPLEX' else 'NORMAL' end as complexity,
                           r3 > 0.97 as remote,
                           case when content_kind = 'COMPLAINT' and r4 < 0.05 then 2 else 1 end as round,
                           r4 >= 0.05 and r4 < 0.08 as follow_up
                    from m0
                ),
                m2 as (
                    select m1.*, a + 3 + cast(floor(r1 * 5) as int) as v,
                           a + 3 + cast(floor(r1 * 5) as int) + 15 + cast(floor(r4 * 40) as int) as d,
                           current_date - a > 90 and r5 < 0.012 as stuck
                    from m1
                ),
                m3 as (
                    select m2.*, d + 20 + cast(floor(r3 * 10) as int) as c,
                           case
                               when handling <> 'ACCEPT' then 'REFERRED'
                               when a > current_date then 'RECEIVED'
                               when r2 < 0.083 then 'NOT_ACCEPTED'
                               when r2 < 0.13 and v + 5 <= current_date then 'WITHDRAWN'
                               when r2 < 0.16 and v + 12 <= current_date and current_date - a < 200
                                    and (content_kind = 'DENUNCIATION' or content_kind = 'COMPLAINT' and a >= date '2026-07-01') then 'SUSPENDED'
                               when stuck and r5 < 0.003 then 'ACCEPTED'
                               when v > current_date then 'ACCEPTED'
                               when stuck or d > current_date then 'VERIFYING'
                               when d + 20 + cast(floor(r3 * 10) as int) <= current_date
                                    and (r5 < 0.67 or current_date - d > 365 and r5 < 0.97) then 'CLOSED'
                               else 'DECIDED' end as status
                    from m2
                )
                select m3.*,
                       'VV-' || unit_code || '-' || extract(year from received_on) || '-' as number_prefix,
                       case content_kind when 'COMPLAINT' then case when round = 2 then 'C5' else 'C2' end
                                         when 'DENUNCIATION' then 'D4' else 'R1' end as rule_code,
                       case when status in ('DECIDED', 'CLOSED') and content_kind in ('COMPLAINT', 'DENUNCIATION') then
                                case when round = 2 then case when r2 < 0.6 then 'UPHELD' else 'ANNULLED' end
                                     else (array['RIGHT', 'WRONG', 'WRONG', 'PARTLY_RIGHT'])[1 + cast(floor(r1 * 4) as int)] end end as result,
                       h.user_id as handler_id
                from m3 left join bench_handler h on h.province_id = m3.province_id and m3.status not in ('REFERRED', 'NOT_ACCEPTED', 'RECEIVED')
                """.formatted(matterBase));
        sql.exec("matters", "create unique index on g_matter (petition_id)");
        sql.exec("matters", "alter table g_matter add column number text, add column due_on date, add column due_rule text, add column due_rule_version int");
        sql.exec("matters: numbers", """
                update g_matter m set number = x.number_prefix || lpad(cast(x.seq as text), 5, '0')
                from (select g.id, g.number_prefix,
                             coalesce(c.last, 0) + row_number() over (partition by g.unit_code, extract(year from g.received_on) order by g.received_on, g.id) as seq
                      from g_matter g left join bench_counter c on c.code = g.unit_code and c.year = extract(year from g.received_on)
                                                             and c.kind = 'matter') x
                where x.id = m.id
                """);
        sql.exec("matters: numbers", """
                insert into bench_counter (code, year, kind, last)
                select unit_code, cast(extract(year from received_on) as int), 'matter',
                       max(cast(substring(number from '[0-9]+$') as int))
                from g_matter group by 1, 2
                on conflict (code, year, kind) do update set last = excluded.last
                """);
        sql.exec("matters: deadlines", """
                update g_matter m set due_on = d.due, due_rule = d.rule, due_rule_version = d.version
                from g_matter x cross join lateral pg_temp.bench_due(x.rule_code, x.a, x.remote, x.complexity <> 'NORMAL', 0) d
                where x.id = m.id and m.status not in ('REFERRED', 'RECEIVED', 'NOT_ACCEPTED')
                """);
    }

    private void createReception(int year) throws SQLException {
        long sessionBase = sql.longQuery("select coalesce(max(id), 0) from petition_session");
        long visitBase = sql.longQuery("select coalesce(max(id), 0) from petition_visit");
        // visits: one per petition received at reception; a refused visit now and then; 6 % of the
        // accepted matters come back 1–3 times to a session of the head, a third of them as a crowd
        sql.exec("reception: visits", """
                create temp table g_visit as
                with v as (
                    select 'OFFICE' as host, p.unit_id, p.received_on as day, p.id as petition_id, cast(null as bigint) as matter_id,
                           p.r_misc > 0.2 as first_time, p.topic_kind as content_kind, p.subject as summary, p.place_id,
                           case when p.petitioner_kind = 'GROUP' then p.signers else 1 + cast(floor(p.r_target * 2) as int) end as persons,
                           false as refused, cast(null as text) as refusal_reason
                    from g_pet p where p.channel = 'RECEPTION' and not p.is_copy
                    union all
                    select 'OFFICE', p.unit_id, p.received_on, null, null, false, p.topic_kind, 'Công dân đề nghị ' || lower(p.subject),
                           p.place_id, 1, true,
                           case when p.r_kind < 0.3 then 'INTOXICATED_OR_ILL' when p.r_kind < 0.4 then 'THREATENING' else 'ALREADY_SETTLED' end
                    from g_pet p where p.channel = 'RECEPTION' and not p.is_copy and p.r_proc < 0.04
                    union all
                    select 'HEAD', m.unit_id, m.a + k * 15, null, m.id, k = 1, m.content_kind, 'Công dân đến đề nghị giải quyết: ' || lower(m.subject),
                           m.place_id, case when m.r5 < 0.35 then 5 + cast(floor(m.r3 * 20) as int) else 1 + cast(floor(m.r4 * 3) as int) end,
                           false, null
                    from g_matter m cross join generate_series(1, 3) k
                    where m.status not in ('REFERRED', 'RECEIVED', 'NOT_ACCEPTED') and m.r2 > 0.94 and k <= 1 + floor(m.r1 * 3)
                      and m.a + k * 15 <= least(current_date, case when m.status = 'CLOSED' then m.c when m.status = 'WITHDRAWN' then m.v + 5 else current_date end)
                )
                select %d + row_number() over (order by day, unit_id, host, petition_id) as id, v.*,
                       dense_rank() over (order by unit_id, day, host) as session_no
                from v
                """.formatted(visitBase));
        sql.exec("reception: sessions", """
                create temp table g_session as
                select %d + session_no as id, unit_id, day, host, count(*) as visits
                from g_visit group by session_no, unit_id, day, host
                """.formatted(sessionBase));
        sql.exec("reception: sessions", "create unique index on g_visit (petition_id) where petition_id is not null");
    }


    private void finish() throws SQLException {
        for (var table : List.of("petition", "petition_matter", "petition_session", "petition_visit")) {
            sql.exec("sequences", "select setval(pg_get_serial_sequence('%1$s', 'id'), (select max(id) from %1$s))".formatted(table));
        }
        // the application's yearly counters (per unit) continue after the numbers used by any unit of the same code
        sql.exec("counters", """
                insert into petition_counter (unit_id, year, kind, last)
                select o.id, c.year, c.kind, c.last from bench_counter c join org_unit o on o.code = c.code
                on conflict (unit_id, year, kind) do update set last = greatest(petition_counter.last, excluded.last)
                """);
    }

    // ---- reporting --------------------------------------------------------------------------------

    private String how(LocalDate from, LocalDate to) throws SQLException {
        var epochs = sql.query("select string_agg(from_day || '…' || least(to_day, current_date) || ': ' || communes || ' communes, '"
                + " || provinces || ' provinces', '; ' order by e) from bench_epoch");
        return ("Set-based SQL over JDBC into the running application's PostgreSQL (generate_series, INSERT … SELECT, one "
                + "calendar year per batch, %s to %s; the current year up to today). Receiving units: 55 %% a commune valid on the "
                + "day of receipt (its People's Committee body where the unit lists have one, else the commune), 45 %% a province "
                + "valid on that day (its People's Committee, citizen reception board or inspectorate where the lists have them — "
                + "the demo desks — else the province). Units valid by epoch: %s. Channels, content kinds, fields, petitioner "
                + "kinds, handling (FILE 12 %%, GUIDE 6 %%, FORWARD 9 %%, URGE 3 %%, ACCEPT 70 %% of the originals), the course of "
                + "each matter (acceptance, verification, dialogue, suspension, withdrawal, decision, enforcement; about 1 %% "
                + "stuck past their deadline) and the reception sessions and visits are drawn at random with a fixed seed. "
                + "Every processed petition has its matter, as PetitionManagement.process makes one (REFERRED when not "
                + "accepted); a forwarded petition arrives at the competent unit as a copy. Deadlines as the application "
                + "records them (rule version in force on the start day; working days Monday–Friday less calendar_day, which "
                + "has rows for 2024–2027 — Tết of earlier years is not subtracted; no deadline where no rule version was in "
                + "force, e.g. P1 before 2021-11-15). Not generated: petitioners' identities (ciphertext under the instance's "
                + "key), identity grants, audit records. Session settings for the load: work_mem 256MB, "
                + "maintenance_work_mem 512MB, gin_pending_list_limit 64MB (the durability settings are untouched).")
                .formatted(from, to, epochs);
    }

    private List<Step> aggregate() {
        Map<String, double[]> byName = new LinkedHashMap<>();
        for (var s : sql.steps()) {
            var sum = byName.computeIfAbsent(s.name(), k -> new double[2]);
            sum[0] += s.rows();
            sum[1] += s.seconds();
        }
        var out = new ArrayList<Step>();
        byName.forEach((name, sum) -> out.add(new Step(name, (long) sum[0], sum[1])));
        return out;
    }

    List<Table> tables() throws SQLException {
        var out = new ArrayList<Table>();
        for (var table : List.of("petition", "petition_matter", "petition_step", "petition_outcome", "petition_suspension",
                "petition_session", "petition_visit", "petition_person", "petition_counter", "audit_log", "org_unit")) {
            long rows = sql.longQuery("select count(*) from " + table);
            var size = sql.query("select pg_size_pretty(pg_total_relation_size('" + table + "'))");
            out.add(new Table(table, rows, size));
        }
        out.add(new Table("(database)", 0, sql.query("select pg_size_pretty(pg_database_size(current_database()))")));
        return out;
    }

    /** Generates into an application already running: {@code PetitionGenerator <postgres port>} (development). */
    public static void main(String[] args) throws Exception {
        try (var db = Database.connect(Integer.parseInt(args[0]))) {
            var load = new PetitionGenerator(db.connection(), PetitionSettings.fromEnvironment()).generate();
            load.tables().forEach(t -> System.out.printf("%-22s %,12d %s%n", t.name(), t.rows(), t.size()));
            System.out.printf("%,d rows in %.1f s%n", load.totalRows(), load.totalSeconds());
        }
    }

}
