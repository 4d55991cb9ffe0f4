package vn.danvan.bench;

import java.sql.SQLException;
import java.time.LocalDate;

/**
 * The dialogues of the oversight dataset: three a year per commune-year of {@code o_cy}, each a conference (meeting of
 * kind DIALOGUE hosted by the commune) chaired by an official of the province's pool, with two groups of participants and
 * ten opinions — 60 % from a person (name and phone: private data), 15 % an organisation, 25 % anonymous; 55 % answered on
 * the spot by the chair, 35 % assigned as a commitment (a plan task of origin DIALOGUE; 85 % to the commune, 15 % to its
 * province; deadline 30–120 days after the dialogue), the rest noted. Also the task columns and follow-up reports shared
 * with the inspections' recommendations.
 */
final class OversightDialogues {

    static final String[] TOPICS = {"Đề nghị sửa chữa, nâng cấp tuyến đường liên thôn", "Kiến nghị về bồi thường, hỗ trợ giải phóng mặt bằng",
            "Cấp giấy chứng nhận quyền sử dụng đất còn chậm", "Ô nhiễm môi trường từ cơ sở chăn nuôi", "Hỗ trợ vốn vay phát triển sản xuất",
            "Chế độ chính sách cho người có công, hộ nghèo", "Cơ sở vật chất trường học, trạm y tế", "Thời gian giải quyết thủ tục hành chính",
            "An ninh trật tự, an toàn giao thông", "Nước sạch sinh hoạt", "Tiêu thụ nông sản cho bà con", "Hướng dẫn sử dụng dịch vụ công trực tuyến"};
    static final String[] FIELDS = {"INFRASTRUCTURE", "LAND", "LAND", "ENVIRONMENT", "ECONOMY", "SOCIAL_POLICY", "EDUCATION_HEALTH",
            "ADMINISTRATION", "SECURITY", "INFRASTRUCTURE", "ECONOMY", "ADMINISTRATION"};
    private static final String[] AUDIENCES = {"BUSINESSES", "UNION_MEMBERS", "YOUTH", "WOMEN", "FARMERS"};

    private final SqlSteps sql;
    private final LocalDate today;

    OversightDialogues(SqlSteps sql, LocalDate today) {
        this.sql = sql;
        this.today = today;
    }

    /** Draws into o_dlg, o_op, o_com; task ids after {@code taskMax}, meeting ids after {@code meetMax}. */
    void draw(long taskMax, long meetMax) throws SQLException {
        long dlgBase = sql.longQuery("select coalesce(max(id), 0) from dialogue");
        long opBase = sql.longQuery("select coalesce(max(id), 0) from dialogue_opinion");
        sql.exec("draw: dialogues", "drop table if exists o_dlg, o_op0, o_op, o_com");
        sql.exec("draw: dialogues", """
                create temp table o_dlg as
                select %1$d + row_number() over (order by cy.k, g) as id, %2$d + row_number() over (order by cy.k, g) as meeting_id,
                       cy.y, cy.unit_id, cy.province_id, cy.name, g as nth,
                       cy.first_day + cast(floor(random() * (cy.last_day - cy.first_day + 1)) as int) as held_on,
                       p.id as chair_person_id, random() as r_aud, random() as r_n
                from o_cy cy cross join generate_series(1, 3) g
                join o_person p on p.province_id = cy.province_id and p.n = cast(cy.k %% 8 as int)
                """.formatted(dlgBase, meetMax));
        sql.exec("draw: opinions", """
                create temp table o_op0 as
                select %1$d + row_number() over (order by d.id, g) as id, d.id as dialogue_id, g as ordinal, d.held_on, d.unit_id,
                       d.province_id, d.chair_person_id, cast(floor(random() * %2$d) as int) as topic_n, random() as r_kind,
                       random() as r_out, random() as r_st, random() as r_done, random() as r_due, random() as r_resp, random() as r_acc,
                       random() as r_name
                from o_dlg d cross join generate_series(1, 10) g
                """.formatted(opBase, TOPICS.length));
        sql.exec("draw: opinions", """
                create temp table o_op as
                select o.*, case when o.r_out >= 0.55 and o.r_out < 0.9
                                 then %1$d + sum(case when o.r_out >= 0.55 and o.r_out < 0.9 then 1 else 0 end) over (order by o.id) end as task_id
                from o_op0 o
                """.formatted(taskMax));
        sql.exec("draw: opinions", "drop table o_op0");
        sql.exec("draw: commitments", """
                create temp table o_com as
                select o.task_id, o.id as opinion_id, o.dialogue_id, o.ordinal as origin_ordinal, o.unit_id,
                       case when o.r_resp < 0.85 then o.unit_id else o.province_id end as responsible_id, o.held_on,
                       o.held_on + 30 + cast(floor(o.r_due * 90) as int) as due_on, 'Giải quyết ý kiến: ' || t.a[1 + o.topic_n] as title,
                       o.r_st, o.r_done, o.r_acc
                from o_op o cross join (select %1$s as a) t where o.task_id is not null
                """.formatted(GeneratorPreparation.array(TOPICS)));
        taskColumns(sql, "o_com", "held_on", today);
        sql.exec("draw: commitments", "alter table o_com add column accepted_on date");
        sql.exec("draw: commitments", "update o_com set accepted_on = least(done_on + 5, date '%s') where status = 'DONE' and r_acc < 0.9"
                .formatted(today));
        sql.exec("draw: commitments", "create unique index on o_com (opinion_id)");
    }

