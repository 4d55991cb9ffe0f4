package vn.danvan.democracy;

import java.time.Clock;
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
import vn.danvan.democracy.BoardActivities.ActivityInput;
import vn.danvan.democracy.BoardActivities.AnswerInput;
import vn.danvan.democracy.BoardActivities.RecommendationInput;
import vn.danvan.democracy.BoardRules.ActivityKind;
import vn.danvan.democracy.BoardRules.BoardKind;
import vn.danvan.democracy.BoardRules.MemberRole;
import vn.danvan.democracy.Boards.BoardInput;
import vn.danvan.democracy.Boards.MemberInput;
import vn.danvan.democracy.CommunityMeetings.MeetingInput;
import vn.danvan.democracy.CommunityMeetings.VoteInput;
import vn.danvan.democracy.DisclosureRules.Channel;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.Grant;
import vn.danvan.identity.Role;
import vn.danvan.orgunit.OrgUnits;

/**
 * Demo grassroots democracy (issue 7 point 6): People's Inspection Boards in Phường Lương Văn Tri and
 * Phường Đông Kinh (Lạng Sơn) and Phường Phan Đình Phùng (Thái Nguyên), each elected at a community
 * meeting, with activity plans, inspections and supervisions (one sent late), recommendations with
 * answers and one still waiting, a Community Investment Supervision Board, and the 2026 disclosure
 * registers with one due item missing (the third quarter's budget execution in Lương Văn Tri). The
 * people named are invented. Loaded once through the facades (checked and audited) when demo data are on.
 */
