package vn.danvan.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Preparation of a generator run: the calendar, the epochs of the unit tree, the receiving units and the topics, as temporary tables. */
final class GeneratorPreparation {

    static final String[][] TOPICS = {
            {"COMPLAINT", "ADMIN_LAND", "Khiếu nại quyết định thu hồi đất, mức bồi thường thấp hơn giá thị trường"},
            {"COMPLAINT", "ADMIN_LAND", "Khiếu nại phương án bồi thường, hỗ trợ tái định cư dự án mở rộng đường"},
            {"COMPLAINT", "ADMIN_LAND", "Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất chồng lấn"},
            {"COMPLAINT", "ADMIN_LAND", "Khiếu nại quyết định xử phạt vi phạm hành chính về xây dựng"},
            {"COMPLAINT", "ADMIN_LAND", "Khiếu nại việc không cấp giấy phép xây dựng nhà ở"},
            {"COMPLAINT", "ADMIN_LAND", "Khiếu nại quyết định cưỡng chế thu hồi đất nông nghiệp"},
            {"COMPLAINT", "ADMIN_POLICY", "Khiếu nại việc cắt trợ cấp hộ nghèo"},
            {"COMPLAINT", "ADMIN_POLICY", "Khiếu nại việc không giải quyết chế độ bảo hiểm xã hội"},
            {"COMPLAINT", "ADMIN_CIVIL_SERVICE", "Khiếu nại quyết định kỷ luật viên chức trường tiểu học"},
            {"COMPLAINT", "ADMIN_OTHER", "Khiếu nại quyết định thu hồi giấy phép kinh doanh"},
            {"DENUNCIATION", "CORRUPTION", "Tố cáo cán bộ địa chính nhận tiền khi làm thủ tục đất đai"},
            {"DENUNCIATION", "CORRUPTION", "Tố cáo sai phạm trong quản lý, sử dụng ngân sách xây dựng trường học"},
            {"DENUNCIATION", "ADMIN_LAND", "Tố cáo việc lấn chiếm đất công xây dựng nhà ở trái phép"},
            {"DENUNCIATION", "ADMIN_CIVIL_SERVICE", "Tố cáo cán bộ gây phiền hà, sách nhiễu khi chứng thực hồ sơ"},
            {"DENUNCIATION", "PARTY", "Tố cáo đảng viên vi phạm quy định về những điều đảng viên không được làm"},
            {"RECOMMENDATION", "ADMIN_POLICY", "Kiến nghị sửa chữa đường giao thông nông thôn xuống cấp"},
            {"RECOMMENDATION", "ADMIN_LAND", "Kiến nghị giải quyết dứt điểm tranh chấp ranh giới đất giữa các hộ"},
            {"RECOMMENDATION", "ADMIN_POLICY", "Kiến nghị hỗ trợ khắc phục thiệt hại do mưa lũ"},
            {"RECOMMENDATION", "ADMIN_OTHER", "Kiến nghị lắp đặt hệ thống chiếu sáng công cộng"},
            {"RECOMMENDATION", "JUSTICE", "Kiến nghị xem xét lại bản án tranh chấp quyền sử dụng đất"},
            {"REFLECTION", "ADMIN_OTHER", "Phản ánh tiếng ồn, khói bụi của xưởng sản xuất trong khu dân cư"},
            {"REFLECTION", "ADMIN_POLICY", "Phản ánh chậm chi trả chế độ người có công với cách mạng"},
            {"REFLECTION", "JUSTICE", "Phản ánh chậm thi hành bản án dân sự"},
            {"REFLECTION", "ADMIN_OTHER", "Phản ánh ô nhiễm nguồn nước do trang trại chăn nuôi xả thải"},
    };

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
            "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Vi", "Nông", "Hà", "Lường", "Đinh", "Lò", "Mai", "Trịnh"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Hồng", "Xuân", "Ngọc", "Thanh", "Hữu", "Kim"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Hoa", "Hòa", "Khánh", "Lan", "Mai", "Nam", "Phúc", "Quý",
            "Sơn", "Thủy", "Tuấn", "Uyên", "Vinh", "Yến", "Thắng", "Hiền", "Long", "Hưng", "Trang", "Hải", "Tâm", "Nghĩa"};
    private static final String[] DETAIL = {
            "gia đình đã sử dụng ổn định từ năm 1993, không có tranh chấp",
            "đã nhiều lần gửi đơn nhưng chưa được xem xét, trả lời",
            "đề nghị cơ quan có thẩm quyền kiểm tra, xác minh và xử lý nghiêm",
            "việc áp giá bồi thường không đúng quy định, gây thiệt hại cho gia đình",
            "cán bộ thụ lý hồ sơ chậm trễ, yêu cầu nộp thêm giấy tờ không cần thiết",
            "đề nghị công khai kết quả kiểm tra để nhân dân được biết",
            "sự việc kéo dài gây bức xúc trong nhân dân khu dân cư",
            "kèm theo đơn là bản sao các giấy tờ, biên bản làm việc có liên quan"};

    private GeneratorPreparation() {
    }

    // ---- preparation: calendar, epochs of the unit tree, units and topics -------------------------

    static void prepare(SqlSteps sql, PetitionSettings settings, LocalDate from, LocalDate to) throws SQLException {
        sql.exec("prepare: session", "select setseed(" + (settings.seed() % 1000) / 1000.0 + ")");
        sql.exec("prepare: session", "set work_mem = '256MB'");
        sql.exec("prepare: session", "set maintenance_work_mem = '512MB'");
        sql.exec("prepare: session", "set gin_pending_list_limit = '64MB'");
        sql.exec("prepare: session", "set max_parallel_workers_per_gather = 0");
        // days and working days (Monday–Friday less calendar_day; fixed-date holidays in years it has no rows for)
        sql.exec("prepare: calendar", """
                create temp table bench_day as
                with d as (select cast(day as date) as day from generate_series(date '%s' - 40, date '%s' + 1200, interval '1 day') day),
                w as (
                    select d.day,
                           case when c.kind = 'MAKEUP_WORKDAY' then true
                                when c.kind is not null then false
                                when extract(isodow from d.day) >= 6 then false
                                when to_char(d.day, 'MM-DD') in ('01-01', '04-30', '05-01', '09-02')
                                     and not exists (select 1 from calendar_day x
                                                     where x.day between date_trunc('year', d.day) and date_trunc('year', d.day) + interval '1 year')
                                     then false
                                else true end as workday
                    from d left join calendar_day c on c.day = d.day
                )
                select day, workday, cast(count(*) filter (where workday) over (order by day) as int) as wn, 0 as e from w
                """.formatted(from, to));
        sql.exec("prepare: calendar", "create temp table bench_workday as select wn, day from bench_day where workday");
        sql.exec("prepare: calendar", "create unique index on bench_workday (wn)");
        sql.exec("prepare: calendar", "alter table bench_day add column next_work date");
        sql.exec("prepare: calendar", """
                update bench_day d set next_work = w.day from bench_workday w
                where w.wn = d.wn + case when d.workday then 0 else 1 end
                """);
        sql.exec("prepare: calendar", "create unique index on bench_day (day)");
        // the deadline the application records: rule version in force on the start day, its variant, counted
        sql.exec("prepare: calendar", """
                create function pg_temp.bench_due(rule_code text, start date, remote boolean, complex boolean, ext int)
                returns table (due date, rule text, version int) language sql stable as $$
                    select case when r.unit = 'WORKING' then w.day else c.next_work end, r.code, r.version
                    from calendar_deadline_rule r
                    cross join lateral (select coalesce(
                            case when remote and complex then r.remote_complex_days when remote then r.remote_days
                                 when complex then r.complex_days end,
                            case when remote and complex and r.remote_days is not null then r.remote_days else r.days end)
                            + ext * coalesce(r.extension_days, 0) as days) n
                    join pg_temp.bench_day s on s.day = start
                    left join pg_temp.bench_workday w on r.unit = 'WORKING' and w.wn = s.wn + n.days
                    left join pg_temp.bench_day c on r.unit = 'CALENDAR' and c.day = start + n.days
                    where r.code = rule_code and start >= r.effective_from and (r.effective_to is null or start <= r.effective_to)
                $$
                """);
        // epochs: spans of days over which the set of valid units does not change (the 2025 reform)
        sql.exec("prepare: units", """
                create temp table bench_epoch as
                with b as (
                    select d from (select valid_from as d from org_unit union select valid_to + 1 from org_unit) x
                    where d is not null and d > date '%1$s' and d <= date '%2$s'
                    union select date '%1$s'
                )
                select cast(row_number() over (order by d) as int) as e, d as from_day,
                       coalesce(lead(d) over (order by d) - 1, date '%2$s' + 1200) as to_day
                from b
                """.formatted(from, to));
        sql.exec("prepare: units", "update bench_day d set e = p.e from bench_epoch p where d.day between p.from_day and p.to_day");
        // communes valid in each epoch, with the commune's People's Committee body where one exists
        sql.exec("prepare: units", """
                create temp table bench_commune as
                select ep.e, o.id as commune_id, o.code, cast(split_part(o.path, '/', 3) as bigint) as province_id,
                       coalesce(b.id, o.id) as receiver_id, coalesce(b.code, o.code) as receiver_code,
                       coalesce(v.name, o.code) as name, coalesce(bv.name, v.name, o.code) as receiver_name
                from bench_epoch ep
                join org_unit o on o.category = 'AREA' and o.level = 'COMMUNE' and o.validity @> ep.from_day
                left join lateral (select b.id, b.code from org_unit b where b.category = 'BODY' and b.code = o.code || '.UBND'
                                   and b.validity @> ep.from_day order by b.id limit 1) b on true
                left join lateral (select v.name from org_unit_version v where v.unit_id = o.id
                                   and (v.validity @> ep.from_day or v.valid_from > ep.from_day)
                                   order by v.valid_from nulls first limit 1) v on true
                left join lateral (select v.name from org_unit_version v where v.unit_id = b.id
                                   and (v.validity @> ep.from_day or v.valid_from > ep.from_day)
                                   order by v.valid_from nulls first limit 1) bv on true
                """);
        sql.exec("prepare: units", """
                alter table bench_commune add column idx int, add column pidx int
                """);
        sql.exec("prepare: units", """
                update bench_commune c set idx = x.idx, pidx = x.pidx from (
                    select e, commune_id, cast(row_number() over (partition by e order by commune_id) - 1 as int) as idx,
                           cast(row_number() over (partition by e, province_id order by commune_id) - 1 as int) as pidx
                    from bench_commune) x
                where x.e = c.e and x.commune_id = c.commune_id
                """);
        sql.exec("prepare: units", "create index on bench_commune (e, idx)");
        sql.exec("prepare: units", "create index on bench_commune (e, province_id, pidx)");
        // provinces valid in each epoch and their receiving bodies (People's Committee, reception board,
        // inspectorate) where the unit lists have them, else the province itself
        sql.exec("prepare: units", """
                create temp table bench_province_receiver as
                select ep.e, p.id as province_id, r.id as receiver_id, r.code as receiver_code,
                       coalesce((select v.name from org_unit_version v where v.unit_id = r.id
                                 and (v.validity @> ep.from_day or v.valid_from > ep.from_day)
                                 order by v.valid_from nulls first limit 1), r.code) as receiver_name,
                       cast(row_number() over (partition by ep.e, p.id order by r.id) - 1 as int) as ridx
                from bench_epoch ep
                join org_unit p on p.category = 'AREA' and p.level = 'PROVINCE' and p.validity @> ep.from_day
                cross join lateral (
                    select b.id, b.code from org_unit b
                    where b.category = 'BODY' and b.level = 'PROVINCE' and b.validity @> ep.from_day
                      and b.path like p.path || '%%' and b.code ~ '[.](UBND|BTCD|TTR)$'
                    union all
                    select p.id, p.code
                    where not exists (select 1 from org_unit b
                                      where b.category = 'BODY' and b.level = 'PROVINCE' and b.validity @> ep.from_day
                                        and b.path like p.path || '%%' and b.code ~ '[.](UBND|BTCD|TTR)$')
                ) r
                """.replace("%%", "%"));
        sql.exec("prepare: units", "create index on bench_province_receiver (e, province_id, ridx)");
        sql.exec("prepare: units", """
                create temp table bench_province as
                select e, province_id, cast(row_number() over (partition by e order by province_id) - 1 as int) as idx,
                       (select count(*) from bench_province_receiver r where r.e = x.e and r.province_id = x.province_id) as receivers,
                       (select count(*) from bench_commune c where c.e = x.e and c.province_id = x.province_id) as communes
                from (select distinct r.e, r.province_id from bench_province_receiver r
                      where exists (select 1 from bench_commune c where c.e = r.e and c.province_id = r.province_id)) x
                """);
        sql.exec("prepare: units", "create index on bench_province (e, idx)");
        sql.exec("prepare: units", """
                alter table bench_epoch add column communes int, add column provinces int
                """);
        sql.exec("prepare: units", """
                update bench_epoch ep set communes = (select count(*) from bench_commune c where c.e = ep.e),
                                          provinces = (select count(*) from bench_province p where p.e = ep.e)
                """);
        // handlers: the demo officers of the provinces that have them (their queues show "mine" first)
        sql.exec("prepare: units", """
                create temp table bench_handler as
                select distinct on (cast(split_part(o.path, '/', 3) as bigint)) cast(split_part(o.path, '/', 3) as bigint) as province_id,
                       u.id as user_id
                from identity_role_assignment r join identity_user u on u.id = r.user_id join org_unit o on o.id = r.unit_id
                where r.role = 'OFFICER' and o.level = 'PROVINCE'
                order by cast(split_part(o.path, '/', 3) as bigint), u.id
                """);
        // topics and words
        var topics = new StringBuilder("create temp table bench_topic (t int, kind text, field text, subject text)");
        sql.exec("prepare: topics", topics.toString());
        for (int i = 0; i < TOPICS.length; i++) {
            sql.exec("prepare: topics", "insert into bench_topic values (%d, '%s', '%s', '%s')".formatted(i, TOPICS[i][0], TOPICS[i][1], TOPICS[i][2]));
        }
        sql.exec("prepare: topics", "create temp table bench_words as select %s as family, %s as middle, %s as given, %s as detail"
                .formatted(array(FAMILY), array(MIDDLE), array(GIVEN), array(DETAIL)));
        // numbering: the last number of each yearly series by unit code (codes are reused across the reform,
        // and a case number is made of code and year)
        sql.exec("prepare: numbering", """
                create temp table bench_counter as
                select o.code, c.year, c.kind, max(c.last) as last
                from petition_counter c join org_unit o on o.id = c.unit_id
                group by o.code, c.year, c.kind
                """);
        sql.exec("prepare: numbering", "create unique index on bench_counter (code, year, kind)");
        var epochs = sql.query("select count(*) || ' epochs; communes ' || string_agg(communes || '', '/' order by e) "
                + "|| '; provinces ' || string_agg(provinces || '', '/' order by e) from bench_epoch");
        System.out.println("  units: " + epochs);
    }

    static String array(String[] values) {
        var out = new StringBuilder("array[");
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ", ").append('\'').append(values[i].replace("'", "''")).append('\'');
        }
        return out.append(']').toString();
    }
}