    void insert() throws SQLException {
        var actor = PetitionGenerator.ACTOR;
        var title = "'Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân — ' || d.name || ' năm ' || d.y || ' (lần ' || d.nth || ')'";
        sql.exec("insert meeting (dialogues)", """
                insert into meeting (id, kind, title, starts_at, ends_at, place, host_unit_id, conclusion_summary, search_text, created_by)
                select d.meeting_id, 'DIALOGUE', %1$s, d.held_on + time '08:00', d.held_on + time '11:30', 'Hội trường UBND ' || d.name,
                       d.unit_id, 'Ghi nhận, trả lời và giao giải quyết các ý kiến của Nhân dân', search_key(%1$s), '%2$s'
                from o_dlg d order by d.meeting_id
                """.formatted(title, actor));
        sql.exec("insert dialogue", """
                insert into dialogue (id, meeting_id, unit_id, held_on, title, place, chair_person_id, summary, search_text, created_by)
                select d.id, d.meeting_id, d.unit_id, d.held_on, %1$s, 'Hội trường UBND ' || d.name, d.chair_person_id,
                       'Các ý kiến được trả lời trực tiếp hoặc giao cơ quan chuyên môn giải quyết.',
                       search_key(concat_ws(' ', %1$s, 'Hội trường UBND ' || d.name,
                           'Các ý kiến được trả lời trực tiếp hoặc giao cơ quan chuyên môn giải quyết.', x.topics)), '%2$s'
                from o_dlg d
                join (select o.dialogue_id, string_agg(t.a[1 + o.topic_n], ' ' order by o.ordinal) as topics
                      from o_op o cross join (select %3$s as a) t group by o.dialogue_id) x on x.dialogue_id = d.id
                order by d.id
                """.formatted(title, actor, GeneratorPreparation.array(TOPICS)));
        sql.exec("insert dialogue_participant", """
                insert into dialogue_participant (dialogue_id, audience, count)
                select id, 'PEOPLE', 60 + cast(floor(r_n * 140) as int) from o_dlg
                union all
                select id, a.a[1 + floor(r_aud * %1$d)], 10 + cast(floor(r_n * 40) as int) from o_dlg cross join (select %2$s as a) a
                """.formatted(AUDIENCES.length, GeneratorPreparation.array(AUDIENCES)));
        sql.exec("insert plan_task (commitments)", insertTasks("o_com", "'DIALOGUE'", "dialogue_id", "unit_id", "responsible_id", "held_on", today));
        sql.exec("insert dialogue_opinion", """
                insert into dialogue_opinion (id, dialogue_id, ordinal, speaker_kind, speaker_name, speaker_contact, topic, field, place,
                    answer, answered_by_person_id, task_id, accepted_on, created_by)
                select o.id, o.dialogue_id, o.ordinal,
                       case when o.r_kind < 0.6 then 'PERSON' when o.r_kind < 0.75 then 'ORGANISATION' else 'ANONYMOUS' end,
                       case when o.r_kind < 0.6 then f.a[1 + floor(o.r_name * %1$d)] || ' ' || m.a[1 + floor(o.r_out * %2$d)] || ' '
                                                     || g.a[1 + floor(o.r_acc * %3$d)]
                            when o.r_kind < 0.75 then 'Hợp tác xã nông nghiệp thôn ' || (1 + o.id %% 12) end,
                       case when o.r_kind < 0.6 then '09' || lpad(cast(o.id %% 100000000 as text), 8, '0') end,
                       t.a[1 + o.topic_n], fl.a[1 + o.topic_n], 'Thôn ' || (1 + o.id %% 12),
                       case when o.r_out < 0.55 then 'Đã trả lời trực tiếp tại hội nghị, giải thích rõ quy định và hướng xử lý.' end,
                       case when o.r_out < 0.55 then o.chair_person_id end, o.task_id, c.accepted_on, '%4$s'
                from o_op o left join o_com c on c.opinion_id = o.id
                cross join (select %5$s as a) f cross join (select %6$s as a) m cross join (select %7$s as a) g
                cross join (select %8$s as a) t cross join (select %9$s as a) fl
                order by o.id
                """.formatted(OversightGenerator.FAMILY.length, OversightGenerator.MIDDLE.length, OversightGenerator.GIVEN.length, actor,
                GeneratorPreparation.array(OversightGenerator.FAMILY), GeneratorPreparation.array(OversightGenerator.MIDDLE),
                GeneratorPreparation.array(OversightGenerator.GIVEN), GeneratorPreparation.array(TOPICS), GeneratorPreparation.array(FIELDS)));
        // the dialogue's tally of its opinions, as DialogueManagement keeps it (V73)
        sql.exec("tally dialogue opinions", """
                update dialogue d
                set opinions_recorded = o.recorded, opinions_answered = o.answered
                from (select dialogue_id, count(*) as recorded, count(answer) as answered
                      from dialogue_opinion where dialogue_id >= (select min(id) from o_dlg)
                      group by dialogue_id) o
                where o.dialogue_id = d.id
                """);
        sql.exec("insert plan_task_update (commitments)", insertUpdates("o_com", "held_on", today));
    }