@Component
@Order(52)
class DemocracyDemoOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemocracyDemoOnStart.class);
    private static final long LOCK = 0x4445_4d4f_4352_4143L;

    private final Boards boards;
    private final BoardActivities activities;
    private final Disclosures disclosures;
    private final CommunityMeetings meetings;
    private final OrgUnits units;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;

    DemocracyDemoOnStart(Boards boards, BoardActivities activities, Disclosures disclosures, CommunityMeetings meetings, OrgUnits units,
                         JdbcClient jdbc, TransactionTemplate tx, Clock clock, @Value("${danvan.demo.enabled}") boolean enabled) {
        this.boards = boards;
        this.activities = activities;
        this.disclosures = disclosures;
        this.meetings = meetings;
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
            if (!jdbc.sql("select exists (select 1 from democracy_board)").query(Boolean.class).single()) {
                load();
                log.info("Demo grassroots democracy: People's Inspection Boards in 05983, 05977 and 05443 with plans, activities and disclosures");
            }
        });
    }

    private CurrentUser system;

    private void load() {
        var today = LocalDate.now(clock);
        var root = unit("VN", today);
        system = new CurrentUser(0, "system", "Hệ thống", root, List.of(new Grant(0, Role.SYSTEM_ADMIN, root, Set.of())));
        luongVanTri(unit("05983", today));
        dongKinh(unit("05977", today));
        phanDinhPhung(unit("05443", today));
    }

    private void luongVanTri(long ward) {
        var election = meetings.record(new MeetingInput(ward, "Khối 1", d(2024, 9, 20), 215, 180,
                "Bầu thành viên Ban Thanh tra nhân dân phường nhiệm kỳ 2024–2029 theo giới thiệu của Ban công tác Mặt trận khối; "
                        + "thống nhất mức đóng góp xây dựng nhà văn hóa khối.",
                List.of(new VoteInput("Bầu Ban Thanh tra nhân dân phường", 171, 4, 5),
                        new VoteInput("Mức đóng góp xây dựng nhà văn hóa khối: 200.000 đồng/hộ", 102, 60, 18))), system).id();
        var board = boards.create(new BoardInput(BoardKind.PEOPLES_INSPECTION, ward, null, null, 9, d(2024, 10, 1), d(2029, 9, 30),
                election, null, null, List.of(
                member("Hoàng Văn Thắng", MemberRole.HEAD, "Khối 1", "0912 345 601", "Số 12 đường Bà Triệu, khối 1"),
                member("Lê Thị Hương", MemberRole.DEPUTY, "Khối 2", "0912 345 602", "Số 8 ngõ 3, khối 2"),
                member("Nông Văn Sơn", MemberRole.MEMBER, "Khối 3", null, null),
                member("Vi Thị Lan", MemberRole.MEMBER, "Khối 4", null, null),
                member("Lý Văn Hải", MemberRole.MEMBER, "Khối 5", null, null),
                member("Hoàng Thị Mai", MemberRole.MEMBER, "Khối 6", null, null),
                member("Đinh Văn Tuấn", MemberRole.MEMBER, "Khối 7", null, null),
                member("Lương Thị Thu", MemberRole.MEMBER, "Khối 8", null, null),
                member("Mã Văn Quang", MemberRole.MEMBER, "Khối 9", null, null))), system).id();
        boards.addPlan(board, "2026", "Kế hoạch hoạt động năm 2026: giám sát thu, chi các khoản đóng góp của nhân dân; kiểm tra việc "
                + "giải quyết kiến nghị của cử tri; giám sát công khai ngân sách phường.", d(2026, 1, 8), system);
        boards.addPlan(board, "2026Q1", "Giám sát việc thu, chi các khoản đóng góp của nhân dân năm 2025.", d(2026, 1, 8), system);
        boards.addPlan(board, "2026H2", "Kiểm tra việc giải quyết kiến nghị của cử tri về hệ thống thoát nước khối 3, khối 4.",
                d(2026, 6, 30), system);
        var supervision = activities.plan(board, new ActivityInput(ActivityKind.SUPERVISION,
                "Giám sát việc thu, chi các khoản đóng góp của nhân dân năm 2025", "Ủy ban nhân dân phường; các Ban công tác Mặt trận khối",
                d(2026, 3, 16), d(2026, 3, 6), d(2026, 3, 6), d(2026, 3, 6),
                "Các khoản đóng góp được thu đúng nghị quyết hội nghị khối; khối 5 chưa công khai quyết toán quỹ xây dựng nhà văn hóa."),
                system).id();
        var r1 = activities.recommend(supervision, new RecommendationInput("Công khai quyết toán quỹ xây dựng nhà văn hóa khối 5 tại "
                + "nhà văn hóa khối và trên hệ thống truyền thanh.", "Ủy ban nhân dân phường Lương Văn Tri", d(2026, 3, 20), d(2026, 4, 30)),
                system);
        activities.answer(r1, new AnswerInput(d(2026, 4, 15), "Phạm Quốc Hưng", "Chủ tịch Ủy ban nhân dân phường",
                "Ủy ban nhân dân phường đã chỉ đạo khối 5 niêm yết quyết toán từ ngày 10/4/2026 trong 30 ngày và thông báo trên loa truyền thanh."),
                0, system);
        var inspection = activities.plan(board, new ActivityInput(ActivityKind.INSPECTION,
                "Kiểm tra việc giải quyết kiến nghị của cử tri về hệ thống thoát nước khối 3, khối 4",
                "Ủy ban nhân dân phường; bộ phận quản lý đô thị", d(2026, 9, 7), d(2026, 9, 3), d(2026, 9, 3), d(2026, 9, 4),
                "Tuyến cống khối 3 đã nạo vét; tuyến khối 4 chưa có kế hoạch cải tạo."), system).id();
        activities.recommend(inspection, new RecommendationInput("Lập kế hoạch cải tạo tuyến cống thoát nước khối 4 trước mùa mưa năm 2027.",
                "Ủy ban nhân dân phường Lương Văn Tri", d(2026, 9, 18), d(2026, 10, 31)), system);
        boards.create(new BoardInput(BoardKind.INVESTMENT_SUPERVISION, ward, "Cải tạo, nâng cấp đường nội khối 6, khối 7",
                "Ban Quản lý dự án đầu tư xây dựng phường Lương Văn Tri", null, d(2026, 5, 1), d(2026, 12, 31), null, null,
                "Đã giám sát 2 lần: vật liệu đúng thiết kế; đề nghị chủ đầu tư bố trí biển báo thi công ở đầu ngõ 5.",
                List.of(member("Hoàng Văn Thắng", MemberRole.HEAD, "Khối 6", null, null),
                        member("Đinh Văn Tuấn", MemberRole.DEPUTY, "Khối 7", null, null),
                        member("Chu Thị Nga", MemberRole.MEMBER, "Khối 6", null, null),
                        member("Hà Văn Lợi", MemberRole.MEMBER, "Khối 7", null, null))), system);
        disclose(ward, "KE_HOACH_KTXH", "2026", Channel.NOTICE_BOARD, "Kế hoạch phát triển kinh tế - xã hội năm 2026", d(2026, 1, 9), d(2026, 2, 9));
        disclose(ward, "DU_TOAN_NGAN_SACH", "2026", Channel.NOTICE_BOARD, "Dự toán ngân sách phường năm 2026", d(2026, 1, 12), d(2026, 2, 12));
        disclose(ward, "THUC_HIEN_NGAN_SACH", "2026Q1", Channel.NOTICE_BOARD, "Tình hình thực hiện ngân sách quý I/2026", d(2026, 4, 10),
                d(2026, 5, 10));
        disclose(ward, "THUC_HIEN_NGAN_SACH", "2026Q2", Channel.WEBSITE, "Tình hình thực hiện ngân sách 6 tháng đầu năm 2026", d(2026, 7, 10), null);
        disclose(ward, "KHIEU_NAI_TO_CAO", "2026H1", Channel.LOUDSPEAKER, "Kết quả tiếp công dân, giải quyết đơn thư 6 tháng đầu năm 2026",
                d(2026, 7, 15), null);
        disclose(ward, "DU_AN_DAU_TU", "2026", Channel.MEETING, "Dự án cải tạo, nâng cấp đường nội khối 6, khối 7", d(2026, 4, 20), null);
    }

    private void dongKinh(long ward) {
        var election = meetings.record(new MeetingInput(ward, "Tổ dân phố 3", d(2024, 9, 27), 160, 131,
                "Bầu thành viên Ban Thanh tra nhân dân phường; bàn phương án vệ sinh môi trường tổ dân phố.",
                List.of(new VoteInput("Bầu Ban Thanh tra nhân dân phường", 125, 2, 4))), system).id();
        var board = boards.create(new BoardInput(BoardKind.PEOPLES_INSPECTION, ward, null, null, 7, d(2024, 10, 1), d(2029, 9, 30),
                election, null, null, List.of(
                member("Trần Văn Đức", MemberRole.HEAD, "Tổ dân phố 1", null, null),
                member("Nông Thị Hoa", MemberRole.DEPUTY, "Tổ dân phố 2", null, null),
                member("Lăng Văn Minh", MemberRole.MEMBER, "Tổ dân phố 3", null, null),
                member("Hoàng Thị Yến", MemberRole.MEMBER, "Tổ dân phố 4", null, null),
                member("Vy Văn Khánh", MemberRole.MEMBER, "Tổ dân phố 5", null, null),
                member("Lộc Thị Hằng", MemberRole.MEMBER, "Tổ dân phố 6", null, null),
                member("Dương Văn Phúc", MemberRole.MEMBER, "Tổ dân phố 7", null, null))), system).id();
        boards.addPlan(board, "2026", "Giám sát việc thực hiện quy chế dân chủ trong giải quyết thủ tục hành chính tại bộ phận một cửa.",
                d(2026, 1, 12), system);
        var supervision = activities.plan(board, new ActivityInput(ActivityKind.SUPERVISION,
                "Giám sát việc giải quyết thủ tục hành chính tại bộ phận một cửa phường", "Bộ phận tiếp nhận và trả kết quả phường",
                d(2026, 5, 18), d(2026, 5, 8), d(2026, 5, 8), d(2026, 5, 8), "Có 3 hồ sơ trả kết quả muộn chưa có văn bản xin lỗi."),
                system).id();
        var r = activities.recommend(supervision, new RecommendationInput("Gửi văn bản xin lỗi người dân đối với hồ sơ trả kết quả muộn "
                + "theo quy định.", "Ủy ban nhân dân phường Đông Kinh", d(2026, 5, 25), d(2026, 6, 15)), system);
        activities.answer(r, new AnswerInput(d(2026, 6, 5), "Vi Thị Thanh", "Phó Chủ tịch Ủy ban nhân dân phường",
                "Đã gửi văn bản xin lỗi 3 trường hợp và chấn chỉnh bộ phận một cửa."), 0, system);
        disclose(ward, "KE_HOACH_KTXH", "2026", Channel.NOTICE_BOARD, "Kế hoạch phát triển kinh tế - xã hội năm 2026", d(2026, 1, 8), d(2026, 2, 8));
        disclose(ward, "THUC_HIEN_NGAN_SACH", "2026Q1", Channel.NOTICE_BOARD, "Thực hiện ngân sách quý I/2026", d(2026, 4, 8), d(2026, 5, 8));
    }

    private void phanDinhPhung(long ward) {
        var election = meetings.record(new MeetingInput(ward, "Tổ dân phố Phan Đình Phùng 2", d(2024, 10, 5), 240, 198,
                "Bầu thành viên Ban Thanh tra nhân dân phường.", List.of(new VoteInput("Bầu Ban Thanh tra nhân dân phường", 190, 3, 5))),
                system).id();
        var board = boards.create(new BoardInput(BoardKind.PEOPLES_INSPECTION, ward, null, null, 6, d(2024, 10, 15), d(2029, 10, 14),
                election, null, null, List.of(
                member("Đỗ Văn Hùng", MemberRole.HEAD, "Tổ 1", null, null),
                member("Ngô Thị Lan", MemberRole.DEPUTY, "Tổ 2", null, null),
                member("Phạm Văn Long", MemberRole.MEMBER, "Tổ 3", null, null),
                member("Bùi Thị Ngọc", MemberRole.MEMBER, "Tổ 4", null, null),
                member("Trịnh Văn An", MemberRole.MEMBER, "Tổ 5", null, null),
                member("Hà Thị Vân", MemberRole.MEMBER, "Tổ 6", null, null))), system).id();
        boards.addPlan(board, "2026Q2", "Giám sát việc chi trả trợ cấp cho đối tượng bảo trợ xã hội.", d(2026, 4, 1), system);
        activities.plan(board, new ActivityInput(ActivityKind.SUPERVISION, "Giám sát việc chi trả trợ cấp cho đối tượng bảo trợ xã hội quý II/2026",
                "Ủy ban nhân dân phường; công chức văn hóa - xã hội", d(2026, 6, 8), d(2026, 5, 29), d(2026, 5, 29), d(2026, 5, 29),
                "Việc chi trả đúng đối tượng, đúng mức."), system);
        disclose(ward, "DU_TOAN_NGAN_SACH", "2026", Channel.WEBSITE, "Dự toán ngân sách phường năm 2026", d(2026, 1, 15), null);
    }

    private void disclose(long unit, String item, String period, Channel channel, String title, LocalDate on, LocalDate until) {
        disclosures.record(new Disclosures.DisclosureInput(unit, item, period, channel, title, on, until), system);
    }

    private static MemberInput member(String name, MemberRole role, String village, String phone, String address) {
        return new MemberInput(name, role, village, phone, address);
    }

    private long unit(String code, LocalDate on) {
        return units.findByCode(code, on).map(u -> u.id())
                .orElseThrow(() -> new IllegalStateException("demo unit " + code + " not found on " + on));
    }

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }
}
