package vn.danvan.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.danvan.bench.PetitionGenerator.Load;
import vn.danvan.bench.PetitionGenerator.Step;
import vn.danvan.bench.PetitionGenerator.Table;

/**
 * Generates "Dân vận khéo" models and exemplars with set-based SQL (generate_series, INSERT … SELECT)
 * straight into the running application's PostgreSQL: the models with their fields of work, results,
 * recognitions, commendations and the replication lineage (source_id, replica_count), over the real
 * units valid on each registration day (the communes before the 2025 reform, the new ones after it,
 * plus a share at provinces). Everything is drawn first into a temporary table (fixed seed through
 * setseed), then inserted year by year in the order the foreign keys need; ids are precomputed
 * ({@code overriding system value}) and the identity and the number sequence are moved past them.
 * Nothing of the application's schema is changed. Rows made here carry {@code created_by} =
 * {@value PetitionGenerator#ACTOR}. Not generated: assessments, events, attachments, rounds.
 */
final class ExemplarGenerator {

    /** Themes: the name of the model and its main field of work (with tone marks; searched accent-free). */
    static final String[][] THEMES = {
            {"Tuyến đường nở hoa, xanh – sạch – đẹp", "NEW_RURAL"},
            {"Dân vận khéo trong xây dựng nông thôn mới", "NEW_RURAL"},
            {"Vận động nhân dân hiến đất mở đường giao thông", "NEW_RURAL"},
            {"Chuyển đổi số trong giải quyết thủ tục hành chính", "DIGITAL"},
            {"Tổ công nghệ số cộng đồng hướng dẫn dịch vụ công trực tuyến", "DIGITAL"},
            {"Mái ấm tình thương cho hộ nghèo", "SOCIAL_WELFARE"},
            {"Nuôi heo đất giúp học sinh vượt khó", "SOCIAL_WELFARE"},
            {"Khu dân cư an toàn về an ninh trật tự", "DEFENCE_SECURITY"},
            {"Camera an ninh khu phố, thôn bản", "DEFENCE_SECURITY"},
            {"Chi bộ bốn tốt, đảng viên gương mẫu", "POLITICAL_SYSTEM"},
            {"Bộ phận một cửa thân thiện, trọng dân", "ADMIN_REFORM"},
            {"Hợp tác xã trồng chè an toàn liên kết tiêu thụ", "ECONOMY"},
            {"Phát triển kinh tế hộ gia đình, thoát nghèo bền vững", "ECONOMY"},
            {"Giữ gìn bản sắc văn hóa dân tộc", "CULTURE_SOCIETY"},
            {"Phân loại rác thải tại nguồn", "CULTURE_SOCIETY"},
            {"Thư viện cộng đồng, tủ sách dòng họ", "CULTURE_SOCIETY"},
    };

