package vn.danvan.meeting;

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
import vn.danvan.document.DocumentQueries;
import vn.danvan.document.DocumentQueries.DocumentFilter;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.Grant;
import vn.danvan.identity.Role;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.person.People;
import vn.danvan.plan.CoordinationProgrammes;
import vn.danvan.plan.ProgrammeReviews;

/**
 * Demo conferences of the five seed scenarios, written from the facts of the seed articles (who, when,
 * where, which documents) — S00 Lạng Sơn 28/6/2021, S01 Lạng Sơn 28/3/2019 with its tasks for the
 * second quarter, S02 Thái Nguyên 5/4/2022 (closing review and signing), S03 Bắc Kạn 20/7/2018 (hosted
 * by the Bắc Kạn unit of the time), S04 Ninh Bình 29/7/2020 — plus two briefings of Lạng Sơn's series
 * marked as illustrative (the next quarter's, whose page opens with the 28/3/2019 conclusions and their
 * overdue tasks; this quarter's, with two tasks falling due around today; one planned next quarter, so
 * the calendar has an upcoming conference and deadline). Where an article gives
 * only "morning" or "afternoon", the hours are the usual 8:00–11:30 and 14:00–17:00.
 */
@Component
@Order(48)
class MeetingDemoOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MeetingDemoOnStart.class);
    private static final long LOCK = 0x4d45_4554_494eL;
    static final String LANG_SON_SERIES = "Giao ban công tác dân vận quý — Tỉnh ủy Lạng Sơn";

    private final MeetingManagement meetings;
    private final ConclusionTasks tasks;
    private final CoordinationProgrammes programmes;
    private final ProgrammeReviews programmeReviews;
    private final People people;
    private final DocumentQueries documents;
    private final OrgUnits units;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;

    MeetingDemoOnStart(MeetingManagement meetings, ConclusionTasks tasks, CoordinationProgrammes programmes,
                       ProgrammeReviews programmeReviews, People people, DocumentQueries documents, OrgUnits units, JdbcClient jdbc,
                       TransactionTemplate tx, Clock clock, @Value("${danvan.demo.enabled}") boolean enabled) {
        this.meetings = meetings;
        this.tasks = tasks;
        this.programmes = programmes;
        this.programmeReviews = programmeReviews;
        this.people = people;
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
            if (!jdbc.sql("select exists (select 1 from meeting)").query(Boolean.class).single()) {
                log.info("Demo conferences: {} conferences of the seed scenarios", load());
            }
        });
    }

    private CurrentUser system;

    private int load() {
        var root = unit("VN", LocalDate.of(2020, 1, 1));
        system = new CurrentUser(0, "system", "Hệ thống", root, List.of(new Grant(0, Role.SYSTEM_ADMIN, root, Set.of())));
        int n = 0;

        // ---- S00: the interagency team on 16/CT-TTg and 79-CTr/BDVTW-BCSĐCP, Lạng Sơn, afternoon of 28/6/2021
        var s00 = LocalDate.of(2021, 6, 28);
        var m00 = meetings.create(new MeetingInput(MeetingKind.INSPECTION_WORKING_SESSION,
                "Làm việc với Đoàn công tác liên ngành kiểm tra, đánh giá kết quả thực hiện Chỉ thị 16/CT-TTg và Chương trình phối hợp "
                        + "79-CTr/BDVTW-BCSĐCP giai đoạn 2016–2021",
                s00.atTime(14, 0), s00.atTime(17, 0), "Trụ sở UBND tỉnh Lạng Sơn", unit("20.UBND", s00), null, null,
                doc("16/CT-TTg"), person("Triệu Văn Cường", "VN", s00), List.of(person("Hồ Tiến Thiệu", "20", s00)),
                units(s00, "TW.BDV", "TW.TTCP", "20.TU", "20.BDV", "20.SNV"),
                List.of("Báo cáo kết quả 05 năm thực hiện Chỉ thị 16/CT-TTg và Chương trình phối hợp 79-CTr/BDVTW-BCSĐCP trên địa bàn tỉnh",
                        "Thảo luận, làm rõ các vấn đề Đoàn công tác quan tâm", "Kết luận của Trưởng đoàn"),
                List.of(docBySubject("Kết quả 05 năm thực hiện Chỉ thị số 16/CT-TTg")), null,
                """
                        Đánh giá cao kết quả của tỉnh, nổi bật là các mô hình “Dân vận khéo”, đề án “Chính quyền thân thiện”, đối thoại với \
                        Nhân dân, giải quyết khiếu nại, tố cáo.
                        Nhiệm vụ trọng tâm thời gian tới: quán triệt quan điểm của Đảng về công tác dân vận; gắn dân vận với xây dựng Đảng, \
                        chính quyền trong sạch, vững mạnh; tăng cường kiểm tra, thanh tra; đổi mới quản lý điều hành theo hướng hiệu lực, \
                        hiệu quả, công khai, minh bạch, dân chủ, thân thiện, gần dân; giải quyết kịp thời bức xúc, nguyện vọng chính đáng \
                        của Nhân dân."""), system);
        meetings.addOpinion(m00, unit("20.UBND", s00), "Làm rõ thêm các vấn đề Đoàn công tác quan tâm; công tác dân vận là nhiệm vụ "
                + "quan trọng, thường xuyên, lâu dài, gắn với phát triển của tỉnh, góp phần nâng cao đồng thuận xã hội.", system);
        n++;

        // ---- S01: Lạng Sơn's quarterly briefing, afternoon of 28/3/2019, and the tasks for the second quarter
        var s01 = LocalDate.of(2019, 3, 28);
        var m01 = meetings.create(new MeetingInput(MeetingKind.QUARTERLY_BRIEFING,
                "Hội nghị giao ban công tác dân vận quý I, triển khai nhiệm vụ quý II năm 2019",
                s01.atTime(14, 0), s01.atTime(17, 0), "Hội trường Tỉnh ủy Lạng Sơn", unit("20.TU", s01), null, LANG_SON_SERIES, null,
                person("Hoàng Văn Nghiệm", "20", s01), List.of(),
                units(s01, "20.UBND", "20.BDV", "20.MTTQ", "20.SNV", "20.HLHPN", "20.HND", "20.DTN", "20.HCCB", "20.LDLD"),
                List.of("Đánh giá công tác dân vận quý I năm 2019", "Thảo luận thuận lợi, khó khăn và đề xuất tháo gỡ",
                        "Triển khai nhiệm vụ quý II năm 2019"),
                List.of(), docBySubject("Kết luận hội nghị giao ban công tác dân vận quý I"),
                """
                        Ghi nhận các mặt công tác dân vận quý I. Quý II: tuyên truyền chủ trương của Đảng, chính sách, pháp luật; nắm chắc \
                        tình hình cơ sở; tập huấn, bồi dưỡng cán bộ; nhân rộng mô hình, cách làm hay; làm điểm mô hình “Chính quyền thân \
                        thiện”; Mặt trận chuẩn bị Đại hội nhiệm kỳ 2019–2024; chuẩn bị Đại hội Dân tộc thiểu số lần thứ 3."""), system);
        var dueQ2 = LocalDate.of(2019, 6, 30);
        var tuLs = unit("20.TU", s01);
        tasks.assign(m01, tuLs, List.of(
                task("Cụ thể hóa chủ đề năm dân vận chính quyền 2019 “Kỷ cương, liêm chính, hành động, sáng tạo, bứt phá, hiệu quả”",
                        "20.UBND", s01, dueQ2),
                task("Nâng cao chất lượng phong trào thi đua “Dân vận khéo” gắn với học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                        "20.BDV", s01, dueQ2),
                task("Tổ chức tập huấn, bồi dưỡng, học tập kinh nghiệm cho cán bộ làm công tác dân vận", "20.BDV", s01, dueQ2),
                task("Thực hiện điểm mô hình “Chính quyền thân thiện”", "20.UBND", s01, dueQ2),
                task("Chuẩn bị các điều kiện tổ chức Đại hội đại biểu Mặt trận Tổ quốc Việt Nam các cấp nhiệm kỳ 2019–2024", "20.MTTQ",
                        s01, dueQ2)), system);
        n++;

        // the next briefing of the series (illustrative): its page opens with the 28/3/2019 conclusions and their tasks
        var q2 = LocalDate.of(2019, 7, 11);
        meetings.create(new MeetingInput(MeetingKind.QUARTERLY_BRIEFING,
                "Hội nghị giao ban công tác dân vận quý II, triển khai nhiệm vụ quý III năm 2019 (bản ghi minh họa)",
                q2.atTime(14, 0), q2.atTime(17, 0), "Hội trường Tỉnh ủy Lạng Sơn", unit("20.TU", q2), null, LANG_SON_SERIES, null, null,
                List.of(), units(q2, "20.UBND", "20.BDV", "20.MTTQ"),
                List.of("Kiểm điểm việc thực hiện kết luận giao ban quý I", "Triển khai nhiệm vụ quý III năm 2019"), List.of(), null,
                "Bản ghi minh họa của dữ liệu demo (không theo bài báo nguồn): cho thấy trang giao ban mở đầu bằng kết luận kỳ trước."),
                system);
        n++;

        // the latest briefing of the series (illustrative), early in this quarter, with tasks falling due around today
        var today = LocalDate.now(clock);
        var recent = weekday(nextQuarterStart(today).minusMonths(3).plusDays(9));
        if (!recent.isBefore(today)) {
            recent = weekday(recent.minusMonths(3));
        }
        var reviewed = recent.minusMonths(1);
        var mRecent = meetings.create(new MeetingInput(MeetingKind.QUARTERLY_BRIEFING,
                "Hội nghị giao ban công tác dân vận quý " + roman(quarterOf(reviewed)) + " năm " + reviewed.getYear()
                        + " (bản ghi minh họa)",
                recent.atTime(14, 0), recent.atTime(17, 0), "Hội trường Tỉnh ủy Lạng Sơn", unit("20.TU", recent), null, LANG_SON_SERIES,
                null, null, List.of(), units(recent, "20.UBND", "20.BTGDV", "20.MTTQ"),
                List.of("Đánh giá công tác dân vận trong quý", "Triển khai nhiệm vụ quý tới"), List.of(), null,
                "Bản ghi minh họa của dữ liệu demo: nhiệm vụ giao có hạn trong quý này, để lịch và kết luận kỳ trước có nội dung."),
                system);
        tasks.assign(mRecent, unit("20.TU", recent), List.of(
                task("Tổng hợp tình hình đối thoại của người đứng đầu cấp ủy, chính quyền cấp xã", "20.UBND", recent, recent.plusDays(30)),
                task("Rà soát, nhân rộng mô hình “Dân vận khéo” ở các xã, phường sau sắp xếp", "20.BTGDV", recent,
                        nextQuarterStart(today).minusDays(1))), system);
        n++;

        // a briefing planned ahead (illustrative), with a ward of Lạng Sơn among the participants
        var next = weekday(nextQuarterStart(today).plusDays(9));
        meetings.create(new MeetingInput(MeetingKind.QUARTERLY_BRIEFING,
                "Hội nghị giao ban công tác dân vận quý " + roman(quarterOf(next.minusMonths(1))) + " năm "
                        + next.minusMonths(1).getYear() + " (lịch dự kiến, bản ghi minh họa)",
                next.atTime(8, 0), next.atTime(11, 30), "Hội trường Tỉnh ủy Lạng Sơn", unit("20.TU", next), null, LANG_SON_SERIES, null,
                null, List.of(), units(next, "20.UBND", "20.BTGDV", "20.MTTQ", "05983"),
                List.of("Đánh giá công tác dân vận trong quý", "Triển khai nhiệm vụ quý tới"), List.of(), null, null), system);
        n++;

        // ---- S02: Thái Nguyên, afternoon of 5/4/2022: closing review of the 2016–2021 programme, then the signing of 2022–2026
        var s02 = LocalDate.of(2022, 4, 5);
        var ubndTn = unit("19.UBND", s02);
        var m02 = meetings.create(new MeetingInput(MeetingKind.MULTI_YEAR_REVIEW,
                "Hội nghị tổng kết Chương trình phối hợp về công tác dân vận giai đoạn 2016–2021 giữa Ban Cán sự đảng UBND tỉnh và "
                        + "Ban Dân vận Tỉnh ủy Thái Nguyên",
                s02.atTime(14, 0), s02.atTime(16, 0), "Thái Nguyên", ubndTn, null, null,
                thaiNguyenProgramme2016(),
                person("Trịnh Việt Hùng", "19", s02), List.of(), units(s02, "19.BDV", "19.TU", "19.MTTQ", "19.SNV", "19.BTCD"),
                List.of("Báo cáo tổng kết Chương trình phối hợp giai đoạn 2016–2021", "Phát biểu của Chủ tịch UBND tỉnh"),
                List.of(docBySubject("Tổng kết Chương trình phối hợp về công tác dân vận giai đoạn 2016–2021")), null,
                """
                        Công tác dân vận góp phần quan trọng vào phát triển kinh tế – xã hội, giữ vững quốc phòng – an ninh của tỉnh. \
                        Người đứng đầu các cơ quan phối hợp phát huy tinh thần, trách nhiệm trong thực hiện các nội dung ký kết; các cấp, \
                        ngành phối hợp chặt chẽ, hiệu quả trên tất cả các lĩnh vực."""), system);
        reviewProgramme2016(m02, s02);
        meetings.create(new MeetingInput(MeetingKind.SIGNING_CEREMONY,
                "Ký kết Chương trình phối hợp về công tác dân vận giai đoạn 2022–2026 giữa Ban Cán sự đảng UBND tỉnh và Ban Dân vận "
                        + "Tỉnh ủy Thái Nguyên",
                s02.atTime(16, 0), s02.atTime(17, 0), "Thái Nguyên", ubndTn, null, null, null, person("Trịnh Việt Hùng", "19", s02),
                List.of(person("Đặng Xuân Trường", "19", s02), person("Dương Văn Tiến", "19", s02)), units(s02, "19.BDV"),
                List.of("Ký kết Chương trình phối hợp giai đoạn 2022–2026"), List.of(),
                docBySubject("Chương trình phối hợp về công tác dân vận giai đoạn 2022–2026 giữa"),
                "Ký kết chương trình phối hợp giai đoạn 2022–2026 (ký: Đặng Xuân Trường, Dương Văn Tiến)."), system);
        n += 2;

        // ---- S03: Bắc Kạn (the unit of 2018, merged into Thái Nguyên in 2025), morning of 20/7/2018
        var s03 = LocalDate.of(2018, 7, 20);
        var m03 = meetings.create(new MeetingInput(MeetingKind.SIX_MONTH_REVIEW,
                "Hội nghị đánh giá công tác dân vận chính quyền 6 tháng đầu năm, triển khai phương hướng, nhiệm vụ 6 tháng cuối năm 2018",
                s03.atTime(8, 0), s03.atTime(11, 30), "Bắc Kạn", unit("06.UBND", s03), null, null, null,
                person("Phạm Duy Hưng", "06", s03),
                List.of(person("Lý Quang Vịnh", "06", s03), person("Trần Thị Lộc", "06", s03), person("Ma Xuân Thu", "06", s03)),
                units(s03, "06.TU", "06.MTTQ", "06.BDV", "06.SNV"),
                List.of("Đánh giá công tác dân vận chính quyền 6 tháng đầu năm 2018", "Thảo luận tồn tại, hạn chế và giải pháp",
                        "Phương hướng, nhiệm vụ 6 tháng cuối năm"),
                List.of(docBySubject("Đánh giá công tác dân vận chính quyền 6 tháng đầu năm")), null,
                """
                        Làm tốt hơn công tác dân vận chính quyền cơ sở; tăng cường đối thoại, tiếp thu ý kiến người dân; nâng cao chất \
                        lượng Ban Thanh tra nhân dân; cải cách thủ tục hành chính, giải quyết đơn thư khiếu nại; xây dựng kế hoạch dân vận \
                        chính quyền hằng năm; đôn đốc, kiểm tra thực hiện quy chế dân chủ ở cơ sở; làm tốt các mô hình “Dân vận khéo”."""),
                system);
        meetings.addOpinion(m03, unit("06.SNV", s03), "Kế hoạch cụ thể thực hiện chủ trương về công tác dân vận có lúc chưa kịp thời; "
                + "cán bộ làm công tác dân vận chủ yếu kiêm nhiệm; kiểm tra, sơ kết, tổng kết chưa thường xuyên.", system);
        n++;

        // ---- S04: the Central Steering Committee's team with Ninh Bình's Standing Committee, 29/7/2020, ten years of 290-QĐ/TW
        var s04 = LocalDate.of(2020, 7, 29);
        var m04 = meetings.create(new MeetingInput(MeetingKind.INSPECTION_WORKING_SESSION,
                "Đoàn kiểm tra của Ban Chỉ đạo Trung ương làm việc với Ban Thường vụ Tỉnh ủy Ninh Bình về tổng kết 10 năm thực hiện "
                        + "Quyết định 290-QĐ/TW",
                s04.atTime(8, 0), s04.atTime(11, 30), "Ninh Bình", unit("37.TU", s04), null, null, doc("290-QĐ/TW"),
                person("Lê Vĩnh Tân", "VN", s04), List.of(person("Nguyễn Thị Thu Hà", "37", s04)), units(s04, "37.UBND", "37.MTTQ"),
                List.of("Báo cáo tổng kết 10 năm thực hiện Quyết định 290-QĐ/TW", "Trao đổi, thảo luận", "Kết luận của Trưởng đoàn"),
                List.of(docBySubject("Tổng kết 10 năm thực hiện Quyết định số 290-QĐ/TW")), null,
                """
                        Ghi nhận nỗ lực của tỉnh; tiếp tục tuyên truyền Quyết định 290-QĐ/TW; chỉ đạo phù hợp để vừa phòng, chống dịch \
                        COVID-19 vừa phát triển kinh tế – xã hội; làm tốt tiếp công dân, giải quyết khiếu nại, không để xảy ra “điểm nóng”; \
                        nâng cao chất lượng xây dựng chính quyền; nhân rộng mô hình, cách làm hay. Kiến nghị của tỉnh được tiếp thu, \
                        đề xuất Ban Chỉ đạo Trung ương."""), system);
        meetings.addOpinion(m04, unit("37.TU", s04), "Mong Đoàn kiểm tra hướng dẫn, chia sẻ kinh nghiệm của Trung ương và các tỉnh bạn "
                + "để Ninh Bình làm tốt hơn công tác dân vận.", system);
        n++;
        return n;
    }

    /** The S02 conference reviewed the 2016–2021 programme (plan's demo, @Order 47): its results per content item name it. */
    private void reviewProgramme2016(long meetingId, LocalDate on) {
        var items = programmeReviews.contentItemsOfProgrammeDocument(thaiNguyenProgramme2016());
        var results = List.of("Các cơ quan hành chính tiếp trên 38.500 lượt công dân, 408 lượt đoàn đông người, tiếp nhận gần 22.600 "
                        + "đơn thư các loại.",
                "Gần 6.500 mô hình “Dân vận khéo”: trên 2.900 mô hình tập thể và hơn 3.500 điển hình cá nhân.",
                "Cải cách hành chính có nhiều chuyển biến tích cực; hiệu lực, hiệu quả quản lý nhà nước được tăng cường.");
        for (int i = 0; i < Math.min(items.size(), results.size()); i++) {
            programmes.recordReview(items.get(i), on, results.get(i), meetingId, system);
        }
    }

    private ConclusionTasks.Assigned task(String title, String unitCode, LocalDate on, LocalDate dueOn) {
        return new ConclusionTasks.Assigned(title, unit(unitCode, on), List.of(), dueOn, null);
    }

    private Long person(String name, String ownerCode, LocalDate on) {
        return people.idByName(name, unit(ownerCode, on))
                .orElseThrow(() -> new IllegalStateException("demo person " + name + " not found"));
    }

    private Long doc(String identifier) {
        return documents.idByIdentifier(identifier).orElseThrow(() -> new IllegalStateException("demo document " + identifier));
    }

    /** Thái Nguyên's 2016–2021 programme document (the central 79-CTr/BDVTW-BCSĐCP of the same period shares its opening words). */
    private Long thaiNguyenProgramme2016() {
        var phrase = "Chương trình phối hợp về công tác dân vận giai đoạn 2016–2021 giữa";
        return documents.search(new DocumentFilter(phrase, null, null, null), 0, 20, system).content().stream()
                .filter(r -> r.subject().contains("Thái Nguyên")).findFirst().map(r -> r.id())
                .orElseThrow(() -> new IllegalStateException("demo document “" + phrase + " … Thái Nguyên” not found"));
    }

    private Long docBySubject(String phrase) {
        return documents.search(new DocumentFilter(phrase, null, null, null), 0, 1, system).content().stream().findFirst()
                .map(r -> r.id()).orElseThrow(() -> new IllegalStateException("demo document “" + phrase + "” not found"));
    }

    private List<Long> units(LocalDate on, String... codes) {
        var ids = new ArrayList<Long>();
        for (var c : codes) {
            ids.add(unit(c, on));
        }
        return ids;
    }

    private long unit(String code, LocalDate on) {
        return units.findByCode(code, on).map(u -> u.id())
                .orElseThrow(() -> new IllegalStateException("demo unit " + code + " not found on " + on));
    }

    static LocalDate nextQuarterStart(LocalDate day) {
        var firstMonth = (quarterOf(day) - 1) * 3 + 1;
        return LocalDate.of(day.getYear(), firstMonth, 1).plusMonths(3);
    }

    /** The day itself, or the Monday after it when it falls on a weekend. */
    static LocalDate weekday(LocalDate day) {
        var d = day;
        while (d.getDayOfWeek().getValue() > 5) {
            d = d.plusDays(1);
        }
        return d;
    }

    static int quarterOf(LocalDate day) {
        return (day.getMonthValue() - 1) / 3 + 1;
    }

    static String roman(int quarter) {
        return switch (quarter) {
            case 1 -> "I";
            case 2 -> "II";
            case 3 -> "III";
            default -> "IV";
        };
    }
}
