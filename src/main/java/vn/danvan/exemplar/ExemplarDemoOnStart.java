package vn.danvan.exemplar;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
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
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.Grant;
import vn.danvan.identity.Role;
import vn.danvan.orgunit.OrgUnits;

/**
 * Demo models and exemplars (contracts §2) in Lạng Sơn, Thái Nguyên (with the old Bắc Kạn, whose
 * models were registered before the 2025 merger and count under Thái Nguyên today) and Ninh Bình:
 * collective and individual, in every state of the lifecycle, recognised at commune, district
 * (before 1/7/2025) and province level, commended, and a model of Phường Lương Văn Tri replicated in
 * Phường Đông Kinh and from there in Phường Bắc Kạn. Taken through the real services, so history and
 * audit are what officers would have produced. Loaded once, on the first start with demo data, after
 * the documents (models of administrative reform answer Directive 16/CT-TTg).
 */
@Component
@Order(46)
class ExemplarDemoOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ExemplarDemoOnStart.class);
    private static final long LOCK = 0x4558_454d_504c_4152L;

    /** A model to register: kind, name, person (individuals), registrant, fields. */
    private record Template(ExemplarKind kind, String name, String person, String title, RegistrantType registrant,
                            String registrantName, List<String> fields, String method) {
    }

    private static final List<Template> TEMPLATES = List.of(
            new Template(ExemplarKind.COLLECTIVE, "Khu dân cư tự quản về an ninh trật tự", null, null, RegistrantType.RESIDENTIAL_AREA,
                    "Khối 5", List.of("DEFENCE_SECURITY"), "Tổ tự quản tuần tra đêm, camera ở các ngõ, họp dân hằng tháng để nắm tình hình."),
            new Template(ExemplarKind.COLLECTIVE, "Vận động nhân dân hiến đất làm đường giao thông nông thôn", null, null,
                    RegistrantType.RESIDENTIAL_AREA, "Thôn Nà Phai", List.of("NEW_RURAL", "ECONOMY"),
                    "Chi bộ họp bàn, cán bộ đến từng nhà vận động, công khai diện tích hiến và danh sách hộ."),
            new Template(ExemplarKind.COLLECTIVE, "Tuyến đường hoa tự quản vệ sinh môi trường", null, null, RegistrantType.MASS_ORGANISATION,
                    "Chi hội Phụ nữ khối 2", List.of("CULTURE_SOCIETY"), "Mỗi hộ nhận chăm sóc một đoạn đường, tổng vệ sinh sáng chủ nhật."),
            new Template(ExemplarKind.COLLECTIVE, "Tổ tiết kiệm giúp nhau giảm nghèo", null, null, RegistrantType.MASS_ORGANISATION,
                    "Hội Liên hiệp Phụ nữ phường", List.of("ECONOMY", "SOCIAL_WELFARE"), "Góp vốn xoay vòng, hướng dẫn cách làm ăn cho hội viên nghèo."),
            new Template(ExemplarKind.COLLECTIVE, "Bộ phận một cửa thân thiện, trả kết quả đúng hẹn", null, null, RegistrantType.AGENCY,
                    "Ủy ban nhân dân phường", List.of("ADMIN_REFORM"), "Niêm yết thủ tục, nhắn tin hẹn trả kết quả, xin lỗi khi trễ hẹn."),
            new Template(ExemplarKind.COLLECTIVE, "Tổ công nghệ số cộng đồng hướng dẫn dịch vụ công trực tuyến", null, null,
                    RegistrantType.MASS_ORGANISATION, "Đoàn Thanh niên phường", List.of("DIGITAL", "ADMIN_REFORM"),
                    "Đoàn viên đến từng hộ cài ứng dụng định danh điện tử, hướng dẫn nộp hồ sơ trực tuyến."),
            new Template(ExemplarKind.COLLECTIVE, "Dòng họ không có người vi phạm pháp luật", null, null, RegistrantType.RESIDENTIAL_AREA,
                    "Dòng họ Hoàng thôn Bản Chu", List.of("DEFENCE_SECURITY", "CULTURE_SOCIETY"),
                    "Hương ước dòng họ, trưởng họ nhắc nhở con cháu, gặp mặt đầu năm biểu dương."),
            new Template(ExemplarKind.COLLECTIVE, "Ngôi nhà nhân ái cho hộ nghèo", null, null, RegistrantType.MASS_ORGANISATION,
                    "Ủy ban Mặt trận Tổ quốc phường", List.of("SOCIAL_WELFARE"), "Vận động doanh nghiệp, nhà hảo tâm góp tiền, ngày công làm nhà."),
            new Template(ExemplarKind.COLLECTIVE, "Chi bộ khu dân cư đối thoại với dân hằng quý", null, null, RegistrantType.PARTY_CELL,
                    "Chi bộ khối 7", List.of("POLITICAL_SYSTEM"), "Bí thư chi bộ và trưởng khối đối thoại, trả lời ý kiến tại chỗ, công khai kết quả."),
            new Template(ExemplarKind.COLLECTIVE, "Câu lạc bộ hát then, đàn tính giữ gìn bản sắc", null, null, RegistrantType.SCHOOL,
                    "Trường Trung học cơ sở Chi Lăng", List.of("CULTURE_SOCIETY"), "Nghệ nhân dạy học sinh, biểu diễn trong các ngày lễ của phường."),
            new Template(ExemplarKind.COLLECTIVE, "Phân loại rác thải tại nguồn", null, null, RegistrantType.RESIDENTIAL_AREA, "Tổ dân phố 3",
                    List.of("CULTURE_SOCIETY", "NEW_RURAL"), "Mỗi hộ hai thùng rác, rác hữu cơ ủ phân, bán phế liệu lấy quỹ khuyến học."),
            new Template(ExemplarKind.COLLECTIVE, "Hợp tác xã trồng hồi liên kết tiêu thụ", null, null, RegistrantType.ENTERPRISE,
                    "Hợp tác xã Hồi Xứ Lạng", List.of("ECONOMY"), "Liên kết bao tiêu, tập huấn kỹ thuật, hỗ trợ giống cho hộ nghèo."),
            new Template(ExemplarKind.INDIVIDUAL, "Bí thư chi bộ vận động nhân dân hiến đất mở đường", "Hoàng Văn Thắng", "Bí thư chi bộ thôn",
                    RegistrantType.PARTY_CELL, "Chi bộ thôn Nà Phai", List.of("NEW_RURAL"), "Gương mẫu hiến đất trước, đến từng nhà thuyết phục."),
            new Template(ExemplarKind.INDIVIDUAL, "Trưởng thôn giỏi hòa giải ở cơ sở", "Nông Thị Hạnh", "Trưởng thôn",
                    RegistrantType.RESIDENTIAL_AREA, "Thôn Khòn Phầy", List.of("DEFENCE_SECURITY"), "Hòa giải thành các vụ tranh chấp đất đai nhỏ ngay tại thôn."),
            new Template(ExemplarKind.INDIVIDUAL, "Cựu chiến binh làm kinh tế giỏi, giúp đỡ hội viên", "Lý Văn Sáng", "Hội viên Hội Cựu chiến binh",
                    RegistrantType.MASS_ORGANISATION, "Hội Cựu chiến binh phường", List.of("ECONOMY"), "Cho vay vốn không lãi, nhận lao động địa phương."),
            new Template(ExemplarKind.INDIVIDUAL, "Công an phường gần dân, sát dân", "Đinh Quang Huy", "Phó Trưởng Công an phường",
                    RegistrantType.ARMED_FORCES, "Công an phường", List.of("DEFENCE_SECURITY"), "Nắm từng hộ, hướng dẫn làm căn cước tại nhà cho người già."),
            new Template(ExemplarKind.INDIVIDUAL, "Cô giáo vận động học sinh dân tộc thiểu số ra lớp", "Hà Thị Mai", "Giáo viên tiểu học",
                    RegistrantType.SCHOOL, "Trường Tiểu học Quảng Lạc", List.of("CULTURE_SOCIETY"), "Đến từng nhà vận động, tổ chức lớp học thêm miễn phí."),
            new Template(ExemplarKind.INDIVIDUAL, "Nữ doanh nhân tạo việc làm cho lao động địa phương", "Vi Thị Hương", "Giám đốc hợp tác xã",
                    RegistrantType.ENTERPRISE, "Hợp tác xã Nông sản sạch", List.of("ECONOMY", "SOCIAL_WELFARE"), "Nhận lao động nữ, bao tiêu nông sản cho hộ nghèo."));

    /** Where demo models live: a unit code and the years they are registered in (old units before the reform). */
    private record Owner(String code, int fromYear, int toYear, int count) {
    }

    private static final List<Owner> OWNERS = List.of(
            // before the 2025 reform: old communes of Lạng Sơn, of Bắc Kạn (merged into Thái Nguyên) and of Thái Nguyên
            new Owner("05983", 2021, 2024, 5), new Owner("05980", 2021, 2024, 4), new Owner("05989", 2022, 2024, 3),
            new Owner("01843", 2021, 2024, 5), new Owner("01837", 2022, 2024, 3), new Owner("05443", 2022, 2024, 3),
            // after the reform: the new wards of the demo accounts, and the provinces' own bodies
            new Owner("05983", 2025, 2026, 6), new Owner("05977", 2025, 2026, 6), new Owner("01843", 2025, 2026, 4),
            new Owner("05443", 2025, 2026, 3), new Owner("14329", 2025, 2026, 4), new Owner("13285", 2025, 2026, 3),
            new Owner("20", 2025, 2026, 2), new Owner("19", 2025, 2026, 2));

    /** The states demo models are taken to, in turn. */
    private static final List<ExemplarStatus> TARGETS = List.of(ExemplarStatus.RECOGNISED, ExemplarStatus.IMPLEMENTING,
            ExemplarStatus.COMMENDED, ExemplarStatus.REGISTERED, ExemplarStatus.TYPICAL, ExemplarStatus.ASSESSED,
            ExemplarStatus.RECOGNISED, ExemplarStatus.PAUSED, ExemplarStatus.COMMENDED, ExemplarStatus.DISCONTINUED,
            ExemplarStatus.IMPLEMENTING, ExemplarStatus.TYPICAL);

    private final ExemplarManagement management;
    private final ExemplarRounds rounds;
    private final OrgUnits units;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;
    private CurrentUser system;

    ExemplarDemoOnStart(ExemplarManagement management, ExemplarRounds rounds, OrgUnits units, JdbcClient jdbc, TransactionTemplate tx,
                        Clock clock, @Value("${danvan.demo.enabled}") boolean enabled) {
        this.management = management;
        this.rounds = rounds;
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
            var present = jdbc.sql("select exists (select 1 from exemplar)").query(Boolean.class).single();
            if (!present) {
                var started = System.nanoTime();
                var count = load();
                log.info("Demo models and exemplars: {} in {} ms", count, (System.nanoTime() - started) / 1_000_000);
            }
        });
    }

    private int load() {
        var today = LocalDate.now(clock);
        var root = units.findByCode("VN", today).map(u -> u.id()).orElse(1L);
        system = new CurrentUser(0, "system", "Hệ thống", root, List.of(new Grant(0, Role.SYSTEM_ADMIN, root, Set.of())));
        int n = 0;
        int templateIndex = 0;
        for (var owner : OWNERS) {
            for (int i = 0; i < owner.count(); i++) {
                var year = owner.fromYear() + i % (owner.toYear() - owner.fromYear() + 1);
                // registered in spring, or in August for the first months of the new wards (from 1/7/2025)
                var registered = year == 2025 && owner.fromYear() == 2025 ? LocalDate.of(2025, 8, 5 + i) : LocalDate.of(year, 3, 2 + i * 3);
                if (registered.isAfter(today)) {
                    continue;
                }
                var unit = units.findByCode(owner.code(), registered).filter(u -> u.validOn(registered));
                if (unit.isEmpty()) {
                    continue;
                }
                var template = TEMPLATES.get(templateIndex++ % TEMPLATES.size());
                var target = TARGETS.get(n % TARGETS.size());
                var ref = management.register(input(template, unit.get().id(), registered), system);
                live(ref.id(), template, registered, target, unit.get().level().name(), today);
                n++;
            }
        }
        n += lineage(today);
        rounds(today);
        return n;
    }

    /**
     * A commendation ceremony of Thái Nguyên for 2021–2025 (closed: the picked models, old Bắc Kạn's
     * among them, are typical and commended) and Lạng Sơn's assessment round of this year, open, with
     * some models assessed and the rest waiting.
     */
    private void rounds(LocalDate today) {
        var ceremonyDay = LocalDate.of(2025, 12, 18);
        var thaiNguyen = units.findByCode("19", ceremonyDay).filter(u -> u.validOn(ceremonyDay));
        if (!ceremonyDay.isAfter(today) && thaiNguyen.isPresent()) {
            var id = rounds.open(new ExemplarRounds.NewRound(ExemplarRounds.RoundKind.CEREMONY, thaiNguyen.get().id(),
                    "Biểu dương mô hình, điển hình \"Dân vận khéo\" giai đoạn 2021–2025", 2021, 2025, List.of(), ceremonyDay,
                    "3125/QĐ-UBND", "Chủ tịch Ủy ban nhân dân tỉnh Thái Nguyên", CommendationForm.CERTIFICATE_OF_MERIT), system);
            var round = rounds.detail(id, system);
            var picked = round.items().stream().filter(i -> i.status().recognised()).limit(4).map(i -> i.exemplarId()).toList();
            if (!picked.isEmpty()) {
                rounds.select(id, picked, round.version(), system);
                rounds.close(id, round.version() + 1, system);
            }
        }
        var langSon = units.findByCode("20", today);
        if (langSon.isPresent() && today.getMonthValue() >= 2) {
            var criteria = List.of(new ExemplarRounds.Criterion("Tính mới, sáng tạo", BigDecimal.valueOf(20)),
                    new ExemplarRounds.Criterion("Hiệu quả kinh tế – xã hội", BigDecimal.valueOf(30)),
                    new ExemplarRounds.Criterion("Sự tham gia, đồng thuận của nhân dân", BigDecimal.valueOf(30)),
                    new ExemplarRounds.Criterion("Khả năng duy trì, nhân rộng", BigDecimal.valueOf(20)));
            var id = rounds.open(new ExemplarRounds.NewRound(ExemplarRounds.RoundKind.ASSESSMENT, langSon.get().id(),
                    "Đánh giá mô hình \"Dân vận khéo\" năm " + today.getYear(), today.getYear(), today.getYear(), criteria, null, null,
                    null, null), system);
            var items = rounds.detail(id, system).items();
            for (int i = 0; i < items.size() && i < 5; i++) {
                var passed = i != 2;
                var scores = passed ? List.of(BigDecimal.valueOf(16), BigDecimal.valueOf(24), BigDecimal.valueOf(25), BigDecimal.valueOf(15))
                        : List.of(BigDecimal.valueOf(6), BigDecimal.valueOf(10), BigDecimal.valueOf(12), BigDecimal.valueOf(5));
                rounds.assess(id, items.get(i).exemplarId(), scores, today, "Ban Chỉ đạo Dân vận khéo tỉnh", null, system);
            }
        }
    }

    /** Takes a model from registration to the target state, each step on a plausible day. */
    private void live(long id, Template t, LocalDate registered, ExemplarStatus target, String level, LocalDate today) {
        var started = registered.plusDays(20);
        var assessed = LocalDate.of(registered.getYear(), 10, 20);
        var recognised = LocalDate.of(registered.getYear(), 11, 25);
        var commended = LocalDate.of(registered.getYear(), 12, 20);
        if (target == ExemplarStatus.REGISTERED || started.isAfter(today)) {
            return;
        }
        step(id, ExemplarStep.simple(ExemplarAction.START, started, "Triển khai theo kế hoạch đã đăng ký", null));
        results(id, registered.getYear(), t, registered.getYear() - 2020);
        if (target == ExemplarStatus.IMPLEMENTING || assessed.isAfter(today)) {
            return;
        }
        if (target == ExemplarStatus.DISCONTINUED) {
            step(id, ExemplarStep.simple(ExemplarAction.DISCONTINUE, assessed, "Khu dân cư sáp nhập, không còn điều kiện duy trì", null));
            return;
        }
        var passed = target != ExemplarStatus.ASSESSED || id % 2 == 0;
        step(id, new ExemplarStep(ExemplarAction.ASSESS, assessed, null, null, "Ban Chỉ đạo phong trào thi đua Dân vận khéo",
                criteria(passed), null, null, null, null, null, null));
        if (target == ExemplarStatus.ASSESSED || recognised.isAfter(today)) {
            return;
        }
        var recognitionLevel = level.equals("PROVINCE") ? RecognitionLevel.PROVINCE
                : RecognitionLevel.DISTRICT.existsOn(recognised) && id % 3 == 0 ? RecognitionLevel.DISTRICT : RecognitionLevel.COMMUNE;
        var issuer = switch (recognitionLevel) {
            case PROVINCE -> "Ban Chỉ đạo Dân vận khéo tỉnh";
            case DISTRICT -> "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở huyện";
            default -> "Ủy ban nhân dân cấp xã";
        };
        step(id, new ExemplarStep(ExemplarAction.RECOGNISE, recognised, null, null, null, List.of(), null, recognitionLevel,
                target == ExemplarStatus.TYPICAL, (100 + id) + "/QĐ-BCĐ", issuer, null));
        if (target == ExemplarStatus.PAUSED) {
            var paused = recognised.plusDays(60);
            if (!paused.isAfter(today)) {
                step(id, ExemplarStep.simple(ExemplarAction.PAUSE, paused, "Tạm dừng vì thiếu kinh phí", null));
            }
            return;
        }
        if (target == ExemplarStatus.COMMENDED && !commended.isAfter(today)) {
            step(id, new ExemplarStep(ExemplarAction.COMMEND, commended, null, null, null, List.of(), null, null, null,
                    (2000 + id) + "/QĐ-UBND", "Chủ tịch Ủy ban nhân dân tỉnh",
                    t.kind() == ExemplarKind.COLLECTIVE ? CommendationForm.CERTIFICATE_OF_MERIT : CommendationForm.LETTER_OF_COMMENDATION));
        }
    }

    /**
     * The lineage: a road-building model of Phường Lương Văn Tri, recognised in 2025, replicated in
     * Phường Đông Kinh, whose replica, once recognised, is replicated again in Phường Bắc Kạn.
     */
    private int lineage(LocalDate today) {
        var registered = LocalDate.of(2025, 7, 15);
        var second = LocalDate.of(2026, 3, 10);
        var third = LocalDate.of(2026, 9, 15);
        if (third.isAfter(today)) {
            return 0;
        }
        var source = units.findByCode("05983", registered).filter(u -> u.validOn(registered));
        var east = units.findByCode("05977", second).filter(u -> u.validOn(second));
        var bacKan = units.findByCode("01843", third).filter(u -> u.validOn(third));
        if (source.isEmpty() || east.isEmpty() || bacKan.isEmpty()) {
            return 0;
        }
        var t = new Template(ExemplarKind.COLLECTIVE, "\"Ngày thứ Bảy cùng dân\" làm đường, làm kênh mương", null, null,
                RegistrantType.PARTY_CELL, "Đảng ủy phường", List.of("NEW_RURAL", "POLITICAL_SYSTEM"),
                "Mỗi thứ Bảy cán bộ, đảng viên cùng nhân dân làm đường, nạo vét kênh mương; dân bàn, dân làm, dân kiểm tra.");
        var ref = management.register(input(t, source.get().id(), registered), system);
        step(ref.id(), ExemplarStep.simple(ExemplarAction.START, registered.plusDays(5), null, null));
        results(ref.id(), 2025, t, 6);
        step(ref.id(), new ExemplarStep(ExemplarAction.ASSESS, LocalDate.of(2025, 11, 10), null, null, "Ban Chỉ đạo phường",
                criteria(true), null, null, null, null, null, null));
        step(ref.id(), new ExemplarStep(ExemplarAction.RECOGNISE, LocalDate.of(2025, 12, 5), null, null, null, List.of(), null,
                RecognitionLevel.PROVINCE, true, "215-QĐ/BCĐ", "Ban Chỉ đạo Dân vận khéo tỉnh Lạng Sơn", null));
        var replica = management.replicate(ref.id(), east.get().id(), second, null, null, system);
        step(replica.id(), ExemplarStep.simple(ExemplarAction.START, second.plusDays(7), null, null));
        results(replica.id(), 2026, t, 3);
        step(replica.id(), new ExemplarStep(ExemplarAction.ASSESS, LocalDate.of(2026, 6, 20), null, null, "Ban Chỉ đạo phường Đông Kinh",
                criteria(true), null, null, null, null, null, null));
        step(replica.id(), new ExemplarStep(ExemplarAction.RECOGNISE, LocalDate.of(2026, 7, 10), null, null, null, List.of(), null,
                RecognitionLevel.COMMUNE, false, "48/QĐ-UBND", "Ủy ban nhân dân phường Đông Kinh", null));
        management.replicate(replica.id(), bacKan.get().id(), third, "\"Ngày thứ Bảy cùng dân\" ở phường Bắc Kạn", null, system);
        return 3;
    }

    private void step(long id, ExemplarStep step) {
        management.step(id, step, system);
    }

    private void results(long id, int year, Template t, int scale) {
        var values = new EnumMap<ResultMeasure, BigDecimal>(ResultMeasure.class);
        values.put(ResultMeasure.PEOPLE_REACHED, BigDecimal.valueOf(120L * scale + id % 50));
        values.put(ResultMeasure.WORKDAYS, BigDecimal.valueOf(40L * scale));
        values.put(ResultMeasure.MONEY_VND, BigDecimal.valueOf(15_000_000L * scale));
        if (t.fields().contains("NEW_RURAL")) {
            values.put(ResultMeasure.LAND_M2, BigDecimal.valueOf(350L * scale));
            values.put(ResultMeasure.ROAD_M, BigDecimal.valueOf(200L * scale));
        }
        management.recordResults(id, year, values, system);
    }

    private static List<ExemplarStep.Criterion> criteria(boolean passed) {
        var scores = passed ? new int[] {17, 16, 18, 15, 14} : new int[] {8, 9, 7, 6, 5};
        var names = List.of("Tính mới, sáng tạo", "Hiệu quả kinh tế – xã hội", "Sự tham gia, đồng thuận của nhân dân",
                "Khả năng duy trì, nhân rộng", "Sức lan tỏa");
        var criteria = new ArrayList<ExemplarStep.Criterion>();
        for (int i = 0; i < names.size(); i++) {
            criteria.add(new ExemplarStep.Criterion(names.get(i), BigDecimal.valueOf(scores[i]), BigDecimal.valueOf(20)));
        }
        return criteria;
    }

    private static ExemplarInput input(Template t, long unitId, LocalDate registered) {
        return new ExemplarInput(t.kind(), t.name(), unitId, t.registrant(), t.registrantName(), t.person(), t.title(),
                "Nhân dân còn e ngại, chưa chủ động tham gia; cần cách làm gần dân, sát dân.",
                "Trên 90% hộ tham gia; không có vụ việc phức tạp phát sinh; được nhân dân đồng thuận.", t.method(),
                "Địa bàn khu dân cư; nhân dân, hội viên, đoàn viên.", "Chi bộ chủ trì; Mặt trận, các đoàn thể phối hợp; nhân dân tham gia.",
                30_000_000L, "Loa truyền thanh, nhà văn hóa", 200, 45_000_000L, registered.plusDays(20), null,
                "Biên bản họp dân, danh sách hộ tham gia, báo cáo kết quả hằng quý.", "Cách làm đơn giản, chi phí thấp, có thể nhân rộng ở các khu dân cư khác.",
                t.fields().contains("ADMIN_REFORM") || t.fields().contains("POLITICAL_SYSTEM")
                        ? "Thực hiện Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ về công tác dân vận của cơ quan hành chính nhà nước"
                        : "Phong trào thi đua \"Dân vận khéo\" năm " + registered.getYear(), registered, t.fields(),
                t.name() + ": " + t.method());
    }
}
