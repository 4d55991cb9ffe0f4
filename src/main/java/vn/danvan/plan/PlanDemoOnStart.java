package vn.danvan.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.danvan.document.DocumentInput;
import vn.danvan.document.DocumentQueries;
import vn.danvan.document.DocumentRegistry;
import vn.danvan.document.DocumentStatus;
import vn.danvan.document.DocumentSystem;
import vn.danvan.document.IssuerInput;
import vn.danvan.document.RelationKind;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.Grant;
import vn.danvan.identity.Role;
import vn.danvan.orgunit.OrgUnits;

/**
 * Demo plans, tasks, programmes and implementation tracking of the seed scenarios (issue 6 point 8),
 * written from their facts: 16/CT-TTg assigned to the seed provinces and a few others (Lạng Sơn and
 * Ninh Bình issued an implementing plan, the others not; Bắc Kạn and the old Thái Nguyên show where
 * their work went in 2025); the central programme 79-CTr/BDVTW-BCSĐCP with its 2018 joint plan
 * 1573-KH/BDVTW-BCSĐCP; Thái Nguyên's 2016–2021 programme reviewed and renewed by the 2022–2026 one
 * signed on 5/4/2022 (S02); Lạng Sơn's 2019 plan with the 2019 theme and its year-long tasks, one
 * delegated to two wards with its progress rolled up (the second-quarter tasks concluded on 28/3/2019,
 * S01, are the briefing's: the meeting demo assigns them, so they are not recorded twice); and a 2026 plan
 * of Thái Nguyên implementing its 2022–2026 programme. Where the sources give no number or date for an
 * implementing plan, it is registered without a number and its content says the date is illustrative.
 * Loaded once, through the module's services (checked and audited), after the demo documents.
 */
