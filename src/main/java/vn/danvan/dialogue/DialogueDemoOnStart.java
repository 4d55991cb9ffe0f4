package vn.danvan.dialogue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
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
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.Grant;
import vn.danvan.identity.Role;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.person.People;
import vn.danvan.person.PersonViews.PersonInput;
import vn.danvan.person.PersonViews.PositionInput;
import vn.danvan.plan.OriginTasks;
import vn.danvan.plan.TaskOrigin;

/**
 * Demo dialogues, illustrative (the persons are fictitious; no seed article reports a dialogue's minutes):
 * Phường Lương Văn Tri (05983) with the people of its residential groups, Phường Đông Kinh (05977) with
 * young people and union members, and Thái Nguyên's People's Committee with businesses. Dates are counted
 * back from today so that the picture stays the same whenever the demo is loaded: opinions answered on the
 * spot, commitments resolved (a follow-up report, then accepted by the organising unit), in progress, and
 * one overdue in Đông Kinh. Loaded once, only when the demo is enabled.
 */
@Component
@Order(51)
class DialogueDemoOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DialogueDemoOnStart.class);
    private static final long LOCK = 0x4449_414c_4f47L;

    private final DialogueManagement dialogues;
    private final Commitments commitments;
    private final OriginTasks originTasks;
    private final People people;
    private final OrgUnits units;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;
    private CurrentUser system;

    DialogueDemoOnStart(DialogueManagement dialogues, Commitments commitments, OriginTasks originTasks, People people, OrgUnits units,
                        JdbcClient jdbc, TransactionTemplate tx, Clock clock, @Value("${danvan.demo.enabled}") boolean enabled) {
        this.dialogues = dialogues;
        this.commitments = commitments;
        this.originTasks = originTasks;
        this.people = people;
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
            if (!jdbc.sql("select exists (select 1 from dialogue)").query(Boolean.class).single()) {
                log.info("Demo dialogues: {} dialogues with their opinions and commitments", load());
            }
        });
    }

    private int load() {
        var today = LocalDate.now(clock);
        var root = unit("VN", today);
        system = new CurrentUser(0, "system", "Hệ thống", root, List.of(new Grant(0, Role.SYSTEM_ADMIN, root, Set.of())));
        var since = today.minusYears(2);

        // ---- Phường Lương Văn Tri: the ward's Party secretary with the people, two months ago
        var lvt = unit("05983", today);
        var secretary = person("Hoàng Văn Tâm", "MALE", lvt, since, "Bí thư Đảng ủy phường Lương Văn Tri");
        var chairLvt = person("Nông Thị Hạnh", "FEMALE", lvt, since, "Chủ tịch UBND phường Lương Văn Tri");
        var d1Day = today.minusDays(62);
        var d1 = dialogues.create(new DialogueInput("Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền phường Lương Văn Tri với Nhân dân",
                d1Day, LocalTime.of(8, 0), LocalTime.of(11, 30), "Hội trường UBND phường Lương Văn Tri", lvt, secretary,
                Map.of(Audience.PEOPLE, 120, Audience.WOMEN, 25, Audience.YOUTH, 15), null, null,
                "Hội nghị diễn ra dân chủ, thẳng thắn; các ý kiến thuộc thẩm quyền được trả lời ngay, các ý kiến cần kiểm tra được giao "
                        + "đơn vị giải quyết và báo cáo kết quả."), system);
        var o11 = dialogues.addOpinion(d1, new OpinionInput(SpeakerKind.PERSON, "Người dân tổ dân phố 3", null,
                "Đề nghị lắp đặt đèn chiếu sáng ngõ 24 đường Bà Triệu.", OpinionField.INFRASTRUCTURE, "Tổ dân phố 3"), system);
        commitments.assign(d1, o11, "Lắp đặt đèn chiếu sáng ngõ 24 đường Bà Triệu", lvt, d1Day.plusDays(45), system);
        resolve(d1, o11, d1Day.plusDays(40), "Đã lắp 06 cột đèn chiếu sáng, đưa vào sử dụng.");
        var o12 = dialogues.addOpinion(d1, new OpinionInput(SpeakerKind.ANONYMOUS, null, null,
                "Thủ tục chứng thực tại bộ phận một cửa còn phải chờ lâu vào buổi sáng thứ Hai.", OpinionField.ADMINISTRATION, null), system);
        dialogues.answer(d1, o12, "Phường bố trí thêm một cán bộ tiếp nhận vào sáng thứ Hai từ tháng tới và triển khai đặt lịch hẹn trực tuyến.",
                chairLvt, system);
        var o13 = dialogues.addOpinion(d1, new OpinionInput(SpeakerKind.ORGANISATION, "Chi hội Cựu chiến binh khối 5", null,
                "Đề nghị nạo vét rãnh thoát nước khu vực chợ Đông Kinh cũ trước mùa mưa bão.", OpinionField.ENVIRONMENT, "Khối 5"), system);
        commitments.assign(d1, o13, "Nạo vét rãnh thoát nước khu vực chợ cũ", lvt, today.plusDays(30), system);
        var o14 = dialogues.addOpinion(d1, new OpinionInput(SpeakerKind.PERSON, null, null,
                "Hỏi về chính sách hỗ trợ hộ cận nghèo tham gia bảo hiểm y tế năm tới.", OpinionField.SOCIAL_POLICY, null), system);
        dialogues.answer(d1, o14, "Hộ cận nghèo được ngân sách hỗ trợ mức đóng bảo hiểm y tế theo quy định; phường sẽ rà soát, lập danh sách.",
                secretary, system);

        // ---- Phường Đông Kinh: with young people and union members, five months ago; one commitment overdue
        var dk = unit("05977", today);
        var secretaryDk = person("Lường Văn Quân", "MALE", dk, since, "Bí thư Đảng ủy phường Đông Kinh");
        var d2Day = today.minusDays(150);
        var d2 = dialogues.create(new DialogueInput("Hội nghị đối thoại của Bí thư Đảng ủy phường Đông Kinh với đoàn viên, thanh niên và đoàn viên công đoàn",
                d2Day, LocalTime.of(14, 0), LocalTime.of(17, 0), "Nhà văn hóa phường Đông Kinh", dk, secretaryDk,
                Map.of(Audience.YOUTH, 80, Audience.UNION_MEMBERS, 40), 5, 2, null), system);
        var o21 = dialogues.addOpinion(d2, new OpinionInput(SpeakerKind.PERSON, null, null,
                "Đề nghị có sân chơi thể thao cho thanh niên tại khu tái định cư.", OpinionField.INFRASTRUCTURE, null), system);
        commitments.assign(d2, o21, "Bố trí sân thể thao cho thanh niên khu tái định cư", dk, d2Day.plusDays(90), system);
        var o22 = dialogues.addOpinion(d2, new OpinionInput(SpeakerKind.ORGANISATION, "Công đoàn cơ sở Công ty may Đông Kinh", null,
                "Đề nghị mở lớp kỹ năng số cho công nhân.", OpinionField.ECONOMY, null), system);
        commitments.assign(d2, o22, "Mở lớp kỹ năng số cho công nhân", dk, d2Day.plusDays(60), system);
        resolve(d2, o22, d2Day.plusDays(55), "Đã mở 02 lớp kỹ năng số cho 85 công nhân.");
        var o23 = dialogues.addOpinion(d2, new OpinionInput(SpeakerKind.PERSON, null, null,
                "Hỏi về vay vốn ưu đãi khởi nghiệp cho thanh niên.", OpinionField.ECONOMY, null), system);
        dialogues.answer(d2, o23, "Thanh niên được vay vốn từ Ngân hàng Chính sách xã hội qua Đoàn Thanh niên; phường hướng dẫn hồ sơ.",
                secretaryDk, system);

        // ---- Thái Nguyên: the Provincial People's Committee with businesses, three weeks ago
        var tn = unit("19.UBND", today);
        var vice = person("Đỗ Minh Khang", "MALE", unit("19", today), since, "Phó Chủ tịch UBND tỉnh Thái Nguyên");
        var d3Day = today.minusDays(21);
        var d3 = dialogues.create(new DialogueInput("Hội nghị đối thoại giữa lãnh đạo UBND tỉnh Thái Nguyên với doanh nghiệp",
                d3Day, LocalTime.of(8, 0), LocalTime.of(11, 30), "Trung tâm Hội nghị tỉnh Thái Nguyên", tn, vice,
                Map.of(Audience.BUSINESSES, 150), null, null, null), system);
        var o31 = dialogues.addOpinion(d3, new OpinionInput(SpeakerKind.ORGANISATION, "Hiệp hội Doanh nghiệp tỉnh", null,
                "Thời gian giải quyết thủ tục giao đất, thuê đất còn kéo dài.", OpinionField.LAND, null), system);
        commitments.assign(d3, o31, "Rà soát, rút ngắn thời gian giải quyết thủ tục giao đất, thuê đất", tn, today.plusDays(60), system);
        var o32 = dialogues.addOpinion(d3, new OpinionInput(SpeakerKind.ORGANISATION, "Một doanh nghiệp chế biến chè", null,
                "Đề nghị hỗ trợ xúc tiến thương mại sản phẩm chè.", OpinionField.ECONOMY, null), system);
        dialogues.answer(d3, o32, "Tỉnh bố trí kinh phí xúc tiến thương mại, đưa sản phẩm chè vào các hội chợ trong và ngoài nước.", vice, system);
        return 3;
    }

    /** The responsible unit's follow-up report (100 % marks the task done), then the organising unit's acceptance, through OriginTasks. */
    private void resolve(long dialogueId, long opinionId, LocalDate reportedOn, String text) {
        var taskId = jdbc.sql("select task_id from dialogue_opinion where id = :id").param("id", opinionId).query(Long.class).single();
        originTasks.report(new TaskOrigin(Commitments.ORIGIN, dialogueId), taskId, reportedOn, 100, text, system);
        var version = originTasks.byOrigins(Commitments.ORIGIN, List.of(dialogueId)).get(dialogueId).stream()
                .filter(a -> a.task().taskId() == taskId).findFirst().orElseThrow().version();
        commitments.accept(dialogueId, opinionId, version, system);
    }

    private long person(String name, String gender, long ownerUnitId, LocalDate from, String title) {
        var existing = people.idByName(name, ownerUnitId);
        if (existing.isPresent()) {
            return existing.get();
        }
        var id = people.create(new PersonInput(name, gender, null, ownerUnitId), system);
        people.addPosition(id, new PositionInput(ownerUnitId, title, from, null), system);
        return id;
    }

    private long unit(String code, LocalDate on) {
        return units.findByCode(code, on).map(u -> u.id())
                .orElseThrow(() -> new IllegalStateException("demo unit " + code + " not found on " + on));
    }
}
