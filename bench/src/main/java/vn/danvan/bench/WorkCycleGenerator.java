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
 * Generates the work cycle — documents, yearly plans, tasks (some delegated from a province's plan to its communes),
 * meetings, and the assignment of one national directive to every commune valid today — with set-based SQL
 * (generate_series, INSERT … SELECT) straight into the running application's PostgreSQL, over the real units valid on
 * each day (the units before the 2025 reform, the new ones after it). Everything is drawn first into temporary tables
 * (fixed seed through setseed), then inserted one year per transaction in foreign-key order; ids are precomputed and
 * the sequences moved past them. Nothing of the application's schema is changed. Rows made here carry
 * {@code created_by} = {@value PetitionGenerator#ACTOR}. Not generated: attachments, task coordinators and progress
 * updates, meeting series, chairs, agendas, opinions, conclusion tasks, coordination programmes, audit records.
 */
final class WorkCycleGenerator {

    static final String[] TASK_TITLES = {"Tổ chức hội nghị quán triệt, triển khai", "Tuyên truyền, vận động nhân dân thực hiện",
            "Kiểm tra, giám sát việc thực hiện Quy chế dân chủ", "Xây dựng, nhân rộng mô hình \"Dân vận khéo\"",
            "Tiếp xúc, đối thoại với nhân dân", "Sơ kết 6 tháng, báo cáo kết quả", "Tổng kết năm, đề xuất khen thưởng",
            "Vận động hiến đất làm đường giao thông nông thôn", "Hướng dẫn người dân sử dụng dịch vụ công trực tuyến",
            "Nắm tình hình tư tưởng nhân dân", "Phối hợp Mặt trận và các đoàn thể vận động hộ nghèo", "Rà soát, giải quyết kiến nghị của cử tri"};

    static final String[] THEMES = {"Kỷ cương, liêm chính, hành động, sáng tạo, bứt phá, hiệu quả", "Năm dân vận chính quyền",
            "Tăng cường kỷ luật, kỷ cương hành chính", "Chuyển đổi số, phục vụ nhân dân", "Đoàn kết, dân chủ, đổi mới, phát triển"};

    private static final String[] KINDS = {"QUARTERLY_BRIEFING", "QUARTERLY_BRIEFING", "QUARTERLY_BRIEFING", "QUARTERLY_BRIEFING",
            "QUARTERLY_BRIEFING", "SIX_MONTH_REVIEW", "SIX_MONTH_REVIEW", "ANNUAL_REVIEW", "THEMATIC", "INSPECTION_WORKING_SESSION",
            "MULTI_YEAR_REVIEW", "SIGNING_CEREMONY"};

    static final List<String> TABLES = List.of("document", "document_issuer", "document_relation", "plan", "plan_task", "meeting",
            "meeting_unit", "plan_assignment", "plan_assignment_unit", "org_unit");

    private final Connection connection;
    private final WorkCycleSettings settings;
    private final SqlSteps sql;
    private final LocalDate today = LocalDate.now();
    private final WorkCycleAssignment assignment;

    WorkCycleGenerator(Connection connection, WorkCycleSettings settings) {
        this.connection = connection;
        this.sql = new SqlSteps(connection);
        this.settings = settings;
        this.assignment = new WorkCycleAssignment(sql, today);
    }

    /** The directive assigned to every commune: its assignment's id, for the matrix question. */
    long assignmentId() {
        return assignment.id();
    }

    Load generate() throws SQLException {
        long started = System.nanoTime();
        var from = LocalDate.of(settings.firstYear(), 1, 1);
        connection.setAutoCommit(true);
        WorkCycleUnits.prepare(sql, settings.seed(), from, today);
        WorkCycleDocuments.draw(sql, settings.documents(), from, today, sql.longQuery("select coalesce(max(id), 0) from document"));
        drawPlans();
        drawTasks();
        drawMeetings(from);
        connection.setAutoCommit(false);
        for (int year = settings.firstYear(); year <= settings.lastYear(); year++) {
            WorkCycleDocuments.insertYear(sql, year, PetitionGenerator.ACTOR);
            connection.commit();
        }
        WorkCycleDocuments.insertRelations(sql, PetitionGenerator.ACTOR);
        insertPlans();
        connection.commit();
        for (int year = settings.firstYear(); year <= settings.lastYear(); year++) {
            insertTasks(year);
            connection.commit();
        }
        insertMeetings();
        connection.commit();
        assignment.insert(PetitionGenerator.ACTOR);
        connection.commit();
        connection.setAutoCommit(true);
        for (var t : List.of("document", "document_relation", "plan", "plan_task", "meeting")) {
            sql.exec("sequences", "select setval(pg_get_serial_sequence('%1$s', 'id'), (select max(id) from %1$s))".formatted(t));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        var analyzed = System.nanoTime();
        sql.exec("VACUUM (ANALYZE)", "vacuum (analyze) document, document_issuer, document_relation, plan, plan_task, meeting, meeting_unit, "
                + "plan_assignment, plan_assignment_unit");
        double totalSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("  generated in %.1f s, VACUUM (ANALYZE) %.1f s%n", seconds, (System.nanoTime() - analyzed) / 1e9);
        var how = how(from);
        sql.exec("cleanup", "drop table g_doc, g_high, g_rel, g_plan, g_plan_span, g_task, g_meet, g_day, g_epoch, g_commune, g_province, g_pcount, g_root, g_assign");
        long rows = sql.steps().stream().filter(s -> s.name().startsWith("insert")).mapToLong(Step::rows).sum();
        return new Load(how, aggregate(), tables(), rows, totalSeconds);
    }

    // ---- plans: one yearly plan per unit and year, for the communes and provinces valid in the middle of the year ----

    private void drawPlans() throws SQLException {
        long idBase = sql.longQuery("select coalesce(max(id), 0) from plan");
        sql.exec("draw: plans", """
                create temp table g_plan as
                select %1$d + row_number() over (order by y.y, u.lvl desc, u.unit_id) as id, cast(row_number() over (order by y.y, u.lvl desc, u.unit_id) as bigint) as k,
                       y.y, u.unit_id, u.province_id, u.lvl, u.name
                from (select cast(g as int) as y, least(make_date(cast(g as int), 7, 1), date '%2$s') as mid
                      from generate_series(%3$d, %4$d) g) y
                join g_day dd on dd.day = y.mid
                join (select e, unit_id, province_id, 'COMMUNE' as lvl, name from g_commune
                      union all select e, unit_id, unit_id, 'PROVINCE', name from g_province) u on u.e = dd.e
                """.formatted(idBase, today, settings.firstYear(), settings.lastYear()));
        sql.exec("draw: plans", "create unique index on g_plan (k)");
        sql.exec("draw: plans", "create index on g_plan (unit_id, y)");
    }

    private void insertPlans() throws SQLException {
        sql.exec("insert plan", """
                insert into plan (id, unit_id, kind, plan_year, title, sort_title, theme, starts_on, ends_on, search_text, created_by)
                select id, unit_id, 'YEARLY', y, 'Kế hoạch công tác dân vận năm ' || y || ' — ' || name,
                       'Kế hoạch công tác dân vận năm ' || y || ' — ' || name, t.theme[1 + y %% %1$d],
                       make_date(y, 1, 1), make_date(y, 12, 31),
                       search_key('Kế hoạch công tác dân vận năm ' || y || ' ' || name || ' ' || t.theme[1 + y %% %1$d]), '%2$s'
                from g_plan cross join (select %3$s as theme) t order by id
                """.formatted(THEMES.length, PetitionGenerator.ACTOR, GeneratorPreparation.array(THEMES)));
    }

    // ---- tasks: spread over the plans at random, contiguous ids per plan; a quarter of a commune plan's tasks are
    // delegated from a task of its province's plan of the same year; statuses by the deadline and today -------------

    private void drawTasks() throws SQLException {
        long idBase = sql.longQuery("select coalesce(max(id), 0) from plan_task");
        long plans = sql.longQuery("select count(*) from g_plan");
        sql.exec("draw: tasks", """
                create temp table g_task as
                select %1$d + row_number() over (order by p.k, b.g) as id, p.id as plan_id, p.y, p.unit_id, p.province_id, p.lvl,
                       b.r_title, b.r_start, b.r_len, b.r_st, b.r_del, b.r_parent
                from (select g, 1 + floor(random() * %2$d) as k, random() as r_title, random() as r_start, random() as r_len,
                             random() as r_st, random() as r_del, random() as r_parent
                      from generate_series(1, %3$d) g) b
                join g_plan p on p.k = b.k
                """.formatted(idBase, plans, settings.tasks()));
        sql.exec("draw: tasks", """
                create temp table g_plan_span as select plan_id, min(id) as first_id, count(*) as n from g_task group by plan_id
                """);
        sql.exec("draw: tasks", "create unique index on g_plan_span (plan_id)");
        sql.exec("draw: tasks", """
                alter table g_task add column parent_id bigint, add column assigning_unit_id bigint, add column starts_on date,
                    add column due_on date, add column status text
                """);
        sql.exec("draw: tasks", """
                update g_task t set parent_id = s.first_id + floor(t.r_parent * s.n), assigning_unit_id = t.province_id
                from g_plan pp join g_plan_span s on s.plan_id = pp.id
                where t.lvl = 'COMMUNE' and t.r_del < 0.25 and pp.unit_id = t.province_id and pp.y = t.y
                """);
        sql.exec("draw: tasks", """
                update g_task set assigning_unit_id = coalesce(assigning_unit_id, unit_id),
                       starts_on = make_date(y, 1, 1) + cast(floor(r_start * 330) as int),
                       due_on = make_date(y, 1, 1) + cast(floor(r_start * 330) as int) + 14 + cast(floor(r_len * 120) as int)
                """);
        // long closed in past years (1 % left open, overdue); this year a fifth of what is past its deadline still open
        sql.exec("draw: tasks", """
                update g_task set status = case
                        when due_on >= date '%1$s' then case when starts_on > date '%1$s' then 'NOT_STARTED' when r_st < 0.15 then 'DONE'
                                                             when r_st < 0.6 then 'IN_PROGRESS' else 'NOT_STARTED' end
                        when due_on < date '%1$s' - 180 then case when r_st < 0.97 then 'DONE' when r_st < 0.99 then 'CANCELLED'
                                                                  when r_st < 0.995 then 'IN_PROGRESS' else 'NOT_STARTED' end
                        else case when r_st < 0.75 then 'DONE' when r_st < 0.8 then 'CANCELLED' when r_st < 0.92 then 'IN_PROGRESS'
                                  else 'NOT_STARTED' end end
                """.formatted(today));
    }

    private void insertTasks(int year) throws SQLException {
        sql.exec("insert plan_task", """
                insert into plan_task (id, plan_id, parent_id, assigning_unit_id, responsible_unit_id, title, sort_title, starts_on, due_on,
                    status, progress_percent, done_on, last_update_on, last_update_text, search_text, created_by)
                select t.id, t.plan_id, t.parent_id, t.assigning_unit_id, t.unit_id, w.title[1 + floor(t.r_title * %1$d)],
                       w.title[1 + floor(t.r_title * %1$d)], t.starts_on, t.due_on, t.status,
                       case t.status when 'DONE' then 100 when 'IN_PROGRESS' then 10 + cast(floor(t.r_len * 80) as int) else 0 end,
                       case when t.status = 'DONE' then least(t.due_on - cast(floor(t.r_len * 10) as int), date '%2$s') end,
                       case when t.status in ('DONE', 'IN_PROGRESS') then least(t.starts_on + 10, date '%2$s') end,
                       case when t.status in ('DONE', 'IN_PROGRESS') then 'Đang triển khai theo kế hoạch' end,
                       search_key(w.title[1 + floor(t.r_title * %1$d)]), '%3$s'
                from g_task t cross join (select %4$s as title) w
                where t.y = %5$d order by t.id
                """.formatted(TASK_TITLES.length, today, PetitionGenerator.ACTOR, GeneratorPreparation.array(TASK_TITLES), year));
    }

    // ---- meetings: held evenly over the days, 65 % by a province (with one of its communes), 35 % by a commune
    // (with its province) ----------------------------------------------------------------------------------------------

    private void drawMeetings(LocalDate from) throws SQLException {
        long idBase = sql.longQuery("select coalesce(max(id), 0) from meeting");
        long days = today.toEpochDay() - from.toEpochDay() + 1;
        long n = settings.meetings();
        sql.exec("draw: meetings", """
                create temp table g_meet as
                with base as (
                    select g, date '%1$s' + cast(floor((g - 1) * %2$d::numeric / %3$d) as int) as d, random() as r_lvl,
                           random() as r_unit, random() as r_kind, random() as r_with
                    from generate_series(1, %3$d) g
                ),
                u as (select b.*, dd.e, ep.communes, ep.provinces from base b join g_day dd on dd.day = b.d join g_epoch ep on ep.e = dd.e)
                select %4$d + u.g as id, u.d, cast(extract(year from u.d) as int) as y, w.kind[1 + floor(u.r_kind * %5$d)] as kind,
                       coalesce(p.unit_id, c.unit_id) as host_unit_id, coalesce(p.name, c.name) as place_name,
                       coalesce(pc.unit_id, c.province_id) as with_unit_id
                from u
                cross join (select %6$s as kind) w
                left join g_province p on u.r_lvl < 0.65 and p.e = u.e and p.idx = floor(u.r_unit * u.provinces)
                left join g_pcount n on n.e = u.e and n.province_id = p.unit_id
                left join g_commune pc on pc.e = u.e and pc.province_id = p.unit_id and pc.pidx = floor(u.r_with * n.n)
                left join g_commune c on u.r_lvl >= 0.65 and c.e = u.e and c.idx = floor(u.r_unit * u.communes)
                """.formatted(from, days, n, idBase, KINDS.length, GeneratorPreparation.array(KINDS)));
    }

    private void insertMeetings() throws SQLException {
        sql.exec("insert meeting", """
                insert into meeting (id, kind, title, starts_at, ends_at, place, host_unit_id, conclusion_summary, search_text, created_by)
                select id, m.kind, k.name || ' — ' || place_name, d + time '08:00', d + time '11:30', 'Hội trường ' || place_name, host_unit_id,
                       case when d < date '%1$s' then 'Thống nhất các nhiệm vụ trọng tâm của kỳ tới' end,
                       search_key(k.name || ' ' || place_name), '%2$s'
                from g_meet m
                join (values ('QUARTERLY_BRIEFING', 'Giao ban công tác dân vận quý'), ('SIX_MONTH_REVIEW', 'Sơ kết công tác dân vận 6 tháng'),
                             ('ANNUAL_REVIEW', 'Tổng kết công tác dân vận năm'), ('THEMATIC', 'Hội nghị chuyên đề dân vận chính quyền'),
                             ('INSPECTION_WORKING_SESSION', 'Làm việc với Đoàn kiểm tra'), ('MULTI_YEAR_REVIEW', 'Tổng kết 10 năm thực hiện Chỉ thị'),
                             ('SIGNING_CEREMONY', 'Ký kết chương trình phối hợp')) k(kind, name) on k.kind = m.kind
                order by id
                """.formatted(today, PetitionGenerator.ACTOR));
        sql.exec("insert meeting_unit", """
                insert into meeting_unit (meeting_id, unit_id)
                select id, with_unit_id from g_meet where with_unit_id is not null and with_unit_id <> host_unit_id
                """);
    }

    // ---- what was made -------------------------------------------------------------------------------

    private String how(LocalDate from) throws SQLException {
        var epochs = sql.query("select string_agg(from_day || '…' || to_day || ': ' || communes || ' communes, '"
                + " || provinces || ' provinces', '; ' order by e) from g_epoch");
        var docs = sql.query("""
                select 'at a commune ' || round(100.0 * count(*) filter (where lvl = 'COMMUNE') / count(*), 1) || ' %'
                    || ', at a province ' || round(100.0 * count(*) filter (where lvl = 'PROVINCE') / count(*), 1) || ' %'
                    || ', central ' || round(100.0 * count(*) filter (where lvl = 'CENTRAL') / count(*), 1) || ' %'
                    || ', Party ' || round(100.0 * count(*) filter (where system = 'PARTY') / count(*), 1) || ' %'
                    || '; e.g. ' || string_agg(identifier, ', ') filter (where g %% 9973 = 1)
                from g_doc
                """.replace("%%", "%"));
        var relations = sql.query("select string_agg(kind || ' ' || n, ', ') from (select kind, count(*) n from g_rel group by 1) r");
        var tasks = sql.query("""
                select 'delegated ' || round(100.0 * count(*) filter (where parent_id is not null) / count(*), 1) || ' %, '
                    || 'overdue today ' || count(*) filter (where status in ('NOT_STARTED', 'IN_PROGRESS') and due_on < current_date)
                    || ', statuses ' || (select string_agg(status || ' ' || n, ', ' order by n desc)
                                         from (select status, count(*) n from g_task group by 1) s)
                from g_task
                """);
        return ("Set-based SQL over JDBC into the running application's PostgreSQL (generate_series, INSERT … SELECT; drawn first into "
                + "temporary tables with a fixed seed, then inserted one year per transaction in foreign-key order). Units valid by "
                + "epoch: %s. **Documents**: %,d drawn evenly over the days from %s to %s (today), less those whose number a demo "
                + "document holds; %s; numbered in date order per uniqueness key (State: issuer scope, year, symbol; Party: issuer "
                + "scope, Party term, type), one issuer each, accent-free search text as DocumentRegistry writes it. Relations: %s "
                + "(replaced documents in status REPLACED). **Plans**: one yearly plan per commune and province valid on 1 July of "
                + "each year (%,d). **Tasks**: %,d spread over the plans at random, deadlines 14–134 days after the start; %s. "
                + "**Meetings**: %,d, 65 %% held by a province with one of its communes, 35 %% by a commune with its province. "
                + "**Implementation**: %s. Not generated: attachments, task coordinators and progress updates, meeting series, chairs, "
                + "agendas, opinions and conclusion tasks, coordination programmes, audit records. Session settings for the load: "
                + "work_mem 256MB, maintenance_work_mem 512MB, gin_pending_list_limit 64MB (durability untouched); VACUUM (ANALYZE) at "
                + "the end, as autovacuum would soon do in service.")
                .formatted(epochs, settings.documents(), from, today, docs, relations, sql.longQuery("select count(*) from g_plan"),
                        settings.tasks(), tasks, settings.meetings(), assignment.describe());
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

    /** Generates into an application already running: {@code WorkCycleGenerator <postgres port>} (development). */
    public static void main(String[] args) throws Exception {
        try (var db = Database.connect(Integer.parseInt(args[0]))) {
            var generator = new WorkCycleGenerator(db.connection(), WorkCycleSettings.fromEnvironment());
            var load = generator.generate();
            load.tables().forEach(t -> System.out.printf("%-22s %,12d %s%n", t.name(), t.rows(), t.size()));
            System.out.printf("%,d rows in %.1f s; assignment %d%n", load.totalRows(), load.totalSeconds(), generator.assignmentId());
        }
    }
}
