package vn.danvan.inspection;

import java.time.LocalDate;
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
import vn.danvan.plan.OriginTasks;
import vn.danvan.plan.TaskOrigin;
import vn.danvan.document.DocumentQueries;
import vn.danvan.document.DocumentQueries.DocumentFilter;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.Grant;
import vn.danvan.identity.Role;
import vn.danvan.inspection.InspectionInput.MemberInput;
import vn.danvan.inspection.Recommendations.RecommendationInput;
import vn.danvan.meeting.MeetingKind;
import vn.danvan.meeting.MeetingQueries;
import vn.danvan.meeting.MeetingQueries.MeetingFilter;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.orgunit.UnitEditing;
import vn.danvan.orgunit.UnitKind;
import vn.danvan.person.People;
import vn.danvan.shared.InvalidInputException;

/**
 * The seed inspections as demo data, built on the work cycle's records (documents, people, conferences
 * of the earlier demos, not copied): S00 — the interagency team led by the Deputy Minister of Home
 * Affairs on 16/CT-TTg and 79-CTr/BDVTW-BCSĐCP in Lạng Sơn, 28/6/2021, its working session (the
 * conference meeting's demo recorded) and the tasks of its conclusion as recommendations, one accepted,
 * one reported done and awaiting acceptance, one overdue, one owed by Phường Lương Văn Tri; S04 — the
 * Central Steering Committee's team on ten years of 290-QĐ/TW in Ninh Bình, 29/7/2020, with the earlier
 * visits to the Ninh Bình city and Nho Quan district Party committees as working sessions. Deadlines and
 * follow-ups are illustrative: the articles name the tasks, not their deadlines. Idempotent (runs once,
 * under an advisory lock); only when the demo is enabled.
 */
