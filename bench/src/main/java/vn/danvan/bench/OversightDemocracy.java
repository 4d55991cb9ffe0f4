package vn.danvan.bench;

import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Grassroots democracy of the oversight dataset, per commune-year of {@code o_cy}: the commune's People's Inspection Board
 * (one per five-year term from the first year the commune is in the data, cut at the commune's end; 5–9 members, one per
 * village, head and deputy first, with phone and address — private data), its yearly activity plan, four activities a
 * year (inspection and supervision alternately; the notice to the Front, the chair and the subjects sent seven days
 * before, 10 % three days before with a shortfall of two working days), two recommendations per finished activity (due
 * 30 days after, 85 % of those past due answered by the commune chair's office), the disclosures of the law's periodic
 * items for each period of the year begun by then (85 % made, the rest outstanding) and two community meetings with two
 * votes each.
 */
final class OversightDemocracy {

    private final SqlSteps sql;
    private final LocalDate today;

    OversightDemocracy(SqlSteps sql, LocalDate today) {
        this.sql = sql;
        this.today = today;
    }

    void draw() throws SQLException {
        long boardBase = sql.longQuery("select coalesce(max(id), 0) from democracy_board");
        long activityBase = sql.longQuery("select coalesce(max(id), 0) from democracy_activity");
        long meetingBase = sql.longQuery("select coalesce(max(id), 0) from democracy_community_meeting");
        sql.exec("draw: democracy", "drop table if exists o_board, o_activity, o_cmeet");
        sql.exec("draw: boards", """
                create temp table o_board as
                select %1$d + row_number() over (order by x.unit_id, x.blk) as id, x.unit_id, x.blk, x.term_from,
                       least(cast(x.term_from + interval '5 years' - interval '1 day' as date), coalesce(o.valid_to, date '9999-12-31')) as term_to,
                       5 + cast(floor(random() * 5) as int) as village_count, x.name
                from (select cy.unit_id, (cy.y - u.y0) / 5 as blk, min(cy.first_day) as term_from, max(cy.name) as name
                      from o_cy cy join (select unit_id, min(y) as y0 from o_cy group by 1) u on u.unit_id = cy.unit_id
                      group by 1, 2) x
                join org_unit o on o.id = x.unit_id
                """.formatted(boardBase));
        sql.exec("draw: boards", "create unique index on o_board (unit_id, blk)");
        sql.exec("draw: board activities", """
                create temp table o_activity as
                select %1$d + row_number() over (order by cy.k, g) as id, b.id as board_id, cy.unit_id, g,
                       cy.first_day + cast(floor(random() * (cy.last_day - cy.first_day + 1)) as int) as starts_on, random() as r_late
                from o_cy cy
                join (select unit_id, min(y) as y0 from o_cy group by 1) u on u.unit_id = cy.unit_id
                join o_board b on b.unit_id = cy.unit_id and b.blk = (cy.y - u.y0) / 5
                cross join generate_series(1, 4) g
                """.formatted(activityBase));
        sql.exec("draw: community meetings", """
                create temp table o_cmeet as
                select %1$d + row_number() over (order by cy.k, g) as id, cy.unit_id,
                       cy.first_day + cast(floor(random() * (cy.last_day - cy.first_day + 1)) as int) as held_on,
                       'Thôn ' || (1 + cast(floor(random() * 12) as int)) as village, 80 + cast(floor(random() * 220) as int) as total,
                       random() as r_present
                from o_cy cy cross join generate_series(1, 2) g
                """.formatted(meetingBase));
    }

    void insert() throws SQLException {
        var actor = PetitionGenerator.ACTOR;
        sql.exec("insert democracy_community_meeting", """
                insert into democracy_community_meeting (id, unit_id, village, held_on, households_total, households_present, agenda, created_by)
                select id, unit_id, village, held_on, total, cast(floor(total * (0.6 + 0.35 * r_present)) as int),
                       'Bàn và quyết định chủ trương, mức đóng góp xây dựng công trình công cộng của thôn', '%s'
                from o_cmeet order by id
                """.formatted(actor));
        sql.exec("insert democracy_vote", """
                insert into democracy_vote (community_meeting_id, position, item, votes_for, votes_against, votes_abstain)
                select m.id, g, case g when 1 then 'Chủ trương làm đường bê tông liên thôn' else 'Mức đóng góp của mỗi hộ' end,
                       cast(floor(total * (0.6 + 0.35 * r_present) * 0.85) as int), cast(floor(total * (0.6 + 0.35 * r_present) * 0.1) as int),
                       cast(floor(total * (0.6 + 0.35 * r_present)) as int) - cast(floor(total * (0.6 + 0.35 * r_present) * 0.85) as int)
                           - cast(floor(total * (0.6 + 0.35 * r_present) * 0.1) as int)
                from o_cmeet m cross join generate_series(1, 2) g
                """);
        sql.exec("insert democracy_board", """
                insert into democracy_board (id, unit_id, kind, village_count, term_from, term_to, findings, created_by)
                select id, unit_id, 'PEOPLES_INSPECTION', village_count, term_from, term_to, null, '%s' from o_board order by id
                """.formatted(actor));
        sql.exec("insert democracy_board_member", """
                insert into democracy_board_member (board_id, position, full_name, role, village, phone, address)
                select b.id, g, f.a[1 + floor(random() * %1$d)] || ' ' || m.a[1 + floor(random() * %2$d)] || ' ' || n.a[1 + floor(random() * %3$d)],
                       case g when 1 then 'HEAD' when 2 then 'DEPUTY' else 'MEMBER' end, 'Thôn ' || g,
                       '09' || lpad(cast((b.id * 10 + g) %% 100000000 as text), 8, '0'), 'Số ' || (10 + g) || ', thôn ' || g || ', ' || b.name
                from o_board b cross join generate_series(1, b.village_count) g
                cross join (select %4$s as a) f cross join (select %5$s as a) m cross join (select %6$s as a) n
                """.formatted(OversightGenerator.FAMILY.length, OversightGenerator.MIDDLE.length, OversightGenerator.GIVEN.length,
                GeneratorPreparation.array(OversightGenerator.FAMILY), GeneratorPreparation.array(OversightGenerator.MIDDLE),
                GeneratorPreparation.array(OversightGenerator.GIVEN)));
        sql.exec("insert democracy_board_plan", """
                insert into democracy_board_plan (board_id, period_key, content, adopted_on, created_by)
                select b.id, cast(cy.y as text), 'Kế hoạch hoạt động năm ' || cy.y || ' của Ban Thanh tra nhân dân',
                       least(cy.first_day + 15, date '%1$s'), '%2$s'
                from o_cy cy join (select unit_id, min(y) as y0 from o_cy group by 1) u on u.unit_id = cy.unit_id
                join o_board b on b.unit_id = cy.unit_id and b.blk = (cy.y - u.y0) / 5
                """.formatted(today, actor));
        sql.exec("insert democracy_activity", """
                insert into democracy_activity (id, board_id, kind, title, subjects, starts_on, sent_front_on, sent_chair_on, sent_subjects_on,
                    notice_shortfall, findings, created_by)
                select id, board_id, case when g %% 2 = 1 then 'INSPECTION' else 'SUPERVISION' end,
                       case when g %% 2 = 1 then 'Kiểm tra việc thu, chi các khoản đóng góp của Nhân dân'
                            else 'Giám sát việc thực hiện công trình đường giao thông nông thôn' end,
                       'Ban quản lý công trình; bộ phận tài chính - kế toán xã',
                       starts_on, starts_on - case when r_late < 0.1 then 3 else 7 end, starts_on - case when r_late < 0.1 then 3 else 7 end,
                       starts_on - case when r_late < 0.1 then 3 else 7 end, case when r_late < 0.1 then 2 else 0 end,
                       case when starts_on + 10 <= date '%1$s' then 'Cơ bản đúng quy định; một số khoản chi chưa có đủ chứng từ.' end, '%2$s'
                from o_activity order by id
                """.formatted(today, actor));
        sql.exec("insert democracy_recommendation", """
                insert into democracy_recommendation (activity_id, unit_id, content, addressee, made_on, due_on, answered_on, answered_by,
                    answered_by_title, answer, created_by)
                select a.id, a.unit_id, case k when 1 then 'Bổ sung đầy đủ chứng từ các khoản chi' else 'Công khai kết quả thu, chi tại nhà văn hóa thôn' end,
                       'Ủy ban nhân dân xã', a.starts_on + 10, a.starts_on + 40,
                       case when r.answered then least(a.starts_on + 10 + cast(floor(r.r2 * 30) as int), date '%1$s') end,
                       case when r.answered then 'Văn phòng UBND xã' end, case when r.answered then 'Chủ tịch Ủy ban nhân dân xã' end,
                       case when r.answered then 'Tiếp thu, đã chỉ đạo khắc phục và báo cáo kết quả.' end, '%2$s'
                from o_activity a cross join generate_series(1, 2) k
                cross join lateral (select random() as r1, random() as r2) rr
                cross join lateral (select (a.starts_on + 40 < date '%1$s' and rr.r1 < 0.85) or (a.starts_on + 40 >= date '%1$s' and rr.r1 < 0.3)
                                           as answered, rr.r2) r
                where a.starts_on + 10 <= date '%1$s'
                order by a.id, k
                """.formatted(today, actor));
        sql.exec("insert democracy_disclosure", """
                insert into democracy_disclosure (unit_id, item_code, period_key, channel, title, posted_on, posted_until, created_by)
                select x.unit_id, x.code, x.period_key, (array['NOTICE_BOARD', 'LOUDSPEAKER', 'WEBSITE', 'MEETING'])[1 + floor(x.r_ch * 4)],
                       x.title || ' (' || x.period_key || ')', x.posted_on, x.posted_on + x.min_days_posted, '%2$s'
                from (select cy.unit_id, i.code, i.title, i.min_days_posted, p.period_key, random() as r_ch, random() as r_made,
                             greatest(p.starts_on, cy.first_day) + cast(floor(random() * 25) as int) as posted_on, cy.last_day
                      from o_cy cy
                      cross join democracy_disclosure_item i
                      cross join lateral (
                          select cy.y || s.suffix as period_key, make_date(cy.y, s.month, 1) as starts_on
                          from (values ('YEARLY', '', 1), ('HALF_YEARLY', 'H1', 1), ('HALF_YEARLY', 'H2', 7), ('QUARTERLY', 'Q1', 1),
                                       ('QUARTERLY', 'Q2', 4), ('QUARTERLY', 'Q3', 7), ('QUARTERLY', 'Q4', 10)) s(frequency, suffix, month)
                          where s.frequency = i.frequency) p) x
                where x.r_made < 0.85 and x.posted_on <= least(x.last_day, date '%1$s')
                order by x.posted_on
                """.formatted(today, actor));
    }

    String describe() throws SQLException {
        return sql.query("""
                select '**Grassroots democracy**: ' || (select count(*) from o_board) || ' People''s Inspection Boards (one per commune and '
                    || 'five-year term, 5–9 members with phone and address), ' || (select count(*) from o_activity) || ' activities (four a '
                    || 'commune-year, 10 % notified late), two recommendations per finished activity (85 % of those past due answered), '
                    || 'the periodic disclosures of each period begun (85 % made), ' || (select count(*) from o_cmeet)
                    || ' community meetings with two votes each.'""");
    }
}