@Component
@Order(47)
class PlanDemoOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PlanDemoOnStart.class);
    private static final long LOCK = 0x504c_414e_4445_4dL;

    private final TaskManagement tasks;
    private final PlanManagement plans;
    private final ImplementationTracking tracking;
    private final CoordinationProgrammes programmes;
    private final DocumentRegistry registry;
    private final DocumentQueries documents;
    private final OrgUnits units;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;
    private CurrentUser system;

    PlanDemoOnStart(TaskManagement tasks, PlanManagement plans, ImplementationTracking tracking, CoordinationProgrammes programmes,
                    DocumentRegistry registry, DocumentQueries documents, OrgUnits units, JdbcClient jdbc, TransactionTemplate tx,
                    Clock clock, @Value("${danvan.demo.enabled}") boolean enabled) {
        this.tasks = tasks;
        this.plans = plans;
        this.tracking = tracking;
        this.programmes = programmes;
        this.registry = registry;
        this.documents = documents;
        this.units = units;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        tx.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", LOCK).query(Object.class).single();
            var loaded = jdbc.sql("select exists (select 1 from plan_programme) or exists (select 1 from plan_assignment)")
                    .query(Boolean.class).single();
            if (!loaded && documents.idByIdentifier("16/CT-TTg").isPresent()) {
                load();
                log.info("Demo plans: the seed scenarios' assignments, programmes, plans and tasks");
            }
        });
    }

    private void load() {
        var today = LocalDate.now(clock);
        var root = unit("VN", today);
        system = new CurrentUser(0, "system", "Hệ thống", root, List.of(new Grant(0, Role.SYSTEM_ADMIN, root, Set.of())));
        assignDirective16(root);
        centralProgramme();
        var programmeTn = thaiNguyenProgrammes();
        langSon2019();
        thaiNguyen2026(programmeTn);
    }

    // ---- 16/CT-TTg assigned to the provinces ---------------------------------------------------------

    private void assignDirective16(long root) {
        var ct16 = documents.idByIdentifier("16/CT-TTg").orElseThrow();
        var day = d(2016, 5, 16);
        var provinces = List.of(unit("20", day), unit("19", day), unit("37", day), unit("06", day), unit("04", day), unit("02", day));
        var assignment = tracking.assign(new ImplementationTracking.AssignmentDraft(ct16, root, day, d(2016, 8, 31), false,
                ImplementationTracking.Target.UNITS, null, provinces,
                "Các tỉnh ban hành kế hoạch triển khai Chỉ thị và báo cáo kết quả định kỳ. Thời hạn 31/8/2016 là thời hạn minh họa "
                        + "của dữ liệu mẫu."), system);
        var rows = jdbc.sql("select id, unit_code from plan_assignment_unit where assignment_id = :a").param("a", assignment)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
        for (var row : rows) {
            long rowId = (Long) row[0];
            switch ((String) row[1]) {
                case "20" -> {
                    var plan = implementingPlan("20.UBND", "Ủy ban nhân dân tỉnh Lạng Sơn", d(2016, 7, 20));
                    tracking.linkImplementingDocument(rowId, plan, system);
                    var report = documents.search(new DocumentQueries.DocumentFilter("Kết quả 05 năm thực hiện", null, null, null),
                                    0, 20, system).content().stream()
                            .filter(r -> r.subject().contains("Lạng Sơn")).map(r -> r.id()).findFirst().orElse(null);
                    tracking.report(rowId, d(2021, 6, 28), "Báo cáo kết quả 05 năm thực hiện với Đoàn công tác liên ngành (S00): "
                            + "mô hình “Dân vận khéo”, đề án “Chính quyền thân thiện”, đối thoại với Nhân dân.", report, system);
                }
                case "37" -> {
                    var plan = implementingPlan("37.UBND", "Ủy ban nhân dân tỉnh Ninh Bình", d(2016, 9, 12));
                    tracking.linkImplementingDocument(rowId, plan, system);
                    tracking.report(rowId, d(2020, 7, 29), "Kết quả thực hiện báo cáo cùng tổng kết 10 năm Quyết định 290-QĐ/TW (S04).",
                            null, system);
                }
                default -> {
                    // Thái Nguyên, Bắc Kạn, Cao Bằng, Hà Giang: no implementing plan recorded — listed first in the matrix
                }
            }
        }
    }

    /** A province's plan implementing 16/CT-TTg: number unknown, date illustrative (said in its content). */
    private long implementingPlan(String ubndCode, String ubndName, LocalDate issuedOn) {
        var ubnd = unit(ubndCode, issuedOn);
        var id = registry.register(new DocumentInput(null, DocumentSystem.STATE, "Kế hoạch", null, ubnd,
                new ArrayList<>(List.of(new IssuerInput(ubnd, ubndName))), null, null, issuedOn, issuedOn, null,
                "Kế hoạch triển khai thực hiện Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ",
                "Dữ liệu mẫu: số văn bản chưa rõ; ngày ban hành là ngày minh họa để hiển thị theo dõi triển khai.",
                DocumentStatus.EXPIRED), system);
        registry.relate(id, RelationKind.IMPLEMENTS, documents.idByIdentifier("16/CT-TTg").orElseThrow(), issuedOn, null, system);
        return id;
    }

    // ---- coordination programmes ---------------------------------------------------------------------

    private void centralProgramme() {
        var bdvtw = unit("TW.BDV", d(2016, 10, 11));
        var id = programmes.create(new CoordinationProgrammes.ProgrammeDraft(documents.idByIdentifier("79-CTr/BDVTW-BCSĐCP").orElse(null),
                bdvtw, "Chương trình phối hợp về công tác dân vận giữa Ban Dân vận Trung ương và Ban Cán sự đảng Chính phủ", 2016, 2021,
                List.of(new CoordinationProgrammes.Party(bdvtw, "Ban Dân vận Trung ương"),
                        new CoordinationProgrammes.Party(null, "Ban Cán sự đảng Chính phủ")),
                List.of(),
                List.of(new CoordinationProgrammes.ContentItem("Dân vận chính quyền theo Chỉ thị 16/CT-TTg",
                                "Các bộ, ngành, địa phương triển khai công tác dân vận của cơ quan hành chính nhà nước, chính quyền các cấp."),
                        new CoordinationProgrammes.ContentItem("Kế hoạch phối hợp hằng năm",
                                "Ban Cán sự đảng UBND và Ban Dân vận Tỉnh ủy các tỉnh xây dựng kế hoạch phối hợp của địa phương."),
                        new CoordinationProgrammes.ContentItem("Kiểm tra, đánh giá giai đoạn 2016–2021",
                                "Đoàn công tác liên ngành kiểm tra kết quả thực hiện tại các địa phương."))), system);
        var kh1573 = programmes.addJointPlan(id, 2018, "Năm dân vận chính quyền 2018",
                documents.idByIdentifier("1573-KH/BDVTW-BCSĐCP").orElse(null), system);
        var a1 = programmes.addActivity(kh1573, new CoordinationProgrammes.ActivityDraft(
                "Hướng dẫn các địa phương xây dựng kế hoạch phối hợp năm 2018", bdvtw, d(2018, 3, 31)), system);
        programmes.setActivityStatus(a1, TaskStatus.DONE, system);
        programmes.addActivity(kh1573, new CoordinationProgrammes.ActivityDraft(
                "Sơ kết “Năm dân vận chính quyền” 2018", bdvtw, d(2018, 12, 31)), system);
        var items = jdbc.sql("select id from plan_programme_item where programme_id = :p order by ordinal").param("p", id)
                .query(Long.class).list();
        programmes.recordReview(items.get(2), d(2021, 6, 28), "Đoàn công tác liên ngành làm việc với tỉnh Lạng Sơn về kết quả 05 năm "
                + "thực hiện Chỉ thị 16/CT-TTg và Chương trình 79-CTr/BDVTW-BCSĐCP (S00).", null, system);
    }

    /** Thái Nguyên's 2016–2021 programme (reviewed at the S02 conference of 5/4/2022, see MeetingDemoOnStart), renewed by the 2022–2026 programme signed that day (S02). */
    private long thaiNguyenProgrammes() {
        var on = d(2022, 4, 5);
        var bdvTn = unit("19.BDV", on);
        var parties = List.of(new CoordinationProgrammes.Party(null, "Ban Cán sự đảng UBND tỉnh Thái Nguyên"),
                new CoordinationProgrammes.Party(bdvTn, "Ban Dân vận Tỉnh ủy Thái Nguyên"));
        var docs = documents.search(new DocumentQueries.DocumentFilter("Chương trình phối hợp về công tác dân vận giai đoạn", null, null,
                null), 0, 20, system).content();
        Long doc1621 = docs.stream().filter(r -> r.subject().contains("2016–2021") && r.subject().contains("Thái Nguyên"))
                .map(r -> r.id()).findFirst().orElse(null);
        Long doc2226 = docs.stream().filter(r -> r.subject().contains("2022–2026") && r.subject().contains("Thái Nguyên"))
                .map(r -> r.id()).findFirst().orElse(null);
        var old = programmes.create(new CoordinationProgrammes.ProgrammeDraft(doc1621, bdvTn,
                "Chương trình phối hợp về công tác dân vận giữa Ban Cán sự đảng UBND tỉnh và Ban Dân vận Tỉnh ủy Thái Nguyên", 2016, 2021,
                parties, List.of(),
                List.of(new CoordinationProgrammes.ContentItem("Tiếp công dân, giải quyết khiếu nại, tố cáo", null),
                        new CoordinationProgrammes.ContentItem("Phong trào thi đua “Dân vận khéo”", null),
                        new CoordinationProgrammes.ContentItem("Cải cách hành chính, nâng cao trách nhiệm cán bộ, công chức", null))), system);
        // its closing review (S02, 5/4/2022) is recorded item by item by the meeting demo, naming that conference
        var next = programmes.create(new CoordinationProgrammes.ProgrammeDraft(doc2226, bdvTn,
                "Chương trình phối hợp về công tác dân vận giữa Ban Cán sự đảng UBND tỉnh và Ban Dân vận Tỉnh ủy Thái Nguyên", 2022, 2026,
                parties,
                List.of(new CoordinationProgrammes.Signatory("Đặng Xuân Trường",
                                "Ủy viên Ban Thường vụ Tỉnh ủy, Phó Bí thư Ban Cán sự đảng, Phó Chủ tịch Thường trực UBND tỉnh",
                                "Ban Cán sự đảng UBND tỉnh Thái Nguyên"),
                        new CoordinationProgrammes.Signatory("Dương Văn Tiến", "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy",
                                "Ban Dân vận Tỉnh ủy Thái Nguyên")),
                List.of(new CoordinationProgrammes.ContentItem("Phối hợp tham mưu cụ thể hóa, sơ kết, tổng kết chủ trương, nghị quyết của "
                                + "Đảng về công tác dân vận", null),
                        new CoordinationProgrammes.ContentItem("Tuyên truyền, giáo dục nâng cao nhận thức về công tác dân vận", null),
                        new CoordinationProgrammes.ContentItem("Thực hiện chương trình tổng thể cải cách hành chính nhà nước", null),
                        new CoordinationProgrammes.ContentItem("Phong trào “Dân vận khéo” gắn với các phong trào thi đua yêu nước", null))),
                system);
        programmes.renew(old, next, system);
        return next;
    }

    // ---- Lạng Sơn's 2019 plan (S01) ----------------------------------------------------------------

    private void langSon2019() {
        var on = d(2019, 3, 28);
        var bdv = unit("20.BDV", on);
        var province = unit("20", on);
        var ubnd = unit("20.UBND", on);
        var plan = plans.create(new PlanDraft(bdv, PlanDraft.PlanKind.YEARLY, 2019, "Kế hoạch công tác dân vận năm 2019 của tỉnh Lạng Sơn",
                "Kỷ cương, liêm chính, hành động, sáng tạo, bứt phá, hiệu quả", null, null, null, null, null), system);
        var t1 = task(plan, "Đổi mới, nâng cao chất lượng, hiệu quả công tác dân vận chính quyền", ubnd, List.of(bdv), d(2019, 6, 30));
        progress(t1, d(2019, 6, 28), 100, "Đã triển khai trong các cơ quan hành chính; báo cáo tại giao ban quý II.");
        var t3 = task(plan, "Nâng cao chất lượng, hiệu quả phong trào thi đua “Dân vận khéo”", province, List.of(bdv), d(2019, 12, 31));
        var children = tasks.delegate(t3, List.of(
                new TaskDraft("Xây dựng, nhân rộng mô hình “Dân vận khéo” ở phường Lương Văn Tri", unit("05983", LocalDate.now(clock)),
                        List.of(), null, d(2019, 11, 30), null, null),
                new TaskDraft("Xây dựng, nhân rộng mô hình “Dân vận khéo” ở phường Đông Kinh", unit("05977", LocalDate.now(clock)),
                        List.of(), null, d(2019, 11, 30), null, null)), system);
        progress(children.get(0), d(2019, 11, 20), 100, "Công nhận 03 mô hình “Dân vận khéo” cấp phường.");
        progress(children.get(1), d(2019, 10, 15), 40, "Đang lựa chọn mô hình để đăng ký.");
        tasks.create(plan, new TaskDraft("Chuẩn bị Đại hội Đại biểu các dân tộc thiểu số tỉnh lần thứ 3", ubnd, List.of(), null,
                d(2019, 10, 31), null, "Ban Dân tộc tỉnh tham mưu."), null, system);
    }

    // ---- Thái Nguyên's 2026 plan implementing its 2022–2026 programme -------------------------------

    private void thaiNguyen2026(long programme) {
        var today = LocalDate.now(clock);
        var province = unit("19", today);
        var year = today.getYear();
        var plan = plans.create(new PlanDraft(province, PlanDraft.PlanKind.IMPLEMENTING, null,
                "Kế hoạch thực hiện Chương trình phối hợp về công tác dân vận năm " + year, null, LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31), null, null, programme), system);
        var t1 = task(plan, "Tham mưu sơ kết Chương trình phối hợp giai đoạn 2022–2026", province, List.of(), LocalDate.of(year, 6, 30));
        progress(t1, LocalDate.of(year, 6, 25), 100, "Đã tổ chức sơ kết.");
        var lately = today.minusDays(10).isBefore(LocalDate.of(year, 1, 1)) ? LocalDate.of(year, 1, 1) : today.minusDays(10);
        task(plan, "Tuyên truyền về công tác dân vận trên báo, đài của tỉnh", province, List.of(), lately);
        task(plan, "Báo cáo kết quả phong trào “Dân vận khéo” năm " + year, province, List.of(), today.plusDays(5));
        task(plan, "Chuẩn bị tổng kết Chương trình phối hợp giai đoạn 2022–2026", province, List.of(), LocalDate.of(year, 12, 31));
    }

    private long task(long plan, String title, long responsible, List<Long> coordinators, LocalDate dueOn) {
        return tasks.create(plan, new TaskDraft(title, responsible, coordinators, null, dueOn, null, null), null, system);
    }

    private void progress(long task, LocalDate on, int percent, String text) {
        if (!on.isAfter(LocalDate.now(clock))) {
            tasks.report(task, new TaskManagement.Progress(on, percent, text, null, null, null), system);
        }
    }

    private long unit(String code, LocalDate on) {
        return units.findByCode(code, on).map(u -> u.id())
                .orElseThrow(() -> new IllegalStateException("demo unit " + code + " not found on " + on));
    }

    private static LocalDate d(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }
}
