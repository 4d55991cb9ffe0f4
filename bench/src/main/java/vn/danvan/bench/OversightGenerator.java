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
 * Generates ten years of oversight over the real communes with set-based SQL (generate_series, INSERT … SELECT) straight
 * into the running application's PostgreSQL, over the units valid in each year (the communes before the 2025 reform, the
 * new ones after it): the communes of a year are those valid on 1 July (or today), each drawn with probability
 * BENCH_OVERSIGHT_SCALE. Per commune and year:
 * <ul>
 * <li>inspections: about 10 % of the communes of a province are targets of its yearly inspections (five targets each),
 * with a team of four from the province's pool of officials, a working session (meeting of kind
 * INSPECTION_WORKING_SESSION) per target, self-assessment reports, findings, three recommendations per target as plan
 * tasks (origin INSPECTION) with deadlines, follow-up reports and the inspecting body's acceptance; a share left overdue;</li>
 * <li>dialogues ({@link OversightDialogues}): three a year, ten opinions each, commitments as plan tasks (origin DIALOGUE);</li>
 * <li>grassroots democracy ({@link OversightDemocracy}): the People's Inspection Board, its plans, activities and
 * recommendations, disclosures, community meetings with votes.</li>
 * </ul>
 * Ids are precomputed and the sequences moved past them; rows carry {@code created_by} = {@value PetitionGenerator#ACTOR}.
 * Not generated: audit records (generated history, not a user's change), conclusion documents, positions (titles) of the
 * officials, evidence files.
 */
final class OversightGenerator {

    static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
            "Nông", "Hà"};
    static final String[] MIDDLE = {"Văn", "Thị", "Đức", "Minh", "Thu", "Hữu", "Ngọc", "Quang", "Thanh", "Kim"};
    static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hương", "Lan", "Long", "Mai", "Nam", "Phúc", "Quân",
            "Sơn", "Tâm", "Thắng", "Trang", "Tuấn", "Yến", "Vinh"};

    static final String[] RECOMMENDATIONS = {"Kiện toàn Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở",
            "Tăng cường tiếp xúc, đối thoại trực tiếp giữa người đứng đầu với Nhân dân",
            "Công khai đầy đủ, kịp thời các nội dung Nhân dân được biết theo Luật Thực hiện dân chủ ở cơ sở",
            "Giải quyết dứt điểm kiến nghị của Nhân dân về đất đai, giải phóng mặt bằng",
            "Xây dựng, nhân rộng mô hình \"Dân vận khéo\" gắn với nhiệm vụ phát triển kinh tế - xã hội",
            "Nâng cao chất lượng hoạt động của Ban Thanh tra nhân dân", "Rà soát, chấn chỉnh tác phong, lề lối làm việc của cán bộ",
            "Báo cáo kết quả khắc phục hạn chế, thiếu sót sau kiểm tra"};

    static final List<String> TABLES = List.of("person", "meeting", "inspection", "inspection_subject", "inspection_member",
            "inspection_target", "inspection_session", "inspection_recommendation", "dialogue", "dialogue_participant",
            "dialogue_opinion", "plan_task", "plan_task_update", "democracy_board", "democracy_board_member", "democracy_board_plan",
            "democracy_activity", "democracy_recommendation", "democracy_disclosure", "democracy_community_meeting", "democracy_vote");

    private final Connection connection;
    private final OversightSettings settings;
    private final SqlSteps sql;
    private final LocalDate today = LocalDate.now();

    OversightGenerator(Connection connection, OversightSettings settings) {
        this.connection = connection;
        this.sql = new SqlSteps(connection);
        this.settings = settings;
    }

    Load generate() throws SQLException {
        long started = System.nanoTime();
        var from = LocalDate.of(settings.firstYear(), 1, 1);
        connection.setAutoCommit(true);
        WorkCycleUnits.prepare(sql, settings.seed(), from, today);
        sql.exec("prepare", "drop table if exists o_cy, o_person, o_target, o_insp, o_tgt, o_rec, o_subject");
        communeYears();
        persons();
        drawInspections();
        var dialogues = new OversightDialogues(sql, today);
        dialogues.draw(sql.longQuery("select max(id) from o_rec_max"), sql.longQuery("select max(id) from o_meet_max"));
        var democracy = new OversightDemocracy(sql, today);
        democracy.draw();
        connection.setAutoCommit(false);
        insertPersons();
        insertInspections();
        connection.commit();
        dialogues.insert();
        connection.commit();
        democracy.insert();
        connection.commit();
        connection.setAutoCommit(true);
        for (var t : List.of("person", "meeting", "inspection", "inspection_recommendation", "dialogue", "dialogue_opinion", "plan_task",
                "plan_task_update", "democracy_board", "democracy_board_member", "democracy_board_plan", "democracy_activity",
                "democracy_recommendation", "democracy_disclosure", "democracy_community_meeting", "democracy_vote")) {
            sql.exec("sequences", "select setval(pg_get_serial_sequence('%1$s', 'id'), (select max(id) from %1$s))".formatted(t));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        var analyzed = System.nanoTime();
        sql.exec("VACUUM (ANALYZE)", "vacuum (analyze) " + String.join(", ", TABLES));
        double totalSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("  generated in %.1f s, VACUUM (ANALYZE) %.1f s%n", seconds, (System.nanoTime() - analyzed) / 1e9);
        var how = how(dialogues, democracy);
        sql.exec("cleanup", "drop table if exists o_cy, o_person, o_target, o_insp, o_tgt, o_rec, o_subject, o_rec_max, o_meet_max, "
                + "o_dlg, o_op, o_com, o_board, o_activity, o_cmeet, g_day, g_epoch, g_commune, g_province, g_pcount, g_root");
        long rows = sql.steps().stream().filter(s -> s.name().startsWith("insert")).mapToLong(Step::rows).sum();
        return new Load(how, aggregate(), tables(), rows, totalSeconds);
    }

    // ---- the communes of each year, and a pool of eight officials per province ------------------------------

    private void communeYears() throws SQLException {
        sql.exec("draw: commune-years", """
                create temp table o_cy as
                select cast(row_number() over (order by y.y, c.unit_id) as bigint) as k, y.y, c.unit_id, c.province_id, c.name,
                       coalesce(p.name, '') as province_name,
                       greatest(make_date(y.y, 1, 1), coalesce(o.valid_from, make_date(y.y, 1, 1))) as first_day,
                       least(make_date(y.y, 12, 31), date '%1$s', coalesce(o.valid_to, make_date(y.y, 12, 31))) as last_day,
                       random() as r_insp
                from (select cast(g as int) as y, least(make_date(cast(g as int), 7, 1), date '%1$s') as mid
                      from generate_series(%2$d, %3$d) g) y
                join g_day dd on dd.day = y.mid
                join g_commune c on c.e = dd.e
                join org_unit o on o.id = c.unit_id
                left join g_province p on p.e = dd.e and p.unit_id = c.province_id
                where random() < %4$s
                """.formatted(today, settings.firstYear(), settings.lastYear(), settings.scale()));
        sql.exec("draw: commune-years", "delete from o_cy where last_day < first_day");
        sql.exec("draw: commune-years", "create index on o_cy (y, province_id)");
    }

    private void persons() throws SQLException {
        long base = sql.longQuery("select coalesce(max(id), 0) from person");
        sql.exec("draw: persons", """
                create temp table o_person as
                select %1$d + row_number() over (order by p.province_id, n) as id, p.province_id, n,
                       f.a[1 + floor(random() * %2$d)] || ' ' || m.a[1 + floor(random() * %3$d)] || ' ' || g.a[1 + floor(random() * %4$d)]
                           as full_name
                from (select distinct province_id from o_cy) p cross join generate_series(0, 7) n
                cross join (select %5$s as a) f cross join (select %6$s as a) m cross join (select %7$s as a) g
                """.formatted(base, FAMILY.length, MIDDLE.length, GIVEN.length, GeneratorPreparation.array(FAMILY),
                GeneratorPreparation.array(MIDDLE), GeneratorPreparation.array(GIVEN)));
        sql.exec("draw: persons", "create unique index on o_person (province_id, n)");
    }

    private void insertPersons() throws SQLException {
        sql.exec("insert person", """
                insert into person (id, full_name, gender, owner_unit_id, created_by)
                select id, full_name, case when full_name like '%% Thị %%' then 'FEMALE' else 'MALE' end, province_id, '%s'
                from o_person order by id
                """.formatted(PetitionGenerator.ACTOR));
    }

    // ---- inspections: five target communes each, about a tenth of a province's communes a year ----------------

    private void drawInspections() throws SQLException {
        long inspBase = sql.longQuery("select coalesce(max(id), 0) from inspection");
        long meetBase = sql.longQuery("select coalesce(max(id), 0) from meeting");
        long taskBase = sql.longQuery("select coalesce(max(id), 0) from plan_task");
        long recBase = sql.longQuery("select coalesce(max(id), 0) from inspection_recommendation");
        sql.exec("draw: inspections", """
                create temp table o_target as
                select cy.y, cy.unit_id, cy.province_id, cy.province_name, cy.first_day, cy.last_day,
                       cast(row_number() over (partition by cy.y, cy.province_id order by cy.r_insp, cy.unit_id) - 1 as int) as rn
                from o_cy cy where cy.r_insp < 0.10
                """);
        sql.exec("draw: inspections", """
                create temp table o_insp as
                select %1$d + row_number() over (order by y, province_id, grp) as id, y, province_id, province_name, grp,
                       first_day + cast(floor(random() * greatest(0, last_day - first_day - 25)) as int) as starts_on,
                       random() as r_kind, random() as r_mode
                from (select y, province_id, province_name, rn / 5 as grp, max(first_day) as first_day, min(last_day) as last_day
                      from o_target group by 1, 2, 3, 4) x
                """.formatted(inspBase));
        sql.exec("draw: inspections", "alter table o_insp add column ends_on date");
        sql.exec("draw: inspections", "update o_insp set ends_on = starts_on + 20");
        sql.exec("draw: inspections", "create index on o_insp (y, province_id, grp)");
        sql.exec("draw: inspections", """
                create temp table o_subject as
                select id, identifier, cast(row_number() over (order by id) - 1 as int) as n from document
                where identifier in ('16/CT-TTg', '79-CTr/BDVTW-BCSĐCP', '290-QĐ/TW', '23-CT/TW')
                """);
        sql.exec("draw: inspections", """
                create temp table o_tgt as
                select i.id as inspection_id, t.unit_id, t.rn %% 5 as ordinal, i.province_id, i.starts_on, i.ends_on,
                       %1$d + row_number() over (order by i.id, t.rn) as meeting_id
                from o_target t join o_insp i on i.y = t.y and i.province_id = t.province_id and i.grp = t.rn / 5
                """.formatted(meetBase));
        sql.exec("draw: inspections", """
                create temp table o_rec as
                select %1$d + row_number() over (order by t.inspection_id, t.ordinal, k) as task_id,
                       %2$d + row_number() over (order by t.inspection_id, t.ordinal, k) as id,
                       t.inspection_id, t.unit_id, t.province_id, t.ordinal * 3 + k - 1 as origin_ordinal, t.ends_on as made_on,
                       t.ends_on + 30 + cast(floor(random() * 150) as int) as due_on,
                       w.a[1 + floor(random() * %3$d)] as title, random() as r_st, random() as r_done, random() as r_acc
                from o_tgt t cross join generate_series(1, 3) k cross join (select %4$s as a) w
                where t.ends_on <= date '%5$s'
                """.formatted(taskBase, recBase, RECOMMENDATIONS.length, GeneratorPreparation.array(RECOMMENDATIONS), today));
        OversightDialogues.taskColumns(sql, "o_rec", "made_on", today);
        sql.exec("draw: inspections", "alter table o_rec add column accepted_on date");
        sql.exec("draw: inspections", "update o_rec set accepted_on = least(done_on + 5, date '%s') where status = 'DONE' and r_acc < 0.9"
                .formatted(today));
        sql.exec("draw: inspections", "create temp table o_rec_max as select coalesce(max(task_id), %d) as id from o_rec".formatted(taskBase));
        sql.exec("draw: inspections", "create temp table o_meet_max as select coalesce(max(meeting_id), %d) as id from o_tgt".formatted(meetBase));
    }

    private void insertInspections() throws SQLException {
        var actor = PetitionGenerator.ACTOR;
        sql.exec("insert inspection", """
                insert into inspection (id, inspecting_unit_id, kind, mode, title, starts_on, ends_on, conclusion_summary, search_text, created_by)
                select i.id, i.province_id, case when i.r_kind < 0.6 then 'INSPECTION' else 'SUPERVISION' end,
                       case when i.r_mode < 0.7 then 'REGULAR' else 'THEMATIC' end,
                       case when i.r_kind < 0.6 then 'Kiểm tra' else 'Giám sát' end || ' việc thực hiện công tác dân vận và Quy chế dân chủ ở cơ sở năm '
                           || i.y || ' — đoàn ' || i.grp + 1 || ' của ' || i.province_name,
                       i.starts_on, i.ends_on,
                       case when i.ends_on <= date '%1$s' then 'Các đơn vị cơ bản thực hiện tốt; còn một số hạn chế cần khắc phục theo kiến nghị.' end,
                       search_key(case when i.r_kind < 0.6 then 'Kiểm tra' else 'Giám sát' end
                           || ' việc thực hiện công tác dân vận và Quy chế dân chủ ở cơ sở năm ' || i.y || ' đoàn ' || i.grp + 1 || ' của '
                           || i.province_name || coalesce(' ' || s.identifier, '')), '%2$s'
                from o_insp i left join o_subject s on s.n = i.id %% greatest(1, (select count(*) from o_subject))
                order by i.id
                """.formatted(today, actor));
        sql.exec("insert inspection_subject", """
                insert into inspection_subject (inspection_id, document_id, ordinal)
                select i.id, s.id, 0 from o_insp i join o_subject s on s.n = i.id % greatest(1, (select count(*) from o_subject))
                """);
        sql.exec("insert inspection_member", """
                insert into inspection_member (inspection_id, person_id, body_unit_id, role, ordinal)
                select i.id, p.id, i.province_id, (array['HEAD', 'DEPUTY', 'MEMBER', 'SECRETARY'])[k + 1], k
                from o_insp i cross join generate_series(0, 3) k join o_person p on p.province_id = i.province_id and p.n = (i.id + k) % 8
                """);
        sql.exec("insert inspection_target", """
                insert into inspection_target (inspection_id, unit_id, ordinal, report_due_on, report_submitted_on, report_note,
                    report_submitted_by, strengths, shortcomings)
                select inspection_id, unit_id, ordinal, starts_on - 5,
                       case when starts_on - 7 <= date '%1$s' then starts_on - 7 end,
                       case when starts_on - 7 <= date '%1$s' then 'Báo cáo tự kiểm tra kèm theo' end,
                       case when starts_on - 7 <= date '%1$s' then '%2$s' end,
                       case when ends_on <= date '%1$s' then 'Cấp ủy quan tâm lãnh đạo; đối thoại với Nhân dân được tổ chức định kỳ.' end,
                       case when ends_on <= date '%1$s' then 'Việc công khai thông tin chưa đầy đủ; một số kiến nghị của Nhân dân giải quyết chậm.' end
                from o_tgt
                """.formatted(today, actor));
        sql.exec("insert meeting (sessions)", """
                insert into meeting (id, kind, title, starts_at, ends_at, place, host_unit_id, search_text, created_by)
                select t.meeting_id, 'INSPECTION_WORKING_SESSION', 'Làm việc với Đoàn kiểm tra — ' || coalesce(c.name, ''),
                       least(t.starts_on + t.ordinal * 3, t.ends_on) + time '08:00', least(t.starts_on + t.ordinal * 3, t.ends_on) + time '11:30',
                       'Hội trường ' || coalesce(c.name, ''), t.province_id, search_key('Làm việc với Đoàn kiểm tra ' || coalesce(c.name, '')), '%s'
                from o_tgt t left join (select distinct on (unit_id) unit_id, name from o_cy order by unit_id, y desc) c on c.unit_id = t.unit_id
                order by t.meeting_id
                """.formatted(actor));
        sql.exec("insert meeting_unit (sessions)", "insert into meeting_unit (meeting_id, unit_id) select meeting_id, unit_id from o_tgt");
        sql.exec("insert inspection_session", "insert into inspection_session (inspection_id, meeting_id) select inspection_id, meeting_id from o_tgt");
        sql.exec("insert plan_task (recommendations)", OversightDialogues.insertTasks("o_rec", "'INSPECTION'", "inspection_id",
                "province_id", "unit_id", "made_on", today));
        sql.exec("insert inspection_recommendation", """
                insert into inspection_recommendation (id, inspection_id, task_id, target_unit_id, finding, made_on, accepted_on, accepted_by, created_by)
                select id, inspection_id, task_id, unit_id, 'Việc thực hiện còn hạn chế, chưa đáp ứng yêu cầu', made_on, accepted_on,
                       case when accepted_on is not null then '%1$s' end, '%1$s'
                from o_rec order by id
                """.formatted(actor));
        sql.exec("insert plan_task_update (recommendations)", OversightDialogues.insertUpdates("o_rec", "made_on", today));
    }

    // ---- what was made ---------------------------------------------------------------------------------

    private String how(OversightDialogues dialogues, OversightDemocracy democracy) throws SQLException {
        var epochs = sql.query("select string_agg(from_day || '…' || to_day || ': ' || communes || ' communes, '"
                + " || provinces || ' provinces', '; ' order by e) from g_epoch");
        var years = sql.query("select string_agg(y || ': ' || n, ', ' order by y) from (select y, count(*) n from o_cy group by y) x");
        var recs = sql.query("""
                select count(*) || ' recommendations; statuses ' || (select string_agg(status || ' ' || n, ', ' order by n desc)
                    from (select status, count(*) n from o_rec group by 1) s)
                    || '; overdue today ' || count(*) filter (where status in ('NOT_STARTED', 'IN_PROGRESS') and due_on < current_date)
                    || '; accepted ' || count(accepted_on)
                from o_rec""");
        return ("Set-based SQL over JDBC into the running application's PostgreSQL (generate_series, INSERT … SELECT; drawn first into "
                + "temporary tables with a fixed seed, then inserted in foreign-key order; sequences moved past the ids). Units valid by "
                + "epoch: %s. **Commune-years** (the communes valid on 1 July of each year, or today; each drawn with probability %s): %s. "
                + "**Inspections** (%d–%d): about 10 %% of a province's communes a year are targets, five per inspection by the "
                + "province (60 %% kiểm tra, 40 %% giám sát), a team of four (head, deputy, member, secretary) from a pool of eight "
                + "officials per province, one working session (meeting INSPECTION_WORKING_SESSION with the target) per target, "
                + "self-assessment reports and findings; three recommendations per target of a finished inspection as plan tasks "
                + "(origin INSPECTION, deadline 30–180 days after the conclusion), a follow-up report per done or started task, "
                + "90 %% of the done ones accepted: %s. %s %s Not generated: audit records (generated history, not a user's change), "
                + "conclusion documents, officials' positions (titles), evidence files. VACUUM (ANALYZE) at the end, as autovacuum "
                + "would soon do in service.")
                .formatted(epochs, settings.scale(), years, settings.firstYear(), settings.lastYear(), recs, dialogues.describe(),
                        democracy.describe());
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
        for (var table : TABLES) {
            long rows = sql.longQuery("select count(*) from " + table);
            out.add(new Table(table, rows, sql.query("select pg_size_pretty(pg_total_relation_size('" + table + "'))")));
        }
        out.add(new Table("(database)", 0, sql.query("select pg_size_pretty(pg_database_size(current_database()))")));
        return out;
    }

    /** Generates into an application already running: {@code OversightGenerator <postgres port>} (development). */
    public static void main(String[] args) throws Exception {
        try (var db = Database.connect(Integer.parseInt(args[0]))) {
            var generator = new OversightGenerator(db.connection(), OversightSettings.fromEnvironment());
            var load = generator.generate();
            load.tables().forEach(t -> System.out.printf("%-30s %,12d %s%n", t.name(), t.rows(), t.size()));
            System.out.printf("%,d rows in %.1f s%n", load.totalRows(), load.totalSeconds());
        }
    }
}