    String describe() throws SQLException {
        return sql.query("""
                select '**Dialogues**: ' || (select count(*) from o_dlg) || ' (three per commune-year), ' || count(*) || ' opinions, '
                    || count(*) filter (where r_out < 0.55) || ' answered on the spot, ' || count(task_id) || ' assigned as commitments ('
                    || (select string_agg(status || ' ' || n, ', ' order by n desc) from (select status, count(*) n from o_com group by 1) s)
                    || '; overdue today ' || (select count(*) from o_com where status in ('NOT_STARTED', 'IN_PROGRESS') and due_on < current_date)
                    || '), the speakers'' names and phones of persons filled (private data).'
                from o_op""");
    }

    /**
     * Adds status, progress, done_on, last_update_on and last_update_text to a drawn task table with due_on, r_st and r_done:
     * of the tasks past their deadline 93 % done, 7 % left open (overdue); of those not yet due 20 % done, 50 % in progress.
     */
    static void taskColumns(SqlSteps sql, String table, String start, LocalDate today) throws SQLException {
        sql.exec("draw: tasks", """
                alter table %s add column status text, add column progress int, add column done_on date, add column last_update_on date,
                    add column last_update_text text
                """.formatted(table));
        sql.exec("draw: tasks", """
                update %1$s set status = case
                        when due_on >= date '%2$s' then case when r_st < 0.2 then 'DONE' when r_st < 0.7 then 'IN_PROGRESS' else 'NOT_STARTED' end
                        else case when r_st < 0.93 then 'DONE' when r_st < 0.97 then 'IN_PROGRESS' else 'NOT_STARTED' end end
                """.formatted(table, today));
        sql.exec("draw: tasks", """
                update %1$s set done_on = case when status = 'DONE'
                                               then greatest(%3$s, least(due_on - cast(floor(r_done * 20) as int), date '%2$s')) end,
                       progress = case status when 'DONE' then 100 when 'IN_PROGRESS' then 20 + cast(floor(r_done * 70) as int) else 0 end
                """.formatted(table, today, start));
        sql.exec("draw: tasks", """
                update %1$s set last_update_on = case status when 'DONE' then done_on when 'IN_PROGRESS' then least(%3$s + 15, date '%2$s') end,
                       last_update_text = case status when 'DONE' then 'Đã hoàn thành, có văn bản báo cáo kết quả'
                                                      when 'IN_PROGRESS' then 'Đang triển khai thực hiện' end
                """.formatted(table, today, start));
    }

    static String insertTasks(String table, String kind, String origin, String assigning, String responsible, String start,
                              LocalDate today) {
        return """
                insert into plan_task (id, origin_kind, origin_id, origin_ordinal, assigning_unit_id, responsible_unit_id, title, sort_title,
                    starts_on, due_on, status, progress_percent, done_on, last_update_on, last_update_text, search_text, created_by)
                select task_id, %2$s, %3$s, origin_ordinal, %4$s, %5$s, title, title, %6$s, due_on, status, progress, done_on,
                       last_update_on, last_update_text, search_key(title), '%7$s'
                from %1$s order by task_id
                """.formatted(table, kind, origin, assigning, responsible, start, PetitionGenerator.ACTOR);
    }

    static String insertUpdates(String table, String start, LocalDate today) {
        return """
                insert into plan_task_update (task_id, reported_on, percent, text, created_by)
                select task_id, last_update_on, progress, last_update_text, '%2$s'
                from %1$s where status in ('DONE', 'IN_PROGRESS') and last_update_on is not null order by task_id
                """.formatted(table, PetitionGenerator.ACTOR);
    }
}
