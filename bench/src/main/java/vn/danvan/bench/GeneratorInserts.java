package vn.danvan.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The inserts of one generated year: from the temporary tables into the application's tables, in dependency order. */
final class GeneratorInserts {

    private GeneratorInserts() {
    }

    static void insertAll(SqlSteps sql) throws SQLException {
        sql.exec("insert petition_matter", """
                insert into petition_matter (id, number, unit_id, title, content_kind, field, place_unit_id, remote, complexity, round,
                    follow_up, status, suspended_from, accepted_on, acceptance_number, due_on, due_rule, due_rule_version, extensions,
                    handler_id, decided_on, decision_number, result, closed_on, withdrawn_partly, hot_manual, hot_reason)
                overriding system value
                select id, number, unit_id, subject, content_kind, field, place_id, remote, complexity, round, follow_up, status,
                       case when status = 'SUSPENDED' then 'VERIFYING' end,
                       case when status not in ('REFERRED', 'RECEIVED', 'NOT_ACCEPTED') then a end,
                       case when status not in ('REFERRED', 'RECEIVED', 'NOT_ACCEPTED') then 'TB-' || (100 + cast(floor(r3 * 800) as int)) end,
                       due_on, due_rule, due_rule_version, 0, handler_id,
                       case when status in ('DECIDED', 'CLOSED') then d end,
                       case when status in ('DECIDED', 'CLOSED') then 'QĐ-' || (10 + cast(floor(r4 * 900) as int)) end,
                       result,
                       case when status = 'REFERRED' then processed_on when status = 'NOT_ACCEPTED' then a
                            when status = 'WITHDRAWN' then v + 5 when status = 'CLOSED' then c end,
                       false, r5 > 0.9995 and status in ('ACCEPTED', 'VERIFYING', 'SUSPENDED'),
                       case when r5 > 0.9995 and status in ('ACCEPTED', 'VERIFYING', 'SUSPENDED') then 'Nguy cơ khiếu kiện đông người' end
                from g_matter
                """);
        sql.exec("insert petition_session", """
                insert into petition_session (id, unit_id, kind, host, mode, held_on, place, host_name, host_title, scheduled,
                    conclusion_number, conclusion_on, conclusion_text, created_by)
                overriding system value
                select id, unit_id, case when host = 'OFFICE' then 'REGULAR' else 'PERIODIC' end, host,
                       case when host = 'OFFICE' and day >= date '2026-07-01' and id %% 10 = 0 then 'ONLINE' else 'IN_PERSON' end,
                       day, 'Trụ sở tiếp công dân', case when host = 'HEAD' then 'Nguyễn Văn Thành' end,
                       case when host = 'HEAD' then 'Chủ tịch' end, host = 'HEAD',
                       case when host = 'HEAD' then 'TB-' || (10 + id %% 80) end,
                       case when host = 'HEAD' then least(day + 2, current_date) end,
                       case when host = 'HEAD' then 'Giao các cơ quan chuyên môn xem xét, trả lời công dân trong thời hạn 15 ngày.' end,
                       '%s'
                from g_session
                """.formatted(PetitionGenerator.ACTOR));
        sql.exec("insert petition_visit", """
                insert into petition_visit (id, session_id, unit_id, visited_on, persons_count, representatives_count, crowd, matter_id,
                    first_time, content_kind, summary, place_unit_id, refused, refusal_reason, instruction, instruction_due_on, created_by)
                overriding system value
                select v.id, s.id, v.unit_id, v.day, v.persons,
                       case when v.persons >= 5 then case when v.persons <= 10 then 2 else 3 end else 0 end,
                       v.persons >= 5, v.matter_id, v.first_time, v.content_kind, v.summary, v.place_id, v.refused, v.refusal_reason,
                       case when v.host = 'HEAD' then 'Giao cơ quan chuyên môn kiểm tra, trả lời công dân' end,
                       case when v.host = 'HEAD' then v.day + 15 end, '%s'
                from g_visit v join g_session s on s.unit_id = v.unit_id and s.day = v.day and s.host = v.host
                """.formatted(PetitionGenerator.ACTOR));
        sql.exec("insert petition", """
                insert into petition (id, number, unit_id, received_on, channel, source_name, source_reference, petitioner_kind,
                    signers_count, subject, content, place_unit_id, visit_id, forwarded_from_id, protected, status, content_kind, field,
                    eligible, ineligible_reason, competence, handling, processed_on, forwarded_to_id, reply_received_on, matter_id,
                    due_on, due_rule, due_rule_version, created_by)
                overriding system value
                select p.id, p.number, p.unit_id, p.received_on, p.channel, p.source_name,
                       coalesce(o.number, case when p.channel in ('LEADER', 'NA_DEPUTY', 'PC_DEPUTY', 'FRONT', 'PRESS')
                                               then (1 + p.id %% 900) || '/CV' end),
                       p.petitioner_kind, p.signers, p.subject, p.content, p.place_id, v.id, p.from_id, p.protected, p.status,
                       p.content_kind, p.field, p.eligible, p.ineligible_reason, p.competence, p.handling, p.processed_on,
                       p.forwarded_to_id, p.reply_received_on, m.id, p.due_on, p.due_rule, p.due_rule_version, '%s'
                from g_pet p
                left join g_matter m on m.petition_id = p.id
                left join g_visit v on v.petition_id = p.id
                left join g_pet o on o.id = p.from_id
                order by p.id
                """.formatted(PetitionGenerator.ACTOR));
        // the timeline, as the services write it
        sql.exec("insert petition_step", """
                insert into petition_step (petition_id, matter_id, kind, on_day, actor, note, document_number, due_on, rule, rule_version)
                select p.id, null, 'RECEIVED', p.received_on, '%1$s', null, x.source_reference, p.due_on, p.due_rule, p.due_rule_version
                from g_pet p join petition x on x.id = p.id
                union all
                select null, m.id, 'MATTER_OPENED', m.processed_on, '%1$s', m.petition_number, null, null, null, null from g_matter m
                union all
                select m.petition_id, m.id, 'CLASSIFIED', m.processed_on, '%1$s', null, null, null, null, null from g_matter m
                union all
                select m.petition_id, m.id, case m.handling when 'ACCEPT' then 'LINKED_TO_MATTER' when 'GUIDE' then 'GUIDED'
                       when 'FORWARD' then 'FORWARDED' when 'URGE' then 'URGED' else 'FILED' end,
                       m.processed_on, '%1$s', null, null, null, null, null from g_matter m
                union all
                select p.id, m.id, 'REPLY_RECEIVED', p.reply_received_on, '%1$s', 'Đã nhận văn bản trả lời.', null, null, null, null
                from g_pet p join g_matter m on m.petition_id = p.id where p.reply_received_on is not null
                union all
                select null, m.id, case when m.status = 'NOT_ACCEPTED' then 'NOT_ACCEPTED' else 'ACCEPTED' end, m.a, '%1$s',
                       case when m.status = 'NOT_ACCEPTED' then 'Hết thời hiệu khiếu nại' end,
                       case when m.status <> 'NOT_ACCEPTED' then 'TB-' || (100 + cast(floor(m.r3 * 800) as int)) end,
                       m.due_on, m.due_rule, m.due_rule_version
                from g_matter m where m.status not in ('REFERRED', 'RECEIVED')
                union all
                select null, m.id, 'HANDLER_ASSIGNED', m.a, '%1$s', null, null, m.due_on, m.due_rule, m.due_rule_version
                from g_matter m where m.handler_id is not null
                union all
                select null, m.id, 'VERIFICATION_STARTED', m.v, '%1$s', 'Thành lập tổ xác minh', null, m.due_on, m.due_rule, m.due_rule_version
                from g_matter m where m.status in ('VERIFYING', 'SUSPENDED', 'WITHDRAWN', 'DECIDED', 'CLOSED') and m.v <= current_date
                union all
                select null, m.id, 'DIALOGUE_HELD', m.v + 10, '%1$s', 'Đối thoại với người khiếu nại', null, m.due_on, m.due_rule, m.due_rule_version
                from g_matter m where m.content_kind = 'COMPLAINT' and m.status in ('VERIFYING', 'DECIDED', 'CLOSED')
                     and m.v + 10 <= least(current_date, m.d)
                union all
                select null, m.id, 'SUSPENDED', m.v + 12, '%1$s', 'Chờ kết quả giám định của cơ quan khác', 'QĐ-TĐC',
                       m.due_on, m.due_rule, m.due_rule_version
                from g_matter m where m.status = 'SUSPENDED'
                union all
                select null, m.id, 'WITHDRAWN', m.v + 5, '%1$s', 'Người khiếu nại rút đơn sau khi được giải thích', null,
                       m.due_on, m.due_rule, m.due_rule_version
                from g_matter m where m.status = 'WITHDRAWN'
                union all
                select null, m.id, 'DECIDED', m.d, '%1$s', null, 'QĐ-' || (10 + cast(floor(m.r4 * 900) as int)),
                       m.due_on, m.due_rule, m.due_rule_version
                from g_matter m where m.status in ('DECIDED', 'CLOSED')
                union all
                select null, m.id, 'CLOSED', m.c, '%1$s', 'Đã tổ chức thi hành', null, m.due_on, m.due_rule, m.due_rule_version
                from g_matter m where m.status = 'CLOSED'
                """.formatted(PetitionGenerator.ACTOR));
        sql.exec("insert petition_suspension", """
                insert into petition_suspension (matter_id, from_day, to_day, reason)
                select id, v + 12, null, 'Chờ kết quả giám định của cơ quan khác' from g_matter where status = 'SUSPENDED'
                """);
        sql.exec("insert petition_outcome", """
                insert into petition_outcome (matter_id, stage, recover_money, recover_land, return_org_money, return_org_land,
                    return_person_money, return_person_land, orgs_restored, persons_restored, orgs_disciplined, persons_disciplined,
                    officials_disciplined, cases_transferred, persons_transferred, officials_transferred, completed_on)
                select m.id, s.stage, o.recover_money, o.recover_land, 0, 0, o.return_person_money, o.return_person_land, 0,
                       o.persons_restored, 0, o.persons_disciplined, o.officials_disciplined, o.cases_transferred, 0, 0,
                       case when s.stage = 'DECIDED' then m.d else m.c end
                from g_matter m
                cross join lateral (select case when m.result in ('RIGHT', 'PARTLY_RIGHT') then x end as ordered
                                    from (select 1 as x) y) q
                cross join lateral (select
                        case when q.ordered is null then 0 else floor(m.r1 * 400) end as recover_money,
                        case when q.ordered is null then 0 else floor(m.r2 * 300) end as recover_land,
                        case when q.ordered is null then 0 else floor(m.r3 * 150) end as return_person_money,
                        case when q.ordered is null then 0 else floor(m.r4 * 200) end as return_person_land,
                        case when q.ordered is null then 0 else 1 + cast(floor(m.r5 * 3) as int) end as persons_restored,
                        case when q.ordered is null then 0 else cast(floor(m.r1 * 3) as int) end as persons_disciplined,
                        case when q.ordered is null then 0 else cast(floor(m.r2 * 2) as int) end as officials_disciplined,
                        case when q.ordered is not null and m.r3 < 0.1 then 1 else 0 end as cases_transferred) o
                cross join lateral (select 'DECIDED' as stage union all select 'ENFORCED' where m.status = 'CLOSED') s
                where m.status in ('DECIDED', 'CLOSED')
                """);
    }
}