@Component
@Order(50)
class InspectionDemoOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InspectionDemoOnStart.class);
    private static final long LOCK = 0x494e_5350_4543L;

    private final InspectionManagement inspections;
    private final Recommendations recommendations;
    private final People people;
    private final DocumentQueries documents;
    private final MeetingQueries meetings;
    private final OrgUnits units;
    private final UnitEditing unitEditing;
    private final OriginTasks originTasks;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final boolean enabled;

    InspectionDemoOnStart(InspectionManagement inspections, Recommendations recommendations, People people, DocumentQueries documents,
                          MeetingQueries meetings, OrgUnits units, UnitEditing unitEditing, OriginTasks originTasks, JdbcClient jdbc,
                          TransactionTemplate tx, @Value("${danvan.demo.enabled}") boolean enabled) {
        this.inspections = inspections;
        this.recommendations = recommendations;
        this.people = people;
        this.documents = documents;
        this.meetings = meetings;
        this.units = units;
        this.unitEditing = unitEditing;
        this.originTasks = originTasks;
        this.jdbc = jdbc;
        this.tx = tx;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        tx.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", LOCK).query(Object.class).single();
            if (!jdbc.sql("select exists (select 1 from inspection)").query(Boolean.class).single()) {
                log.info("Demo inspections: {} inspections of the seed scenarios", load());
            }
        });
    }

    private CurrentUser system;

    private int load() {
        var root = unit("VN", LocalDate.of(2020, 1, 1));
        system = new CurrentUser(0, "system", "Hệ thống", root, List.of(new Grant(0, Role.SYSTEM_ADMIN, root, Set.of())));
        var ministry = ministryOfHomeAffairs(root);

        // ---- S00: the interagency team in Lạng Sơn, afternoon of 28/6/2021
        var s00 = LocalDate.of(2021, 6, 28);
        var i00 = inspections.create(new InspectionInput(InspectionKind.INSPECTION, InspectionMode.THEMATIC,
                "Kiểm tra, đánh giá kết quả thực hiện Chỉ thị số 16/CT-TTg và Chương trình phối hợp số 79-CTr/BDVTW-BCSĐCP về công tác "
                        + "dân vận giai đoạn 2016–2021 tại tỉnh Lạng Sơn",
                s00, s00, ministry, List.of(doc("16/CT-TTg"), doc("79-CTr/BDVTW-BCSĐCP")),
                List.of(new MemberInput(person("Triệu Văn Cường", "VN", s00), ministry, TeamRole.HEAD),
                        new MemberInput(person("Nguyễn Lam", "VN", s00), unit("TW.BDV", s00), TeamRole.DEPUTY)),
                List.of(unit("20.UBND", s00)), s00), system);
        var ubndLs = unit("20.UBND", s00);
        inspections.submitSelfAssessment(i00, ubndLs, s00, docBySubject("Kết quả 05 năm thực hiện Chỉ thị số 16/CT-TTg"), null, system);
        meetingOn("Đoàn công tác liên ngành", s00).ifPresent(m -> inspections.linkSession(i00, m, system));
        inspections.recordFindings(i00, ubndLs,
                "Tỉnh ủy, HĐND, UBND tỉnh lãnh đạo, chỉ đạo cụ thể hóa bằng nghị quyết, đề án, kế hoạch, hướng dẫn; sau 05 năm, nhận thức và "
                        + "hành động của các tổ chức trong hệ thống chính trị về công tác dân vận chuyển biến tích cực. Nổi bật: các mô hình "
                        + "“Dân vận khéo”, đề án “Chính quyền thân thiện”, đối thoại với Nhân dân, giải quyết khiếu nại, tố cáo của công dân; "
                        + "gắn với xây dựng nông thôn mới, giảm nghèo, an sinh xã hội và cải cách hành chính.",
                null, system);
        inspections.conclude(i00, null, "Đánh giá cao kết quả của tỉnh Lạng Sơn. Đề nghị thời gian tới tập trung: quán triệt nghiêm túc quan "
                + "điểm của Đảng về công tác dân vận; gắn công tác dân vận với xây dựng Đảng, xây dựng chính quyền trong sạch, vững mạnh; "
                + "chính quyền các cấp thấm nhuần, thực hiện tốt dân vận chính quyền; tăng cường kiểm tra, thanh tra; đổi mới quản lý điều "
                + "hành theo hướng hiệu lực, hiệu quả, công khai, minh bạch, dân chủ, thân thiện, gần dân; giải quyết kịp thời bức xúc, "
                + "nguyện vọng chính đáng của Nhân dân.", system);
        var r00 = recommendations.make(i00, List.of(
                new RecommendationInput("Tiếp tục quán triệt nghiêm túc quan điểm của Đảng về công tác dân vận; gắn công tác dân vận với xây "
                        + "dựng Đảng, xây dựng chính quyền trong sạch, vững mạnh", unit("20.TU", s00), LocalDate.of(2021, 12, 31), ubndLs,
                        null, s00),
                new RecommendationInput("Chính quyền các cấp thấm nhuần, thực hiện tốt nhiệm vụ dân vận chính quyền; đổi mới quản lý điều hành "
                        + "theo hướng hiệu lực, hiệu quả, công khai, minh bạch, dân chủ, thân thiện, gần dân", ubndLs,
                        LocalDate.of(2022, 6, 30), ubndLs, null, s00),
                new RecommendationInput("Tăng cường công tác kiểm tra, thanh tra việc thực hiện công tác dân vận chính quyền",
                        unit("20.SNV", s00), LocalDate.of(2022, 12, 31), ubndLs, null, s00),
                new RecommendationInput("Tập trung giải quyết kịp thời các bức xúc, nguyện vọng chính đáng của Nhân dân ở cơ sở; đối thoại "
                        + "định kỳ với Nhân dân trên địa bàn phường", unit("05983", LocalDate.of(2025, 7, 1)), LocalDate.of(2025, 12, 31),
                        null, "Giải quyết kịp thời các bức xúc, nguyện vọng chính đáng của Nhân dân", s00)), system);
        followUp(r00.get(0), LocalDate.of(2021, 12, 20), 100, "Ban Thường vụ Tỉnh ủy đã tổ chức quán triệt; kế hoạch công tác dân vận năm "
                + "2022 gắn với xây dựng Đảng, xây dựng chính quyền.");
        accept(r00.get(0), LocalDate.of(2022, 1, 10));
        followUp(r00.get(1), LocalDate.of(2022, 6, 25), 100, "UBND tỉnh ban hành kế hoạch thực hiện dân vận chính quyền năm 2022; triển khai "
                + "mô hình “Chính quyền thân thiện” ở các xã, phường.");
        followUp(r00.get(2), LocalDate.of(2022, 9, 30), 50, "Đã kiểm tra 04/11 huyện, thành phố; còn lại chuyển sang kế hoạch năm sau.");

        // ---- S04: the Central Steering Committee's team in Ninh Bình, 29/7/2020; the visits before it
        var s04 = LocalDate.of(2020, 7, 29);
        // The city of Ninh Bình and Hoa Lư district merged into Thành phố Hoa Lư (code 374) before 2025; the official lists
        // know only the merged unit, which therefore stands for the city here.
        var city = unit("374", s04);
        var nhoQuan = unit("372", s04);
        var tuNb = unit("37.TU", s04);
        var i04 = inspections.create(new InspectionInput(InspectionKind.INSPECTION, InspectionMode.THEMATIC,
                "Kiểm tra tổng kết 10 năm thực hiện Quyết định số 290-QĐ/TW của Bộ Chính trị (khóa X) về Quy chế công tác dân vận của hệ "
                        + "thống chính trị tại tỉnh Ninh Bình",
                s04.minusDays(1), s04, unit("TW.BDV", s04), List.of(doc("290-QĐ/TW")),
                List.of(new MemberInput(person("Lê Vĩnh Tân", "VN", s04), ministry, TeamRole.HEAD)),
                List.of(tuNb, city, nhoQuan), null), system);
        // "Trước đó, Đoàn kiểm tra đã đi thực tế và làm việc với Ban Thường vụ Thành ủy Ninh Bình và Huyện ủy Nho Quan" — the day before
        inspections.addSession(i04, new InspectionManagement.NewSession("Đoàn kiểm tra của Ban Chỉ đạo Trung ương làm việc với Ban Thường vụ "
                + "Thành ủy Ninh Bình", s04.minusDays(1).atTime(8, 0), s04.minusDays(1).atTime(11, 0), "Thành ủy Ninh Bình", city), system);
        inspections.addSession(i04, new InspectionManagement.NewSession("Đoàn kiểm tra của Ban Chỉ đạo Trung ương đi thực tế, làm việc với "
                + "Huyện ủy Nho Quan", s04.minusDays(1).atTime(14, 0), s04.minusDays(1).atTime(17, 0), "Huyện ủy Nho Quan", nhoQuan), system);
        meetingOn("Ban Chỉ đạo Trung ương", s04).ifPresent(m -> inspections.linkSession(i04, m, system));
        inspections.recordFindings(i04, tuNb, "Ban Thường vụ Tỉnh ủy chỉ đạo tổ chức thực hiện bài bản, nghiêm túc, có hiệu quả Quyết định "
                + "290-QĐ/TW; dân vận chính quyền chuyển biến rõ nét, có quy chế phối hợp với Ban Dân vận, Mặt trận và các đoàn thể; cải cách "
                + "hành chính đạt nhiều kết quả; đội ngũ cán bộ dân vận được củng cố, kiện toàn.", null, system);
        inspections.conclude(i04, null, "Ghi nhận, đánh giá cao nỗ lực của tỉnh Ninh Bình. Đề nghị tiếp tục tuyên truyền Quyết định 290-QĐ/TW; "
                + "chỉ đạo phù hợp để vừa phòng, chống dịch COVID-19 vừa phát triển kinh tế – xã hội; làm tốt tiếp công dân, giải quyết "
                + "khiếu nại, không để xảy ra “điểm nóng”; nâng cao chất lượng xây dựng chính quyền; nhân rộng mô hình, cách làm hay. "
                + "Kiến nghị của tỉnh được tiếp thu, đề xuất Ban Chỉ đạo Trung ương.", system);
        var nb = unit("37", LocalDate.of(2025, 7, 1));
        var r04 = recommendations.make(i04, List.of(
                new RecommendationInput("Tiếp tục tuyên truyền các nội dung của Quyết định 290-QĐ/TW", nb, LocalDate.of(2020, 12, 31), tuNb,
                        null, s04),
                new RecommendationInput("Làm tốt tiếp công dân, giải quyết khiếu nại, tố cáo; không để xảy ra “điểm nóng”", nb,
                        LocalDate.of(2021, 6, 30), tuNb, null, s04),
                new RecommendationInput("Nâng cao chất lượng xây dựng chính quyền; nhân rộng các mô hình, cách làm hay trong công tác dân vận",
                        nb, LocalDate.of(2021, 12, 31), tuNb, null, s04)), system);
        followUp(r04.get(0), LocalDate.of(2020, 12, 15), 100, "Đã tổ chức tuyên truyền Quyết định 290-QĐ/TW đến các chi bộ, cơ quan, đơn vị.");
        accept(r04.get(0), LocalDate.of(2021, 1, 15));
        followUp(r04.get(2), LocalDate.of(2021, 10, 5), 60, "Nhân rộng 120 mô hình “Dân vận khéo”; tiếp tục triển khai.");
        return 2;
    }

    /** A follow-up report as the responsible unit files it on the task's page, through plan's OriginTasks. */
    private void followUp(long recommendationId, LocalDate on, int percent, String text) {
        record Task(long inspectionId, long taskId) {
        }
        var task = jdbc.sql("select inspection_id, task_id from inspection_recommendation where id = :id").param("id", recommendationId)
                .query(Task.class).single();
        originTasks.report(new TaskOrigin("INSPECTION", task.inspectionId()), task.taskId(), on, percent, text, system);
    }

    /** Accepted on a past day: accepted through the facade, then dated as the demo tells. */
    private void accept(long recommendationId, LocalDate on) {
        var version = jdbc.sql("select version from inspection_recommendation where id = :id").param("id", recommendationId)
                .query(Integer.class).single();
        recommendations.accept(recommendationId, version, system);
        jdbc.sql("update inspection_recommendation set accepted_on = :on where id = :id").param("on", on).param("id", recommendationId).update();
    }

    /** Bộ Nội vụ, whose Deputy Minister led the S00 team; added under Việt Nam when the unit lists lack it. */
    private long ministryOfHomeAffairs(long root) {
        var existing = units.findByCode("TW.BNV", LocalDate.of(2020, 1, 1));
        if (existing.isPresent()) {
            return existing.get().id();
        }
        try {
            return unitEditing.addSubUnit(root, new UnitEditing.NewSubUnit("TW.BNV", UnitKind.DEPARTMENT, "Bộ Nội vụ", "Ministry of Home Affairs",
                    LocalDate.of(2002, 8, 5))).id();
        } catch (InvalidInputException notAllowed) {
            log.warn("Demo inspections: Bộ Nội vụ could not be added ({}); the Central Mass Mobilisation Commission stands for it",
                    notAllowed.problems());
            return unit("TW.BDV", LocalDate.of(2020, 1, 1));
        }
    }

    private java.util.Optional<Long> meetingOn(String phrase, LocalDate day) {
        return meetings.search(new MeetingFilter(phrase, MeetingKind.INSPECTION_WORKING_SESSION, null, day, day), true, 0, 1, system)
                .content().stream().findFirst().map(m -> m.id());
    }

    private Long person(String name, String ownerCode, LocalDate on) {
        return people.idByName(name, unit(ownerCode, on)).orElseThrow(() -> new IllegalStateException("demo person " + name + " not found"));
    }

    private Long doc(String identifier) {
        return documents.idByIdentifier(identifier).orElseThrow(() -> new IllegalStateException("demo document " + identifier));
    }

    private Long docBySubject(String phrase) {
        return documents.search(new DocumentFilter(phrase, null, null, null), 0, 1, system).content().stream().findFirst()
                .map(r -> r.id()).orElseThrow(() -> new IllegalStateException("demo document “" + phrase + "” not found"));
    }

    private long unit(String code, LocalDate on) {
        return units.findByCode(code, on).map(u -> u.id())
                .orElseThrow(() -> new IllegalStateException("demo unit " + code + " not found on " + on));
    }
}