    static final String[] FIELDS = {"ECONOMY", "CULTURE_SOCIETY", "DEFENCE_SECURITY", "POLITICAL_SYSTEM", "NEW_RURAL", "SOCIAL_WELFARE",
            "ADMIN_REFORM", "DIGITAL"};

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
            "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Vi", "Nông", "Hà", "Lường", "Đinh", "Lò", "Mai", "Trịnh"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Hồng", "Xuân", "Ngọc", "Thanh", "Hữu", "Kim"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Hoa", "Hòa", "Khánh", "Lan", "Mai", "Nam", "Phúc", "Quý",
            "Sơn", "Thủy", "Tuấn", "Uyên", "Vinh", "Yến", "Thắng", "Hiền", "Long", "Hưng", "Trang", "Hải", "Tâm", "Nghĩa"};
    private static final String[] TITLES = {"Bí thư chi bộ", "Trưởng thôn", "Tổ trưởng tổ dân phố", "Chi hội trưởng phụ nữ",
            "Cựu chiến binh", "Giáo viên", "Công an xã", "Người có uy tín"};
    private static final String[] METHODS = {
            "Họp dân công khai, bàn bạc dân chủ, người dân tự nguyện đóng góp ngày công và kinh phí",
            "Cán bộ, đảng viên đi trước làm gương, phân công phụ trách từng hộ gia đình",
            "Lồng ghép với phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa ở khu dân cư",
            "Vận động doanh nghiệp và con em xa quê hỗ trợ vật liệu, nhân dân góp công",
            "Thành lập tổ tự quản, ban hành quy ước, đánh giá kết quả hằng quý",
            "Sử dụng nhóm Zalo, loa truyền thanh để tuyên truyền, hướng dẫn người dân",
            "Phối hợp Mặt trận và các đoàn thể, giao chỉ tiêu cho từng chi hội",
            "Khen thưởng kịp thời tập thể, cá nhân tiêu biểu, nhân rộng cách làm hay"};

    private static final List<String> TALLIED = List.of("exemplar", "exemplar_field_link", "exemplar_result", "exemplar_recognition",
            "exemplar_commendation");

    private static final String[] LEVELS = {"COMMUNE", "DISTRICT", "PROVINCE", "CENTRAL"};

    private final Connection connection;
    private final ExemplarSettings settings;
    private final SqlSteps sql;
    private final LocalDate today = LocalDate.now();

    ExemplarGenerator(Connection connection, ExemplarSettings settings) {
        this.connection = connection;
        this.sql = new SqlSteps(connection);
        this.settings = settings;
    }

    Load generate() throws SQLException {
        long started = System.nanoTime();
        var from = LocalDate.of(settings.firstYear(), 1, 1);
        connection.setAutoCommit(true);
        prepare(from);
        draw(from);
        // The tally triggers (V40) would recompute each (unit, year) once per statement and table; the load
        // disables them and rebuilds the tally once at the end in one grouped statement (exemplar_tally_rebuild, V58).
        for (var table : TALLIED) {
            sql.exec("tally: off", "alter table " + table + " disable trigger user");
        }
        for (int year = settings.firstYear(); year <= settings.lastYear(); year++) {
            insertYear(year);
        }
        sql.exec("sequences", "select setval(pg_get_serial_sequence('exemplar', 'id'), (select max(id) from exemplar))");
        sql.exec("sequences", "select setval('exemplar_number_seq', (select max(seq) from g_ex))");
        for (var table : TALLIED) {
            sql.exec("tally: on", "alter table " + table + " enable trigger user");
        }
        var tallied = System.nanoTime();
        sql.exec("tally: rebuild", "select exemplar_tally_rebuild()");
        System.out.printf("  tally rebuilt in %.1f s%n", (System.nanoTime() - tallied) / 1e9);
        double seconds = (System.nanoTime() - started) / 1e9;
        var analyzed = System.nanoTime();
        // VACUUM as autovacuum would soon do in service: it also empties the GIN pending lists (gin_pending_list_limit 64MB
        // above), which a search would otherwise scan row by row, and sets the visibility map for index-only scans
        sql.exec("VACUUM (ANALYZE)", "vacuum (analyze) exemplar, exemplar_field_link, exemplar_result, exemplar_recognition, exemplar_commendation, exemplar_tally, exemplar_rollup");
        double totalSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("  generated in %.1f s, VACUUM (ANALYZE) %.1f s%n", seconds, (System.nanoTime() - analyzed) / 1e9);
        var how = how(from);
        sql.exec("cleanup", "drop table g_ex, g_day, g_epoch, g_commune, g_province");
        long rows = sql.steps().stream().filter(s -> s.name().startsWith("insert")).mapToLong(Step::rows).sum();
        return new Load(how, aggregate(), tables(), rows, totalSeconds);
    }

    // ---- preparation: days, epochs of the unit tree, communes and provinces by epoch --------------

    private void prepare(LocalDate from) throws SQLException {
        sql.exec("prepare", "select setseed(" + (settings.seed() % 1000) / 1000.0 + ")");
        sql.exec("prepare", "set work_mem = '256MB'");
        sql.exec("prepare", "set maintenance_work_mem = '512MB'");
        sql.exec("prepare", "set gin_pending_list_limit = '64MB'");
        sql.exec("prepare", "set max_parallel_workers_per_gather = 0");
        sql.exec("prepare", "drop table if exists g_ex, g_day, g_epoch, g_commune, g_province");
        sql.exec("prepare: units", """
                create temp table g_epoch as
                with b as (
                    select d from (select valid_from as d from org_unit union select valid_to + 1 from org_unit) x
                    where d is not null and d > date '%1$s' and d <= date '%2$s'
                    union select date '%1$s'
                )
                select cast(row_number() over (order by d) as int) as e, d as from_day,
                       coalesce(lead(d) over (order by d) - 1, date '%2$s') as to_day
                from b
                """.formatted(from, today));
        sql.exec("prepare: units", """
                create temp table g_day as
                select cast(d as date) as day, ep.e from generate_series(date '%s', date '%s', interval '1 day') d
                join g_epoch ep on cast(d as date) between ep.from_day and ep.to_day
                """.formatted(from, today));
        sql.exec("prepare: units", "create unique index on g_day (day)");
        sql.exec("prepare: units", """
                create temp table g_commune as
                select ep.e, o.id as unit_id, cast(split_part(o.path, '/', 3) as bigint) as province_id,
                       coalesce(v.name, o.code) as name,
                       cast(row_number() over (partition by ep.e order by o.id) - 1 as int) as idx
                from g_epoch ep
                join org_unit o on o.category = 'AREA' and o.level = 'COMMUNE' and o.validity @> ep.from_day
                left join lateral (select v.name from org_unit_version v where v.unit_id = o.id
                                   and (v.validity @> ep.from_day or v.valid_from > ep.from_day)
                                   order by v.valid_from nulls first limit 1) v on true
                """);
        sql.exec("prepare: units", "create index on g_commune (e, idx)");
        sql.exec("prepare: units", """
                create temp table g_province as
                select ep.e, o.id as unit_id, coalesce(v.name, o.code) as name,
                       cast(row_number() over (partition by ep.e order by o.id) - 1 as int) as idx
                from g_epoch ep
                join org_unit o on o.category = 'AREA' and o.level = 'PROVINCE' and o.validity @> ep.from_day
                left join lateral (select v.name from org_unit_version v where v.unit_id = o.id
                                   and (v.validity @> ep.from_day or v.valid_from > ep.from_day)
                                   order by v.valid_from nulls first limit 1) v on true
                """);
        sql.exec("prepare: units", "create index on g_province (e, idx)");
        sql.exec("prepare: units", "alter table g_epoch add column communes int, add column provinces int");
        sql.exec("prepare: units", """
                update g_epoch ep set communes = (select count(*) from g_commune c where c.e = ep.e),
                                      provinces = (select count(*) from g_province p where p.e = ep.e)
                """);
        System.out.println("  units: " + sql.query("select string_agg(from_day || '…' || to_day || ': ' || communes || ' communes, '"
                + " || provinces || ' provinces', '; ' order by e) from g_epoch"));
    }

    // ---- the draw: every model in one temporary table, in registration order ------------------------

    private void draw(LocalDate from) throws SQLException {
        long n = settings.exemplars();
        long days = today.toEpochDay() - from.toEpochDay() + 1;
        long idBase = sql.longQuery("select coalesce(max(id), 0) from exemplar");
        long seqBase = sql.longQuery("""
                select greatest((select last_value from exemplar_number_seq),
                                (select coalesce(max(cast(split_part(number, '-', 3) as bigint)), 0) from exemplar))
                """);
        var themes = new StringBuilder();
        var themeFields = new StringBuilder();
        for (int i = 0; i < THEMES.length; i++) {
            themes.append(i == 0 ? "" : ", ").append('\'').append(THEMES[i][0]).append('\'');
            themeFields.append(i == 0 ? "" : ", ").append('\'').append(THEMES[i][1]).append('\'');
        }
        String fieldIndex = "(array[" + String.join(", ", java.util.Arrays.stream(THEMES)
                .map(t -> Integer.toString(java.util.Arrays.asList(FIELDS).indexOf(t[1]))).toList()) + "])";
        sql.exec("draw: models", """
                create temp table g_ex as
                with base as (
                    select g, date '%1$s' + cast(floor((g - 1) * %2$d::numeric / %3$d) as int) as d,
                           random() as r_lvl, random() as r_unit, random() as r_kind, random() as r_theme, random() as r_p1,
                           random() as r_p2, random() as r_p3, random() as r_reg, random() as r_rec, random() as r_lv,
                           random() as r_typ, random() as r_com, random() as r_st, random() as r_rep, random() as r_src,
                           random() as r_res, random() as r_f2, random() as r_money, random() as r_method, random() as r_date
                    from generate_series(1, %3$d) g
                ),
                u as (
                    select b.*, dd.e, ep.communes, ep.provinces from base b join g_day dd on dd.day = b.d join g_epoch ep on ep.e = dd.e
                ),
                placed as (
                    select u.*, coalesce(c.unit_id, p.unit_id) as unit_id, coalesce(c.name, p.name) as place_name,
                           c.unit_id is null as at_province,
                           cast(floor(u.r_theme * %4$d) as int) as theme,
                           case when u.r_kind < 0.45 then 'COLLECTIVE' else 'INDIVIDUAL' end as kind,
                           least(date '%5$s', u.d + 60 + cast(floor(u.r_date * 400) as int)) as rec_on,
                           u.r_rec < 0.42 and u.d < date '%5$s' - 90 as recognised
                    from u
                    left join g_commune c on u.r_lvl < 0.8 and c.e = u.e and c.idx = floor(u.r_unit * u.communes)
                    left join g_province p on u.r_lvl >= 0.8 and p.e = u.e and p.idx = floor(u.r_unit * u.provinces)
                )
                select %6$d + x.g as id, %7$d + x.g as seq, x.d as registered_on, cast(extract(year from x.d) as int) as year,
                       x.kind, x.unit_id, x.at_province, x.theme, x.recognised, x.rec_on,
                       case when x.kind = 'COLLECTIVE'
                            then 'Mô hình "' || (array[%8$s])[1 + x.theme] || '" ở ' || x.place_name
                            else 'Điển hình ' || w.family[1 + floor(x.r_p1 * 24)] || ' ' || w.middle[1 + floor(x.r_p2 * 12)] || ' '
                                 || w.given[1 + floor(x.r_p3 * 26)] || ' – ' || lower((array[%8$s])[1 + x.theme]) end as name,
                       case when x.kind = 'INDIVIDUAL' then w.family[1 + floor(x.r_p1 * 24)] || ' ' || w.middle[1 + floor(x.r_p2 * 12)]
                            || ' ' || w.given[1 + floor(x.r_p3 * 26)] end as person_name,
                       case when x.kind = 'INDIVIDUAL' then w.title[1 + floor(x.r_reg * 8)] end as person_title,
                       case when x.r_reg < 0.45 then 'RESIDENTIAL_AREA' when x.r_reg < 0.60 then 'AGENCY' when x.r_reg < 0.70 then 'SCHOOL'
                            when x.r_reg < 0.78 then 'ENTERPRISE' when x.r_reg < 0.83 then 'ARMED_FORCES'
                            when x.r_reg < 0.95 then 'MASS_ORGANISATION' else 'PARTY_CELL' end as registrant_type,
                       case when x.r_reg < 0.45 then 'Khu dân cư thôn ' || (1 + floor(x.r_method * 12)) || ', ' || x.place_name
                            when x.r_reg < 0.60 then 'Ủy ban nhân dân ' || x.place_name
                            when x.r_reg < 0.70 then 'Trường Trung học cơ sở ' || x.place_name
                            when x.r_reg < 0.78 then 'Hợp tác xã nông nghiệp ' || x.place_name
                            when x.r_reg < 0.83 then 'Công an ' || x.place_name
                            when x.r_reg < 0.95 then 'Hội Liên hiệp Phụ nữ ' || x.place_name
                            else 'Chi bộ thôn ' || (1 + floor(x.r_method * 12)) || ', ' || x.place_name end as registrant_name,
                       w.method[1 + floor(x.r_method * 8)] || '.' as method,
                       case when x.r_money < 0.7 then cast(floor(x.r_money * 500) * 1000000 as bigint) end as funds_vnd,
                       case when x.r_money < 0.6 then cast(floor(x.r_date * 300) * 1000000 as bigint) end as socialised_vnd,
                       case when x.r_money < 0.7 then cast(floor(x.r_lv * 2000) as int) end as workdays,
                       x.d as starts_on,
                       -- recognition: the level by the unit and the day (no district level after 2025-06-30)
                       case when not x.recognised then null
                            when x.at_province then case when x.r_lv < 0.9 then 'PROVINCE' else 'CENTRAL' end
                            when x.r_lv < 0.5 then 'COMMUNE'
                            when x.r_lv < 0.8 then case when x.rec_on <= date '2025-06-30' then 'DISTRICT' else 'COMMUNE' end
                            when x.r_lv < 0.97 then 'PROVINCE' else 'CENTRAL' end as rec_level,
                       x.recognised and x.r_typ < 0.25 as typical,
                       x.recognised and x.r_com < 0.2 as commended,
                       least(date '%5$s', x.rec_on + 30 + cast(floor(x.r_com * 1000) as int)) as com_on,
                       x.recognised and x.r_typ between 0.6 and 0.75 and x.rec_on + 365 <= date '%5$s' as recognised_again,
                       x.r_st, x.r_rep, x.r_src, x.r_res, x.r_f2, x.r_typ, x.r_com,
                       (array[%9$s])[1 + x.theme] as field1,
                       case when x.r_f2 < 0.4 then ('{%10$s}'::text[])[1 + ((%11$s[1 + x.theme] + 1 + cast(floor(x.r_f2 / 0.4 * 7) as int)) %% 8)]
                            end as field2
                from placed x
                cross join (select %12$s as family, %13$s as middle, %14$s as given, %15$s as title, %16$s as method) w
                """.formatted(from, days, n, THEMES.length, today, idBase, seqBase, themes, themeFields, String.join(",", FIELDS),
                fieldIndex, GeneratorPreparation.array(FAMILY), GeneratorPreparation.array(MIDDLE), GeneratorPreparation.array(GIVEN),
                GeneratorPreparation.array(TITLES), GeneratorPreparation.array(METHODS)));
        sql.exec("draw: models", "create unique index on g_ex (id)");
        // status now: the furthest step reached, by chance and by age
        sql.exec("draw: status", """
                alter table g_ex add column status text, add column paused_status text, add column source_id bigint,
                    add column replica_count int not null default 0
                """);
        sql.exec("draw: status", """
                update g_ex set status = case
                        when commended then 'COMMENDED' when typical then 'TYPICAL' when recognised then 'RECOGNISED'
                        when registered_on > date '%1$s' - 120 then case when r_st < 0.6 then 'REGISTERED' else 'IMPLEMENTING' end
                        when r_st < 0.05 and registered_on < date '%1$s' - 730 then 'DISCONTINUED'
                        when r_st < 0.08 then 'PAUSED'
                        when r_st < 0.25 then 'ASSESSED'
                        when r_st < 0.28 then 'REGISTERED'
                        else 'IMPLEMENTING' end,
                    paused_status = case when not recognised and registered_on <= date '%1$s' - 120 and r_st >= 0.05 and r_st < 0.08
                                         then 'IMPLEMENTING' end
                """.formatted(today));
        // replication: ~5 % of the models (after the first year) copy an earlier recognised one, older ones more often
        sql.exec("draw: replication", """
                create temp table g_src as
                select cast(row_number() over (order by id) as bigint) as k, id from g_ex where recognised
                """);
        sql.exec("draw: replication", "create unique index on g_src (k)");
        sql.exec("draw: replication", """
                update g_ex x set source_id = s.id
                from (select id, r_src, r_rep, year,
                             count(*) filter (where recognised) over (order by id rows between unbounded preceding and 1 preceding) as before
                      from g_ex) w
                join g_src s on s.k = 1 + floor(w.r_src * w.r_src * w.before)
                where w.id = x.id and w.r_rep < 0.05 and w.year > %d and w.before > 0
                """.formatted(settings.firstYear()));
        sql.exec("draw: replication", """
                update g_ex x set replica_count = c.n,
                                  status = case when x.status in ('RECOGNISED', 'TYPICAL', 'COMMENDED') then 'REPLICATED' else x.status end
                from (select source_id, count(*) as n from g_ex where source_id is not null group by 1) c
                where x.id = c.source_id
                """);
        sql.exec("draw: replication", "drop table g_src");
        sql.exec("draw: models", "analyze g_ex");
    }

    // ---- the inserts of one registration year, in foreign-key order, one transaction ----------------

    private void insertYear(int year) throws SQLException {
        long started = System.nanoTime();
        connection.setAutoCommit(false);
        try {
            sql.exec("insert exemplar", """
                    insert into exemplar (id, number, kind, name, unit_id, registrant_type, registrant_name, person_name, person_title,
                        method, funds_vnd, workdays, socialised_vnd, starts_on, registered_on, year, status, paused_status, source_id,
                        replica_count, created_by, created_at, updated_at)
                    overriding system value
                    select id, case when kind = 'COLLECTIVE' then 'MH' else 'DH' end || '-' || year || '-' || lpad(cast(seq as text), greatest(6, length(cast(seq as text))), '0'),
                           kind, name, unit_id, registrant_type, registrant_name, person_name, person_title, method, funds_vnd, workdays,
                           socialised_vnd, starts_on, registered_on, year, status, paused_status, source_id, replica_count, '%s',
                           cast(registered_on as timestamptz), cast(registered_on as timestamptz)
                    from g_ex where year = %d order by id
                    """.formatted(PetitionGenerator.ACTOR, year));
            sql.exec("insert exemplar_field_link", """
                    insert into exemplar_field_link (exemplar_id, field_code)
                    select id, field1 from g_ex where year = %1$d
                    union all
                    select id, field2 from g_ex where year = %1$d and field2 is not null and field2 <> field1
                    """.formatted(year));
            sql.exec("insert exemplar_result", """
                    insert into exemplar_result (exemplar_id, year, measure, value)
                    select x.id, y.year, m.measure,
                           case m.measure when 'PEOPLE_REACHED' then 50 + floor(random() * 3000) when 'HOUSEHOLDS' then 10 + floor(random() * 400)
                                when 'MONEY_VND' then floor(random() * 800) * 1000000 when 'WORKDAYS' then 20 + floor(random() * 3000)
                                when 'LAND_M2' then floor(random() * 5000) else floor(random() * 2500) end
                    from g_ex x
                    cross join lateral (select x.year as year union all select x.year + 1 where x.r_res < 0.25 and x.year < %2$d) y
                    cross join lateral (select (array['PEOPLE_REACHED', 'HOUSEHOLDS', 'MONEY_VND', 'WORKDAYS', 'LAND_M2', 'ROAD_M'])
                                               [1 + (cast(floor(x.r_res * 12) as int) + k) %% 6] as measure
                                        from generate_series(0, 1) k) m
                    where x.year = %1$d and x.r_res < 0.5
                    """.formatted(year, settings.lastYear()));
            sql.exec("insert exemplar_recognition", """
                    insert into exemplar_recognition (exemplar_id, year, level, typical, decision_number, decision_date, issuer, created_by,
                        created_at)
                    select id, cast(extract(year from d) as int), level, t, (100 + floor(r_com * 900)) || '/QĐ-' || issuer_code, d,
                           case level when 'COMMUNE' then 'Ủy ban nhân dân cấp xã' when 'DISTRICT' then 'Ủy ban nhân dân cấp huyện'
                                when 'PROVINCE' then 'Ủy ban nhân dân tỉnh' else 'Ban Dân vận Trung ương' end,
                           '%2$s', cast(d as timestamptz)
                    from (
                        select id, rec_on as d, rec_level as level, typical and not recognised_again as t, r_com,
                               case rec_level when 'CENTRAL' then 'BDVTW' else 'UBND' end as issuer_code
                        from g_ex where year = %1$d and recognised
                        union all
                        select id, rec_on + 365, case when rec_level in ('PROVINCE', 'CENTRAL') then 'CENTRAL' else 'PROVINCE' end, typical,
                               r_typ, case when rec_level in ('PROVINCE', 'CENTRAL') then 'BDVTW' else 'UBND' end
                        from g_ex where year = %1$d and recognised_again
                    ) r
                    """.formatted(year, PetitionGenerator.ACTOR));
            sql.exec("insert exemplar_commendation", """
                    insert into exemplar_commendation (exemplar_id, year, form, issuer, decision_number, decision_date, created_by, created_at)
                    select id, cast(extract(year from com_on) as int),
                           case when r_com < 0.05 then 'CERTIFICATE_OF_MERIT' when r_com < 0.12 then 'LETTER_OF_COMMENDATION' else 'CERTIFICATE' end,
                           case when r_com < 0.05 then 'Chủ tịch Ủy ban nhân dân tỉnh' else 'Ban Dân vận' end,
                           (200 + floor(r_typ * 700)) || '/QĐ-KT', com_on, '%2$s', cast(com_on as timestamptz)
                    from g_ex where year = %1$d and commended
                    """.formatted(year, PetitionGenerator.ACTOR));
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        System.out.printf("  year %d inserted in %.1f s%n", year, (System.nanoTime() - started) / 1e9);
    }

    // ---- what was made -------------------------------------------------------------------------------

    private String how(LocalDate from) throws SQLException {
        var epochs = sql.query("select string_agg(from_day || '…' || to_day || ': ' || communes || ' communes, '"
                + " || provinces || ' provinces', '; ' order by e) from g_epoch");
        var shares = sql.query("""
                select 'collective ' || round(100.0 * count(*) filter (where kind = 'COLLECTIVE') / count(*), 1) || ' %%'
                    || ', at a province ' || round(100.0 * count(*) filter (where at_province) / count(*), 1) || ' %%'
                    || ', recognised ' || round(100.0 * count(*) filter (where recognised) / count(*), 1) || ' %%'
                    || ', typical ' || round(100.0 * count(*) filter (where typical) / count(*), 1) || ' %%'
                    || ', commended ' || round(100.0 * count(*) filter (where commended) / count(*), 1) || ' %%'
                    || ', replicas ' || round(100.0 * count(*) filter (where source_id is not null) / count(*), 1) || ' %%'
                    || ', most replicas of one model ' || max(replica_count)
                from g_ex
                """.replace("%%", "%"));
        var statuses = sql.query("select string_agg(status || ' ' || n, ', ' order by n desc) from (select status, count(*) n from g_ex group by 1) s");
        return ("Set-based SQL over JDBC into the running application's PostgreSQL (generate_series, INSERT … SELECT; every model "
                + "drawn first into a temporary table with a fixed seed, then inserted one registration year per transaction in "
                + "foreign-key order: exemplar, exemplar_field_link, exemplar_result, exemplar_recognition, exemplar_commendation). "
                + "%,d models registered evenly over the days from %s to %s (today), numbered MH-/DH-year-sequence as the "
                + "application numbers them (exemplar_number_seq moved past). Owner units: 80 %% a commune valid on the day of "
                + "registration, 20 %% a province valid that day; units valid by epoch: %s. Drawn: %s. Status now: %s. "
                + "Fields of work: the theme's field, and a second one for 40 %%. Recognition one to 13 months after registration "
                + "(none for models younger than 90 days), level by the unit (a province's models at province or central level) "
                + "and the day (no district level after 2025-06-30); 15 %% of the recognised recognised again a year later at a higher "
                + "level; commendations after recognition. Results (2 measures a year) for 50 %%, for the next year too for "
                + "half of those. Replicas copy an earlier recognised model (older ones drawn more often); source_id and "
                + "replica_count consistent, sources with replicas in status REPLICATED. Not generated: assessments, events, "
                + "attachments, rounds. Session settings for the load: work_mem 256MB, maintenance_work_mem 512MB, "
                + "gin_pending_list_limit 64MB (the durability settings are untouched); the tally triggers off during the load and the tally "
                + "rebuilt once at the end from the records (as migration V40 does); VACUUM (ANALYZE) of the six tables at the end, as "
                + "autovacuum would soon do in service (it also empties the GIN pending lists).")
                .formatted(settings.exemplars(), LocalDate.of(settings.firstYear(), 1, 1), today, epochs, shares, statuses);
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
        for (var table : List.of("exemplar", "exemplar_field_link", "exemplar_result", "exemplar_recognition", "exemplar_commendation",
                "org_unit")) {
            long rows = sql.longQuery("select count(*) from " + table);
            var size = sql.query("select pg_size_pretty(pg_total_relation_size('" + table + "'))");
            out.add(new Table(table, rows, size));
        }
        out.add(new Table("(database)", 0, sql.query("select pg_size_pretty(pg_database_size(current_database()))")));
        return out;
    }

    /** Generates into an application already running: {@code ExemplarGenerator <postgres port>} (development). */
    public static void main(String[] args) throws Exception {
        try (var db = Database.connect(Integer.parseInt(args[0]))) {
            var load = new ExemplarGenerator(db.connection(), ExemplarSettings.fromEnvironment()).generate();
            load.tables().forEach(t -> System.out.printf("%-22s %,12d %s%n", t.name(), t.rows(), t.size()));
            System.out.printf("%,d rows in %.1f s%n", load.totalRows(), load.totalSeconds());
        }
    }
}
