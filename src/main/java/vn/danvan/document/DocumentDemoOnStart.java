package vn.danvan.document;

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
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.Grant;
import vn.danvan.identity.Role;
import vn.danvan.orgunit.OrgUnits;

/**
 * Demo documents of the five seed scenarios (contracts §2, issue 6 point 8), written from the facts
 * of the seed articles and the brief §3.1 (identifiers, dates, issuers, signers and their titles,
 * figures), not from their text: 16/CT-TTg renewed by 33/CT-TTg; 79-CTr/BDVTW-BCSĐCP and its 2018
 * joint plan 1573-KH/BDVTW-BCSĐCP; 290-QĐ/TW replaced by 23-QĐ/TW; and the provincial documents of
 * Lạng Sơn (S00, S01), Thái Nguyên (S02), Bắc Kạn (S03, now part of Thái Nguyên) and Ninh Bình
 * (S04). Where a source gives no number, the document is registered without one; where it gives no
 * date for a report, the date of the meeting where it was presented is used, and the content says so.
 * Loaded once, through the registry (so every record is checked and audited), on the first start
 * with demo data.
 */
@Component
@Order(45)
class DocumentDemoOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DocumentDemoOnStart.class);
    private static final long LOCK = 0x444f_4355_4d45_4eL;

    private final DocumentRegistry registry;
    private final OrgUnits units;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;

    DocumentDemoOnStart(DocumentRegistry registry, OrgUnits units, JdbcClient jdbc, TransactionTemplate tx, Clock clock,
                        @Value("${danvan.demo.enabled}") boolean enabled) {
        this.registry = registry;
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
            if (!jdbc.sql("select exists (select 1 from document)").query(Boolean.class).single()) {
                var count = load();
                log.info("Demo documents: {} documents of the seed scenarios", count);
            }
        });
    }

    private CurrentUser system;
    private int count;

    private int load() {
        var today = LocalDate.now(clock);
        var root = unit("VN", today);
        system = new CurrentUser(0, "system", "Hệ thống", root, List.of(new Grant(0, Role.SYSTEM_ADMIN, root, Set.of())));

        // ---- central: directives, the coordination programme and its 2018 plan, the regulation on dân vận
        var ct16 = doc("16/CT-TTg", null, root, List.of(named("Thủ tướng Chính phủ")), null, null, d(2016, 5, 16), d(2016, 5, 16), null,
                "Về tăng cường và đổi mới công tác dân vận của cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới",
                "Các bộ, ngành và tỉnh, thành phố triển khai công tác dân vận chính quyền. Giai đoạn 2016–2021 được kiểm tra, "
                        + "đánh giá cùng Chương trình phối hợp 79-CTr/BDVTW-BCSĐCP (ví dụ tại Lạng Sơn ngày 28/6/2021).",
                DocumentStatus.IN_FORCE);
        var ct33 = doc("33/CT-TTg", null, root, List.of(named("Thủ tướng Chính phủ")), null, null, null, null, null,
                "Tiếp tục tăng cường, đổi mới công tác dân vận của cơ quan hành chính nhà nước, chính quyền các cấp",
                "Tiếp nối Chỉ thị 16/CT-TTg sau Đại hội XIII của Đảng. Ký cuối năm 2021 (báo chí đưa tin ngày 06/12/2021); "
                        + "ngày ký chưa được đối chiếu với bản gốc.",
                DocumentStatus.IN_FORCE);
        relate(ct33, RelationKind.RENEWS, ct16, null, "Chỉ thị 33/CT-TTg tiếp nối Chỉ thị 16/CT-TTg");

        var bdvtw = unit("TW.BDV", d(2016, 10, 11));
        var ctr79 = doc("79-CTr/BDVTW-BCSĐCP", "Chương trình phối hợp", bdvtw,
                List.of(new IssuerInput(bdvtw, "Ban Dân vận Trung ương"), named("Ban Cán sự đảng Chính phủ")), null, null,
                d(2016, 10, 11), d(2016, 10, 11), null,
                "Về công tác dân vận giai đoạn 2016–2021 giữa Ban Dân vận Trung ương và Ban Cán sự đảng Chính phủ",
                "Thực hiện bằng kế hoạch phối hợp hằng năm; Ban cán sự đảng UBND và Ban Dân vận tỉnh ủy các tỉnh xây dựng kế hoạch "
                        + "phối hợp của địa phương. Hai cơ quan ban hành đã được tổ chức lại năm 2025 (Ban Tuyên giáo và Dân vận Trung ương; "
                        + "Đảng ủy Chính phủ).",
                DocumentStatus.EXPIRED);
        var kh1573 = doc("1573-KH/BDVTW-BCSĐCP", null, bdvtw,
                List.of(new IssuerInput(bdvtw, "Ban Dân vận Trung ương"), named("Ban Cán sự đảng Chính phủ")), null, null,
                d(2018, 2, 8), d(2018, 2, 8), d(2018, 12, 31),
                "Thực hiện Chương trình phối hợp giữa Ban Dân vận Trung ương và Ban Cán sự đảng Chính phủ năm 2018 – “Năm dân vận chính quyền”",
                "Kế hoạch phối hợp năm 2018 của Chương trình 79-CTr/BDVTW-BCSĐCP.",
                DocumentStatus.EXPIRED);
        relate(kh1573, RelationKind.IMPLEMENTS, ctr79, d(2018, 2, 8), "Kế hoạch phối hợp năm 2018");

        var qd290 = doc("290-QĐ/TW", null, root, List.of(named("Bộ Chính trị (khóa X)")), null, null, d(2010, 2, 25), d(2010, 2, 25), null,
                "Về việc ban hành Quy chế công tác dân vận của hệ thống chính trị",
                "Ban Dân vận Trung ương theo dõi, kiểm tra và định kỳ báo cáo Ban Bí thư. Tổng kết 10 năm thực hiện năm 2020 "
                        + "(ví dụ đoàn kiểm tra của Ban Chỉ đạo Trung ương làm việc tại Ninh Bình ngày 29/7/2020).",
                DocumentStatus.IN_FORCE);
        var qd23 = doc("23-QĐ/TW", null, root, List.of(named("Bộ Chính trị (khóa XIII)")), null, null, d(2021, 7, 30), d(2021, 7, 30), null,
                "Ban hành Quy chế công tác dân vận của hệ thống chính trị",
                "Có hiệu lực từ ngày ký, thay thế Quyết định 290-QĐ/TW. Công tác dân vận là nhiệm vụ chiến lược, là trách nhiệm "
                        + "của cả hệ thống chính trị.",
                DocumentStatus.IN_FORCE);
        relate(qd23, RelationKind.REPLACES, qd290, d(2021, 7, 30), null);

        // ---- S00, Lạng Sơn: the province's report to the interagency team, 28/6/2021
        var ubndLs = unit("20.UBND", today);
        var reportLs = doc(null, "Báo cáo", ubndLs, List.of(new IssuerInput(ubndLs, "Ủy ban nhân dân tỉnh Lạng Sơn")), null, null,
                d(2021, 6, 28), null, null,
                "Kết quả 05 năm thực hiện Chỉ thị số 16/CT-TTg và Chương trình phối hợp số 79-CTr/BDVTW-BCSĐCP trên địa bàn tỉnh Lạng Sơn, "
                        + "giai đoạn 2016–2021",
                "Trình bày tại buổi làm việc với Đoàn công tác liên ngành do Thứ trưởng Bộ Nội vụ Triệu Văn Cường làm Trưởng đoàn, "
                        + "chiều 28/6/2021 (ngày ghi theo ngày buổi làm việc; số văn bản chưa rõ). Nổi bật: các mô hình “Dân vận khéo”, "
                        + "đề án “Chính quyền thân thiện”, đối thoại với Nhân dân, giải quyết khiếu nại, tố cáo.",
                DocumentStatus.IN_FORCE);
        relate(reportLs, RelationKind.REPORTS_ON, ct16, d(2021, 6, 28), null);
        relate(reportLs, RelationKind.REPORTS_ON, ctr79, d(2021, 6, 28), null);

        // ---- S01, Lạng Sơn: the conclusion of the quarterly briefing of 28/3/2019
        var tuLs = unit("20.TU", today);
        doc(null, "Kết luận", tuLs, List.of(new IssuerInput(tuLs, "Tỉnh ủy Lạng Sơn")),
                "Hoàng Văn Nghiệm", "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh", d(2019, 3, 28), null, null,
                "Kết luận hội nghị giao ban công tác dân vận quý I, triển khai nhiệm vụ quý II năm 2019",
                "Nhiệm vụ quý II: đổi mới, nâng cao hiệu quả dân vận chính quyền; cụ thể hóa chủ đề năm dân vận chính quyền 2019 "
                        + "“Kỷ cương, liêm chính, hành động, sáng tạo, bứt phá, hiệu quả”; phong trào “Dân vận khéo”; nắm tình hình cơ sở; "
                        + "tập huấn cán bộ; nhân rộng mô hình hay; làm điểm mô hình “Chính quyền thân thiện”; Mặt trận chuẩn bị đại hội "
                        + "nhiệm kỳ 2019–2024; Ban Dân tộc chuẩn bị Đại hội Dân tộc thiểu số lần thứ 3. Số thông báo chưa rõ.",
                DocumentStatus.IN_FORCE);

        // ---- S02, Thái Nguyên: the 2016–2021 programme, its closing review and the 2022–2026 programme (5/4/2022)
        var bdvTn = unit("19.BDV", d(2022, 4, 5));
        var issuersTn = List.of(named("Ban Cán sự đảng UBND tỉnh Thái Nguyên"), new IssuerInput(bdvTn, "Ban Dân vận Tỉnh ủy Thái Nguyên"));
        var ctrTn1621 = doc(null, "Chương trình phối hợp", bdvTn, issuersTn, null, null, null, null, null,
                "Chương trình phối hợp về công tác dân vận giai đoạn 2016–2021 giữa Ban Cán sự đảng UBND tỉnh và Ban Dân vận Tỉnh ủy Thái Nguyên",
                "Số và ngày ký chưa rõ; tổng kết ngày 05/4/2022.", DocumentStatus.EXPIRED);
        var reviewTn = doc(null, "Báo cáo", bdvTn, issuersTn, null, null, d(2022, 4, 5), null, null,
                "Tổng kết Chương trình phối hợp về công tác dân vận giai đoạn 2016–2021",
                "Hội nghị do Chủ tịch UBND tỉnh Trịnh Việt Hùng chủ trì ngày 05/4/2022 (ngày ghi theo ngày hội nghị). Trong giai đoạn, "
                        + "các cơ quan hành chính tiếp trên 38.500 lượt công dân và 408 lượt đoàn đông người, tiếp nhận gần 22.600 đơn thư; "
                        + "toàn tỉnh có gần 6.500 mô hình “Dân vận khéo” (trên 2.900 tập thể, hơn 3.500 cá nhân).",
                DocumentStatus.IN_FORCE);
        relate(reviewTn, RelationKind.REPORTS_ON, ctrTn1621, d(2022, 4, 5), null);
        var ctrTn2226 = doc(null, "Chương trình phối hợp", bdvTn, issuersTn,
                "Đặng Xuân Trường; Dương Văn Tiến",
                "Phó Bí thư Ban Cán sự đảng, Phó Chủ tịch Thường trực UBND tỉnh; Trưởng Ban Dân vận Tỉnh ủy", d(2022, 4, 5), d(2022, 4, 5), null,
                "Chương trình phối hợp về công tác dân vận giai đoạn 2022–2026 giữa Ban Cán sự đảng UBND tỉnh và Ban Dân vận Tỉnh ủy Thái Nguyên",
                "Ký kết tại hội nghị ngày 05/4/2022. Nội dung trọng tâm: phối hợp tham mưu cụ thể hóa, sơ kết, tổng kết chủ trương, "
                        + "nghị quyết về công tác dân vận; tuyên truyền, nâng cao nhận thức; chương trình tổng thể cải cách hành chính; "
                        + "phong trào “Dân vận khéo” gắn với các phong trào thi đua yêu nước. Số văn bản chưa rõ.",
                DocumentStatus.IN_FORCE);
        relate(ctrTn2226, RelationKind.RENEWS, ctrTn1621, d(2022, 4, 5), null);

        // ---- S03, Bắc Kạn (merged into Thái Nguyên in 2025): six-month review of dân vận chính quyền, 20/7/2018
        var ubndBk = unit("06.UBND", d(2018, 7, 20));
        doc(null, "Báo cáo", ubndBk, List.of(new IssuerInput(ubndBk, "Ủy ban nhân dân tỉnh Bắc Kạn")), null, null,
                d(2018, 7, 20), null, null,
                "Đánh giá công tác dân vận chính quyền 6 tháng đầu năm; phương hướng, nhiệm vụ 6 tháng cuối năm 2018",
                "Trình bày tại hội nghị ngày 20/7/2018 do Chủ tịch Ủy ban MTTQ tỉnh Lý Quang Vịnh, Trưởng ban Dân vận Tỉnh ủy Trần Thị Lộc, "
                        + "Phó Chủ tịch UBND tỉnh Phạm Duy Hưng và Giám đốc Sở Nội vụ Ma Xuân Thu đồng chủ trì (ngày ghi theo ngày hội nghị). "
                        + "Tỉnh có 21 cơ quan, tổ chức chuyên môn cấp tỉnh, 1.451 công chức, 9.247 viên chức. Hạn chế: kế hoạch cụ thể "
                        + "có lúc chưa kịp thời, cán bộ dân vận kiêm nhiệm, kiểm tra, sơ kết chưa thường xuyên.",
                DocumentStatus.ISSUER_ABOLISHED);

        // ---- S04, Ninh Bình: the report on ten years of 290-QĐ/TW to the Central Steering Committee's team, 29/7/2020
        var tuNb = unit("37.TU", d(2020, 7, 29));
        var reportNb = doc(null, "Báo cáo", tuNb, List.of(new IssuerInput(tuNb, "Ban Thường vụ Tỉnh ủy Ninh Bình")), null, null,
                d(2020, 7, 29), null, null,
                "Tổng kết 10 năm thực hiện Quyết định số 290-QĐ/TW của Bộ Chính trị (khóa X) về Quy chế công tác dân vận của hệ thống chính trị",
                "Báo cáo với Đoàn kiểm tra của Ban Chỉ đạo Trung ương do Bộ trưởng Bộ Nội vụ Lê Vĩnh Tân làm trưởng đoàn, ngày 29/7/2020 "
                        + "(ngày ghi theo ngày buổi làm việc). Bí thư Tỉnh ủy: Nguyễn Thị Thu Hà.",
                DocumentStatus.IN_FORCE);
        relate(reportNb, RelationKind.REPORTS_ON, qd290, d(2020, 7, 29), null);
        return count;
    }

    private long doc(String identifier, String kindName, long owner, List<IssuerInput> issuers, String signerName, String signerTitle,
                     LocalDate issuedOn, LocalDate effectiveFrom, LocalDate effectiveTo, String subject, String content,
                     DocumentStatus status) {
        var system = identifier == null
                ? (kindName != null && (kindName.equals("Kết luận") || issuers.stream().anyMatch(i -> i.name().contains("Đảng")
                        || i.name().contains("Tỉnh ủy") || i.name().startsWith("Ban Dân vận"))) ? DocumentSystem.PARTY : DocumentSystem.STATE)
                : null;
        count++;
        return registry.register(new DocumentInput(identifier, system, kindName, null, owner, new ArrayList<>(issuers), signerName,
                signerTitle, issuedOn, effectiveFrom, effectiveTo, subject, content, status), system());
    }

    private void relate(long from, RelationKind kind, long to, LocalDate on, String note) {
        registry.relate(from, kind, to, on, note, system());
    }

    private CurrentUser system() {
        return system;
    }

    private long unit(String code, LocalDate on) {
        return units.findByCode(code, on).map(u -> u.id())
                .orElseThrow(() -> new IllegalStateException("demo unit " + code + " not found on " + on));
    }

    private static IssuerInput named(String name) {
        return new IssuerInput(null, name);
    }

    private static LocalDate d(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }
}
