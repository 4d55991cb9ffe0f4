package vn.danvan.petition;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.danvan.calendar.Complexity;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.Grant;
import vn.danvan.identity.Role;
import vn.danvan.identity.UserManagement;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.orgunit.UnitLevel;

/**
 * Demo petitions (contracts §2): reception sessions and a few hundred petitions over the demo
 * bodies of Lạng Sơn, Thái Nguyên (with old Bắc Kạn's successor ward) and Ninh Bình, dated over
 * the last 16 months, taken through the real services so that every step, deadline and audit record
 * is what an officer would have produced: every state, some overdue, a crowd delegation on a land
 * matter in Phường Đông Kinh that is a hot spot, a protected denunciation. Loaded once, on the first
 * start with demo data.
 */
@Component
@Order(40)
class PetitionDemoOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PetitionDemoOnStart.class);
    private static final long LOCK = 0x5045_5449_5449_4fL;

    /** A receiving body, the commune its matters are about, the province body to forward to. */
    private record Desk(String body, String place, String forwardTo, int petitions) {
    }

    private static final List<Desk> DESKS = List.of(
            new Desk("20.BTCD", "05983", "20.TTR", 40), new Desk("20.UBND", "05977", "20.TTR", 25),
            new Desk("20.TTR", "05977", "20.UBND", 15), new Desk("05983.UBND", "05983", "20.UBND", 35),
            new Desk("05977.UBND", "05977", "20.UBND", 35), new Desk("19.BTCD", "05443", "19.TTR", 30),
            new Desk("05443.UBND", "05443", "19.UBND", 20), new Desk("01843.UBND", "01843", "19.UBND", 20),
            new Desk("37.BTCD", "14329", "37.TTR", 30), new Desk("14329.UBND", "14329", "37.UBND", 20),
            new Desk("13285.UBND", "13285", "37.UBND", 15));

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vi", "Nông", "Hà", "Lường", "Đinh", "Bùi", "Lý"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Hồng", "Xuân"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Hoa", "Hòa", "Khánh", "Lan", "Mai", "Nam", "Phúc", "Quý",
            "Sơn", "Thủy", "Tuấn", "Uyên", "Vinh", "Yến"};

    private record Topic(ContentKind kind, Field field, String subject) {
    }

    private static final List<Topic> TOPICS = List.of(
            new Topic(ContentKind.COMPLAINT, Field.ADMIN_LAND, "Khiếu nại quyết định thu hồi đất làm đường tránh, mức bồi thường thấp"),
            new Topic(ContentKind.COMPLAINT, Field.ADMIN_LAND, "Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất chồng lấn"),
            new Topic(ContentKind.COMPLAINT, Field.ADMIN_POLICY, "Khiếu nại việc cắt trợ cấp hộ nghèo"),
            new Topic(ContentKind.COMPLAINT, Field.ADMIN_CIVIL_SERVICE, "Khiếu nại quyết định kỷ luật viên chức trường tiểu học"),
            new Topic(ContentKind.DENUNCIATION, Field.CORRUPTION, "Tố cáo cán bộ địa chính nhận tiền khi làm thủ tục đất đai"),
            new Topic(ContentKind.DENUNCIATION, Field.ADMIN_LAND, "Tố cáo việc lấn chiếm đất công xây dựng nhà ở"),
            new Topic(ContentKind.DENUNCIATION, Field.ADMIN_CIVIL_SERVICE, "Tố cáo cán bộ phường gây phiền hà khi chứng thực"),
            new Topic(ContentKind.RECOMMENDATION, Field.ADMIN_POLICY, "Kiến nghị sửa chữa đường giao thông nông thôn xuống cấp"),
            new Topic(ContentKind.RECOMMENDATION, Field.ADMIN_LAND, "Kiến nghị giải quyết dứt điểm tranh chấp ranh giới đất"),
            new Topic(ContentKind.REFLECTION, Field.ADMIN_OTHER, "Phản ánh tiếng ồn, khói bụi của xưởng gỗ trong khu dân cư"),
            new Topic(ContentKind.REFLECTION, Field.ADMIN_POLICY, "Phản ánh chậm chi trả chế độ người có công"),
            new Topic(ContentKind.REFLECTION, Field.JUSTICE, "Phản ánh chậm thi hành bản án dân sự"),
            new Topic(ContentKind.MULTIPLE, Field.ADMIN_LAND, "Đơn vừa khiếu nại vừa tố cáo việc đo đạc, bồi thường đất"));

    private final PetitionManagement petitions;
    private final MatterManagement matters;
    private final MatterStates states;
    private final ReceptionDesk desk;
    private final OrgUnits units;
    private final UserManagement accounts;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;

    PetitionDemoOnStart(PetitionManagement petitions, MatterManagement matters, MatterStates states, ReceptionDesk desk, OrgUnits units,
                        UserManagement accounts, JdbcClient jdbc, TransactionTemplate tx, Clock clock,
                        @Value("${danvan.demo.enabled}") boolean enabled) {
        this.petitions = petitions;
        this.matters = matters;
        this.states = states;
        this.desk = desk;
        this.units = units;
        this.accounts = accounts;
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
            var present = jdbc.sql("select exists (select 1 from petition)").query(Boolean.class).single();
            if (!present) {
                var started = System.nanoTime();
                var counts = load();
                // the demo's matters written into their rows with the demo (V118), not left to the first reader
                states.apply();
                log.info("Demo petitions: {} petitions, {} sessions in {} ms", counts[0], counts[1], (System.nanoTime() - started) / 1_000_000);
            }
        });
    }

    private final Random random = new Random(2026);
    private CurrentUser system;

    private int[] load() {
        var today = LocalDate.now(clock);
        var root = units.findByCode("VN", today).map(u -> u.id()).orElse(1L);
        system = new CurrentUser(0, "system", "Hệ thống", root, List.of(new Grant(0, Role.SYSTEM_ADMIN, root, Set.of())));
        var petitionCount = 0;
        var sessionCount = 0;
        for (var d : DESKS) {
            var body = units.findByCode(d.body(), today);
            var place = units.findByCode(d.place(), today);
            var target = units.findByCode(d.forwardTo(), today);
            if (body.isEmpty() || place.isEmpty() || target.isEmpty()) {
                continue;
            }
            // the place's officers first, then the province's: the first who may work on the body's matters
            var bodyId = body.get().id();
            Long handlerId = Stream.concat(accounts.listAtUnit(system, place.get().id()).stream(),
                            accounts.listAtUnit(system, provinceOf(d.body(), today)).stream())
                    .filter(o -> o.username().startsWith("canbo")).map(o -> o.id())
                    .filter(id -> matters.mayHandle(id, bodyId))
                    .findFirst().orElse(null);
            sessionCount += sessions(body.get().id(), place.get().id(), today);
            processVisitPetitions(body.get().id(), target.get().id(), handlerId, today);
            for (int i = 0; i < d.petitions(); i++) {
                // within the last 16 months: after the 2025 reform, when the demo bodies exist
                var received = today.minusDays(1 + (long) (Math.pow(random.nextDouble(), 1.3) * 480));
                petition(body.get().id(), place.get().id(), target.get().id(), handlerId, received, today);
                petitionCount++;
            }
        }
        petitionCount += hotSpot(today);
        return new int[] {petitionCount, sessionCount};
    }

    private long provinceOf(String code, LocalDate today) {
        return units.findByCode(code.substring(0, code.indexOf('.')), today).map(u -> u.id()).orElse(0L);
    }

    /** A life for one petition, chosen by chance and by age. */
    private void petition(long unitId, long placeId, long targetId, Long handlerId, LocalDate received, LocalDate today) {
        var topic = TOPICS.get(random.nextInt(TOPICS.size()));
        var anonymous = topic.kind() == ContentKind.DENUNCIATION && random.nextInt(8) == 0;
        var group = !anonymous && random.nextInt(10) == 0;
        var persons = anonymous ? List.<PersonInput>of() : List.of(person(group ? PersonRole.REPRESENTATIVE : PersonRole.PETITIONER));
        var kind = anonymous ? PetitionerKind.ANONYMOUS : group ? PetitionerKind.GROUP : PetitionerKind.PERSON;
        var channel = Channel.values()[random.nextInt(Channel.values().length)];
        if (channel == Channel.RECEPTION || channel == Channel.AGENCY) {
            channel = Channel.POST;
        }
        var ref = petitions.receive(new NewPetition(unitId, received, channel,
                channel.ordinal() >= Channel.LEADER.ordinal() ? "Văn phòng Đoàn ĐBQH và HĐND tỉnh" : null, null, kind,
                group ? 6 + random.nextInt(10) : 1, topic.subject(), "Nội dung đơn: " + topic.subject().toLowerCase() + ".",
                placeId, topic.kind() == ContentKind.DENUNCIATION ? ContentKind.DENUNCIATION : null, persons, null, null), system);
        var age = today.toEpochDay() - received.toEpochDay();
        if (age < 12 && random.nextInt(3) > 0 || random.nextInt(14) == 0) {
            return; // still waiting to be processed (some of them overdue)
        }
        var processedOn = received.plusDays(1 + random.nextInt(6));
        if (processedOn.isAfter(today)) {
            processedOn = today;
        }
        var dice = random.nextInt(100);
        if (anonymous || dice < 12) {
            process(ref.id(), topic, false, anonymous ? IneligibleReason.ANONYMOUS : IneligibleReason.MISSING_PARTICULARS, null,
                    Handling.FILE, null, processedOn);
            return;
        }
        if (dice < 30) {
            var guidable = topic.kind() == ContentKind.COMPLAINT || topic.kind() == ContentKind.DENUNCIATION;
            var handling = dice < 18 && guidable ? Handling.GUIDE : dice < 27 ? Handling.FORWARD : Handling.URGE;
            process(ref.id(), topic, true, null, Competence.OUTSIDE, handling, handling == Handling.GUIDE ? null : targetId, processedOn);
            if (handling != Handling.GUIDE && random.nextBoolean() && processedOn.plusDays(20).isBefore(today)) {
                petitions.recordReply(ref.id(), processedOn.plusDays(15 + random.nextInt(5)), "Đã nhận văn bản trả lời.", system);
            }
            return;
        }
        var matterRef = process(ref.id(), topic, true, null, Competence.WITHIN, Handling.ACCEPT, null, processedOn);
        resolve(matterRef, topic, handlerId, processedOn, today);
    }

    /** Most petitions handed in at a visit are classified and handled a few days later (they feed 02/TCD). */
    private void processVisitPetitions(long unitId, long targetId, Long handlerId, LocalDate today) {
        var received = jdbc.sql("""
                        select id, subject, received_on from petition
                        where unit_id = :unit and visit_id is not null and status = 'RECEIVED' order by id""")
                .param("unit", unitId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class)}).list();
        for (var row : received) {
            var day = ((LocalDate) row[2]).plusDays(1 + random.nextInt(4));
            if (day.isAfter(today) || random.nextInt(6) == 0) {
                continue;
            }
            var topic = TOPICS.stream().filter(t -> t.subject().equals(row[1])).findFirst()
                    .orElse(TOPICS.get(random.nextInt(TOPICS.size())));
            var id = (long) row[0];
            if (random.nextInt(4) == 0) {
                var guidable = topic.kind() == ContentKind.COMPLAINT || topic.kind() == ContentKind.DENUNCIATION;
                var handling = guidable && random.nextBoolean() ? Handling.GUIDE : Handling.FORWARD;
                process(id, topic, true, null, Competence.OUTSIDE, handling, handling == Handling.GUIDE ? null : targetId, day);
            } else {
                resolve(process(id, topic, true, null, Competence.WITHIN, Handling.ACCEPT, null, day), topic, handlerId, day, today);
            }
        }
    }

    private long process(long petitionId, Topic topic, boolean eligible, IneligibleReason reason, Competence competence,
                         Handling handling, Long target, LocalDate day) {
        petitions.process(petitionId, new Processing(topic.kind(), topic.field(), eligible, reason, competence, handling, target,
                null, 1, false, null, day, null), system);
        return jdbc.sql("select matter_id from petition where id = :id").param("id", petitionId).query(Long.class).single();
    }

    private void resolve(long matterId, Topic topic, Long handlerId, LocalDate from, LocalDate today) {
        var day = from.plusDays(random.nextInt(4));
        if (random.nextInt(12) == 0) {
            step(matterId, MatterStep.Action.NOT_ACCEPT, day, null, "Hết thời hiệu khiếu nại", null, null, today);
            return;
        }
        if (!step(matterId, MatterStep.Action.ACCEPT, day, "TB-" + (100 + random.nextInt(800)), null, Complexity.NORMAL, null, today)) {
            return;
        }
        var acceptedOn = day;
        if (handlerId != null) {
            step(matterId, MatterStep.Action.ASSIGN, day, null, null, null, null, today, handlerId);
        }
        if (day.plusDays(6).isAfter(today) || random.nextInt(9) == 0) {
            return; // accepted, verification not started
        }
        day = day.plusDays(3 + random.nextInt(5));
        step(matterId, MatterStep.Action.START_VERIFICATION, day, null, "Thành lập tổ xác minh", null, null, today);
        var fate = random.nextInt(100);
        if (topic.kind() == ContentKind.DENUNCIATION && fate < 15 && day.plusDays(25).isBefore(today)) {
            step(matterId, MatterStep.Action.EXTEND, day.plusDays(25), "QĐ-GH-" + random.nextInt(99), "Vụ việc phức tạp, cần xác minh nhiều nơi",
                    Complexity.COMPLEX, null, today);
        }
        if (topic.kind() == ContentKind.COMPLAINT && day.plusDays(10).isBefore(today)) {
            step(matterId, MatterStep.Action.HOLD_DIALOGUE, day.plusDays(10), null, "Đối thoại với người khiếu nại", null, null, today);
        }
        if (fate < 8 && day.plusDays(5).isBefore(today)) {
            step(matterId, MatterStep.Action.WITHDRAW, day.plusDays(5), null, "Người khiếu nại rút đơn sau khi được giải thích", null, null, today);
            return;
        }
        var suspendDay = day.plusDays(12);
        if (fate < 16 && !suspendDay.isAfter(today)
                && (topic.kind() == ContentKind.DENUNCIATION
                    || topic.kind() == ContentKind.COMPLAINT && !acceptedOn.isBefore(Matter.LAW_136_EFFECTIVE))) {
            step(matterId, MatterStep.Action.SUSPEND, suspendDay, "QĐ-TĐC", "Chờ kết quả giám định của cơ quan khác", null, null, today);
            if (suspendDay.plusDays(20).isBefore(today) && random.nextBoolean()) {
                step(matterId, MatterStep.Action.RESUME, suspendDay.plusDays(20), null, "Đã có kết quả giám định", null, null, today);
            } else {
                return;
            }
        }
        var decideDay = day.plusDays(15 + random.nextInt(40));
        if (decideDay.isAfter(today) || fate > 85) {
            return; // still being verified (some of them past their deadline)
        }
        var result = !topic.kind().isResolvedByDecision() ? null
                : new MatterResult[] {MatterResult.RIGHT, MatterResult.WRONG, MatterResult.WRONG, MatterResult.PARTLY_RIGHT}[random.nextInt(4)];
        var ordered = result == MatterResult.RIGHT || result == MatterResult.PARTLY_RIGHT
                ? new Outcome(BigDecimal.valueOf(random.nextInt(400)), BigDecimal.valueOf(random.nextInt(300)), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.valueOf(random.nextInt(150)), BigDecimal.valueOf(random.nextInt(200)), 0, 1 + random.nextInt(3),
                0, random.nextInt(3), random.nextInt(2), random.nextInt(10) == 0 ? 1 : 0, 0, 0)
                : Outcome.none();
        stepWith(matterId, MatterStep.Action.DECIDE, decideDay, "QĐ-" + (10 + random.nextInt(900)), null, result, ordered, today);
        if (decideDay.plusDays(20).isBefore(today) && random.nextInt(3) > 0) {
            stepWith(matterId, MatterStep.Action.CLOSE, decideDay.plusDays(20 + random.nextInt(10)), null, "Đã tổ chức thi hành", null,
                    ordered, today);
        }
    }

    private boolean step(long matterId, MatterStep.Action action, LocalDate day, String number, String note, Complexity complexity,
                         MatterResult result, LocalDate today) {
        return step(matterId, action, day, number, note, complexity, result, today, null);
    }

    private boolean step(long matterId, MatterStep.Action action, LocalDate day, String number, String note, Complexity complexity,
                         MatterResult result, LocalDate today, Long handlerId) {
        if (day.isAfter(today)) {
            return false;
        }
        matters.record(matterId, new MatterStep(action, day, number, note, null, complexity, result, null, handlerId, null), system);
        return true;
    }

    private void stepWith(long matterId, MatterStep.Action action, LocalDate day, String number, String note, MatterResult result,
                          Outcome outcome, LocalDate today) {
        if (day.isAfter(today)) {
            return;
        }
        matters.record(matterId, new MatterStep(action, day, number, note, null, null, result, outcome, null, null), system);
    }

    /** Regular sessions of the reception office and a monthly session of the head, with their visits. */
    private int sessions(long unitId, long placeId, LocalDate today) {
        var count = 0;
        for (int month = 1; month <= 6; month++) {
            var day = today.minusDays(month * 28L + random.nextInt(5));
            var head = month % 2 == 0;
            var id = desk.openSession(new ReceptionDesk.NewSession(unitId, head ? SessionKind.PERIODIC : SessionKind.REGULAR,
                    head ? (month == 4 ? SessionHost.DELEGATE : SessionHost.HEAD) : SessionHost.OFFICE,
                    day.isBefore(Matter.LAW_136_EFFECTIVE) || month != 2 ? SessionMode.IN_PERSON : SessionMode.ONLINE, day,
                    "Trụ sở tiếp công dân", head ? "Nguyễn Văn " + GIVEN[random.nextInt(GIVEN.length)] : null,
                    head ? (month == 4 ? "Phó Chủ tịch" : "Chủ tịch") : null, head), system);
            count++;
            var visits = 1 + random.nextInt(3);
            for (int v = 0; v < visits; v++) {
                var topic = TOPICS.get(random.nextInt(TOPICS.size()));
                var persons = random.nextInt(8) == 0 ? 5 + random.nextInt(4) : 1 + random.nextInt(2);
                var refused = random.nextInt(20) == 0;
                desk.recordVisit(id, new ReceptionDesk.NewVisit(persons, persons >= 5 ? 2 : 0, null, random.nextInt(4) > 0,
                        topic.kind(), topic.subject(), placeId, refused, refused ? RefusalReason.ALREADY_SETTLED : null,
                        head && !refused ? "Giao cơ quan chuyên môn kiểm tra, trả lời công dân" : null, null,
                        head && !refused ? day.plusDays(15) : null, List.of(person(PersonRole.VISITOR)),
                        !refused && random.nextBoolean(), null), system);
            }
            if (head) {
                desk.conclude(id, "TB-" + (10 + random.nextInt(80)), day.plusDays(2).isAfter(today) ? day : day.plusDays(2),
                        "Giao các cơ quan chuyên môn xem xét, trả lời công dân trong thời hạn 15 ngày.", system);
            }
        }
        // the head's published schedule ahead (Law on Citizen Reception: a commune's chair at least two days a month from
        // 1/7/2026, a province's at least one): shown on the reception page, counted in 01/TCD once the day has come
        var commune = units.find(unitId, today).map(u -> u.level() == UnitLevel.COMMUNE).orElse(false);
        for (var ahead : commune ? List.of(6, 20) : List.of(13)) {
            desk.openSession(new ReceptionDesk.NewSession(unitId, SessionKind.PERIODIC, SessionHost.HEAD, SessionMode.IN_PERSON,
                    today.plusDays(ahead), "Trụ sở tiếp công dân", "Nguyễn Văn Bình", "Chủ tịch", true), system);
            count++;
        }
        return count;
    }

    /**
     * The hot spot: land recovery for the bypass in Phường Đông Kinh — 18 households, a crowd
     * delegation that came three times, the complaint accepted and past its deadline, flagged.
     */
    private int hotSpot(LocalDate today) {
        var body = units.findByCode("05977.UBND", today);
        var place = units.findByCode("05977", today);
        if (body.isEmpty() || place.isEmpty()) {
            return 0;
        }
        var received = today.minusDays(70);
        var ref = petitions.receive(new NewPetition(body.get().id(), received, Channel.IN_PERSON, null, null, PetitionerKind.GROUP, 18,
                "Khiếu nại phương án bồi thường, hỗ trợ tái định cư dự án đường tránh thành phố",
                "18 hộ dân khối 4 khiếu nại đơn giá bồi thường đất ở thấp hơn giá thị trường, đề nghị xem xét lại phương án.",
                place.get().id(), ContentKind.COMPLAINT,
                List.of(new PersonInput(PersonRole.REPRESENTATIVE, false, "Hoàng Văn Thắng", "Khối 4, phường Đông Kinh", "0912345678", null),
                        new PersonInput(PersonRole.REPRESENTATIVE, false, "Lăng Thị Hiền", "Khối 4, phường Đông Kinh", "0987654321", null)),
                null, null), system);
        var matterId = process(ref.id(), new Topic(ContentKind.COMPLAINT, Field.ADMIN_LAND, null), true, null, Competence.WITHIN,
                Handling.ACCEPT, null, received.plusDays(2));
        step(matterId, MatterStep.Action.ACCEPT, received.plusDays(4), "15/TB-UBND", null, Complexity.NORMAL, null, today);
        step(matterId, MatterStep.Action.START_VERIFICATION, received.plusDays(8), null, "Tổ xác minh liên ngành", null, null, today);
        for (int i = 0; i < 3; i++) {
            var day = received.plusDays(20L + i * 15);
            var session = desk.openSession(new ReceptionDesk.NewSession(body.get().id(), SessionKind.AD_HOC, SessionHost.HEAD,
                    SessionMode.IN_PERSON, day, "Hội trường UBND phường", "Đinh Công Sơn", "Chủ tịch UBND phường", false), system);
            desk.recordVisit(session, new ReceptionDesk.NewVisit(12 + i * 3, 3, matterId, null, ContentKind.COMPLAINT,
                    "Đoàn đông người khối 4 đề nghị giải quyết dứt điểm khiếu nại bồi thường", place.get().id(), false, null,
                    "Giao phòng Kinh tế, hạ tầng và đô thị rà soát đơn giá, báo cáo trước ngày hẹn", null, day.plusDays(10),
                    List.of(person(PersonRole.VISITOR), person(PersonRole.VISITOR)), false, null), system);
        }
        step(matterId, MatterStep.Action.FLAG_HOT, received.plusDays(50), null,
                "Đoàn đông người đến nhiều lần; nguy cơ tụ tập tại công trường", null, null, today);
        return 1;
    }

    private PersonInput person(PersonRole role) {
        var name = FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " " + GIVEN[random.nextInt(GIVEN.length)];
        var phone = "09" + (10_000_000 + random.nextInt(89_999_999));
        return new PersonInput(role, false, name, "Tổ dân phố số " + (1 + random.nextInt(3)), phone,
                "0" + (20_000_000_000L + (long) (random.nextDouble() * 9_000_000_000L)));
    }
}
