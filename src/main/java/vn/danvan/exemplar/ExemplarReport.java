package vn.danvan.exemplar;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.exemplar.ExemplarFigures.Count;
import vn.danvan.exemplar.ExemplarFigures.Figures;
import vn.danvan.exemplar.ExemplarFigures.TypicalModel;
import vn.danvan.export.OfficialDocument;
import vn.danvan.export.OfficialDocument.Table;
import vn.danvan.export.OfficialDocument.Table.Row;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.orgunit.UnitCategory;
import vn.danvan.orgunit.UnitKind;
import vn.danvan.orgunit.UnitLevel;
import vn.danvan.shared.NotFoundException;

/**
 * The year-end report "Báo cáo kết quả phong trào thi đua "Dân vận khéo" năm …" as an
 * administrative document (Decree 30/2020/NĐ-CP): issued by the unit the officer picks (a
 * province's mass mobilisation commission, a People's Committee … or an area, whose commission
 * then issues it), about the area that unit serves. Every figure comes from {@link ExemplarFigures}
 * for that area and year, written as the sentences of the movement's year-end articles and as a
 * table; the assessment and next year's tasks are left as marked paragraphs for the officer, and
 * so are the number and the date.
 */
@Component
@Transactional(readOnly = true)
class ExemplarReport {

    static final int TYPICAL_LISTED = 10;

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The document and a file name for it. */
    record Report(String fileName, OfficialDocument document, Figures figures) {
    }

    /** Who issues the report, which area it covers, the symbol of its number and its signer. */
    record Issuer(OrgUnit body, String superior, String issuing, OrgUnit area, String place, String symbol, List<String> signer) {
    }

    private final ExemplarFigures figures;
    private final ExemplarFields fields;
    private final OrgUnits units;
    private final OrgScope scope;
    private final Clock clock;

    ExemplarReport(ExemplarFigures figures, ExemplarFields fields, OrgUnits units, OrgScope scope, Clock clock) {
        this.figures = figures;
        this.fields = fields;
        this.units = units;
        this.scope = scope;
        this.clock = clock;
    }

    Report report(long unitId, int year, CurrentUser user) {
        scope.requireRead(user, unitId, "unit", unitId);
        var issuer = issuer(unitId, year);
        var f = figures.figures(issuer.area().id(), year, user);
        var typical = figures.typical(issuer.area().id(), year, TYPICAL_LISTED, user);
        var fieldNames = new LinkedHashMap<String, String>();
        fields.all().forEach(x -> fieldNames.put(x.code(), x.nameVi()));
        var document = document(issuer, f, typical, fieldNames, LocalDate.now(clock));
        var name = "bao-cao-dan-van-kheo-" + year + "-" + issuer.area().code().replaceAll("[^A-Za-z0-9]+", "-");
        return new Report(name + ".docx", document, f);
    }

    // ---- the issuer ------------------------------------------------------------------------------

    Issuer issuer(long unitId, int year) {
        var day = figures.asOf(year);
        var today = LocalDate.now(clock);
        var unit = units.find(unitId, today).or(() -> units.find(unitId, day))
                .orElseThrow(() -> new NotFoundException("unit", unitId));
        var on = unit.validOn(today) ? today : day;
        var ancestors = units.ancestors(unit.id(), on);
        OrgUnit area;
        OrgUnit body;
        if (unit.category() == UnitCategory.AREA) {
            area = unit;
            body = commissionOf(unit, on);
        } else {
            body = unit;
            area = ancestors.stream().filter(a -> a.category() == UnitCategory.AREA).max(Comparator.comparingInt(OrgUnit::depth))
                    .orElseThrow(() -> new NotFoundException("unit", unitId));
        }
        String superior = null;
        String issuing = body == null ? area.name() : body.name();
        if (body != null && body.parentId() != null) {
            var parent = body == unit ? ancestors.stream().filter(a -> a.id() == unit.parentId()).findFirst()
                    : units.find(body.parentId(), on);
            if (parent.isPresent() && parent.get().category() == UnitCategory.BODY) {
                superior = abbreviate(parent.get().name());
                issuing = stripSuffix(issuing, parent.get().name());
            }
        }
        if (superior != null) {
            issuing = stripSuffix(issuing, lowerFirst(area.name()));
        }
        var chain = new ArrayList<>(ancestors);
        chain.add(unit);
        var province = chain.stream().filter(a -> a.category() == UnitCategory.AREA && a.level() == UnitLevel.PROVINCE).findFirst()
                .or(() -> area.level() == UnitLevel.PROVINCE ? java.util.Optional.of(area) : java.util.Optional.empty());
        var place = province.map(p -> placeName(p.name())).orElse(null);
        if (body == null && area.level() != UnitLevel.CENTRAL) {
            // no commission or committee of the area in the registry: the area's People's Committee, which every
            // province and commune has, issues it
            return new Issuer(null, null, "Ủy ban nhân dân " + lowerInitial(area.name()), area, place, "UBND",
                    List.of("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"));
        }
        return new Issuer(body, superior, issuing, area, place, symbol(body == null ? null : body.code()), signerList(body));
    }

    /** The area's mass mobilisation commission (under its Party committee), else its People's Committee. */
    private OrgUnit commissionOf(OrgUnit area, LocalDate on) {
        var children = units.children(area.id(), on);
        var found = new ArrayList<OrgUnit>();
        for (var child : children) {
            found.add(child);
            if (child.kind() == UnitKind.PARTY_COMMITTEE) {
                found.addAll(units.children(child.id(), on));
            }
        }
        return found.stream().filter(u -> u.kind() == UnitKind.MASS_MOBILISATION_COMMISSION).findFirst()
                .or(() -> found.stream().filter(u -> u.kind() == UnitKind.PEOPLES_COMMITTEE).findFirst())
                .orElse(null);
    }

    // ---- the document ----------------------------------------------------------------------------

    static OfficialDocument document(Issuer issuer, Figures f, List<TypicalModel> typical, Map<String, String> fieldNames,
                                     LocalDate today) {
        int y = f.year();
        int before = y - 1;
        var where = scopeWord(issuer.area());
        var b = OfficialDocument.builder()
                .superiorBody(issuer.superior())
                .issuingBody(issuer.issuing())
                .number("…/BC-" + issuer.symbol())
                .place(issuer.place())
                .date(null)
                .kind("BÁO CÁO")
                .subject("Kết quả phong trào thi đua \"Dân vận khéo\" năm " + y);

        b.paragraph(issuer.issuing() + " báo cáo kết quả phong trào thi đua \"Dân vận khéo\" năm " + y + " trên địa bàn "
                + lowerFirst(issuer.area().name()) + " như sau:");
        b.heading("I. KẾT QUẢ THỰC HIỆN");

        var registered = f.headline("REGISTERED");
        b.heading("1. Đăng ký xây dựng mô hình, điển hình");
        if (registered.total() == 0) {
            b.paragraph("Năm " + y + ", " + where + " chưa có mô hình, điển hình nào đăng ký mới (năm " + before + ": "
                    + n(registered.previousTotal()) + ").");
        } else {
            b.paragraph("Năm " + y + ", " + where + " đăng ký " + n(registered.total()) + " mô hình, điển hình ("
                    + change(registered, y) + ")" + split(registered) + ".");
        }
        var byField = f.byField().stream().filter(c -> c.total() > 0 || nz(c.previousTotal()) > 0).toList();
        if (!byField.isEmpty()) {
            b.paragraph("Theo lĩnh vực (một mô hình có thể thuộc nhiều lĩnh vực): " + String.join("; ", byField.stream()
                    .map(c -> lowerInitial(fieldNames.getOrDefault(c.key(), c.key())) + " " + n(c.total()) + " (năm " + before + ": "
                            + n(c.previousTotal()) + ")").toList()) + ".");
        }

        var recognised = f.headline("RECOGNISED");
        var typicalCount = f.headline("TYPICAL");
        b.heading("2. Đánh giá, công nhận mô hình, điển hình");
        if (recognised.total() == 0) {
            b.paragraph("Trong năm chưa có mô hình, điển hình nào được công nhận (năm " + before + ": "
                    + n(recognised.previousTotal()) + ").");
        } else {
            var levels = f.byLevel().stream().filter(c -> c.total() > 0).toList();
            b.paragraph("Có " + n(recognised.total()) + " mô hình, điển hình được công nhận (" + change(recognised, y) + ")"
                    + split(recognised) + (levels.isEmpty() ? "" : "; theo cấp công nhận: " + String.join(", ", levels.stream()
                    .map(c -> levelWord(c.key()) + " " + n(c.total())).toList())) + ".");
        }
        if (typicalCount.total() > 0) {
            b.paragraph("Có " + n(typicalCount.total()) + " mô hình, điển hình được công nhận là tiêu biểu (" + change(typicalCount, y)
                    + ")" + split(typicalCount) + ".");
        } else {
            b.paragraph("Trong năm chưa có mô hình, điển hình nào được công nhận là tiêu biểu (năm " + before + ": "
                    + n(typicalCount.previousTotal()) + ").");
        }

        var commended = f.headline("COMMENDED");
        b.heading("3. Khen thưởng");
        if (commended.total() == 0) {
            b.paragraph("Trong năm chưa có mô hình, điển hình nào được khen thưởng (năm " + before + ": "
                    + n(commended.previousTotal()) + ").");
        } else {
            var forms = f.byCommendation().stream().filter(c -> c.total() > 0).toList();
            b.paragraph("Có " + n(commended.total()) + " mô hình, điển hình được khen thưởng (" + change(commended, y) + ")"
                    + split(commended) + (forms.isEmpty() ? "" : "; theo hình thức: " + String.join("; ", forms.stream()
                    .map(c -> formWord(c.key()) + " cho " + people(c)).toList())) + ".");
        }

        var replicated = f.headline("REPLICATED");
        b.heading("4. Nhân rộng mô hình");
        if (replicated.total() == 0) {
            b.paragraph("Trong năm chưa có mô hình mới được nhân rộng từ mô hình đã có (năm " + before + ": "
                    + n(replicated.previousTotal()) + ").");
        } else {
            b.paragraph("Có " + n(replicated.total()) + " mô hình, điển hình mới được xây dựng theo cách nhân rộng từ mô hình đã có ("
                    + change(replicated, y) + ")" + split(replicated) + ".");
        }
        if (!f.mostReplicated().isEmpty()) {
            b.paragraph("Các mô hình được nhân rộng nhiều nhất (số lần nhân rộng tính đến ngày lập báo cáo):");
            for (var t : f.mostReplicated().stream().limit(5).toList()) {
                b.indented("- " + quoted(t.name()) + " (" + t.unit().name() + "): nhân rộng " + n(t.replicas()) + " lần.");
            }
        }

        b.heading("5. Nguồn lực huy động");
        b.paragraph("Kinh phí đăng ký của các mô hình mới trong năm: " + n(f.fundsVnd()) + " đồng; nguồn xã hội hóa: "
                + n(f.socialisedVnd()) + " đồng.");
        var results = f.resources().stream().filter(r -> r.value().signum() > 0).toList();
        if (results.isEmpty()) {
            b.paragraph("Các mô hình chưa ghi nhận số liệu kết quả của năm " + y + ".");
        } else {
            b.paragraph("Kết quả các mô hình ghi nhận trong năm: " + String.join("; ", results.stream()
                    .map(r -> measureWords(r.measure(), r.value()) + " (năm " + before + ": " + d(r.previous()) + ")").toList()) + ".");
        }

        b.heading("6. Mô hình, điển hình tiêu biểu trong năm");
        if (typical.isEmpty()) {
            b.paragraph("Trong năm chưa có mô hình, điển hình nào được công nhận là tiêu biểu.");
        } else {
            for (var t : typical) {
                b.indented("- " + (t.kind() == ExemplarKind.INDIVIDUAL && t.personName() != null ? t.personName() + ": " : "")
                        + quoted(t.name()) + " (" + t.unit().name() + "); công nhận " + levelWord(t.level().name())
                        + " theo Quyết định số " + t.decisionNumber() + " ngày " + DAY.format(t.decisionDate()) + " của "
                        + t.issuer() + ".");
            }
            if (typicalCount.total() > typical.size()) {
                b.indented("- Và " + n(typicalCount.total() - typical.size()) + " mô hình, điển hình tiêu biểu khác.");
            }
        }

        b.heading("7. Biểu tổng hợp số liệu");
        b.table(table(f, fieldNames));
        b.note("Số liệu tổng hợp từ hệ thống danvan ngày " + DAY.format(today) + ", tính cả các đơn vị đã sáp nhập vào "
                + lowerFirst(issuer.area().name()) + "; đăng ký tính theo năm đăng ký, công nhận và khen thưởng theo năm quyết định.");

        b.heading("II. ĐÁNH GIÁ CHUNG");
        b.note("[Phần này do cơ quan soạn thảo viết: ưu điểm, hạn chế, nguyên nhân và bài học kinh nghiệm. "
                + "Hệ thống không tự đưa ra nhận định.]");
        b.heading("III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM " + (y + 1));
        b.note("[Phần này do cơ quan soạn thảo viết: phương hướng, nhiệm vụ và giải pháp năm " + (y + 1) + ".]");
        b.paragraph("Trên đây là báo cáo kết quả phong trào thi đua \"Dân vận khéo\" năm " + y + " của "
                + lowerFirst(issuer.issuing()) + "./.");

        b.recipient("……………… (để báo cáo);").recipient("Lưu: VT.");
        b.signer(issuer.signer().toArray(String[]::new));
        return b.build();
    }

    static Table table(Figures f, Map<String, String> fieldNames) {
        int y = f.year();
        var rows = new ArrayList<Row>();
        var labels = Map.of("REGISTERED", "Đăng ký mới", "RECOGNISED", "Được công nhận", "TYPICAL", "Được công nhận tiêu biểu",
                "COMMENDED", "Được khen thưởng", "REPLICATED", "Nhân rộng mới");
        rows.add(Row.bold("1. Mô hình, điển hình", "", "", "", "", ""));
        for (var c : f.headline()) {
            rows.add(row("- " + labels.get(c.key()), c));
        }
        var levels = f.byLevel().stream().filter(c -> c.total() > 0 || nz(c.previousTotal()) > 0).toList();
        if (!levels.isEmpty()) {
            rows.add(Row.bold("2. Được công nhận, theo cấp", "", "", "", "", ""));
            levels.forEach(c -> rows.add(row("- " + upperFirst(levelWord(c.key())), c)));
        }
        var byField = f.byField().stream().filter(c -> c.total() > 0 || nz(c.previousTotal()) > 0).toList();
        if (!byField.isEmpty()) {
            rows.add(Row.bold("3. Đăng ký mới, theo lĩnh vực", "", "", "", "", ""));
            byField.forEach(c -> rows.add(row("- " + fieldNames.getOrDefault(c.key(), c.key()), c)));
        }
        var forms = f.byCommendation().stream().filter(c -> c.total() > 0 || nz(c.previousTotal()) > 0).toList();
        if (!forms.isEmpty()) {
            rows.add(Row.bold("4. Khen thưởng, theo hình thức", "", "", "", "", ""));
            forms.forEach(c -> rows.add(row("- " + formWord(c.key()), c)));
        }
        return new Table(List.of("Chỉ tiêu", "Năm " + (y - 1), "Năm " + y, "Trong đó: tập thể", "Trong đó: cá nhân",
                "Tăng, giảm so với năm " + (y - 1)), rows, List.of(30, 11, 11, 11, 11, 13));
    }

    private static Row row(String label, Count c) {
        var pct = c.changePercent();
        var changeText = pct == null ? "–" : (pct.signum() > 0 ? "+" : pct.signum() < 0 ? "−" : "") + decimal(pct.abs()) + "%";
        return Row.of(label, n(c.previousTotal()), n(c.total()), n(c.collective()), n(c.individual()), changeText);
    }

    // ---- words -----------------------------------------------------------------------------------

    /** ", trong đó 5 mô hình tập thể, 3 điển hình cá nhân"; ", đều là mô hình tập thể" when one kind has none. */
    static String split(Count c) {
        if (c.collective() > 0 && c.individual() > 0) {
            return ", trong đó " + n(c.collective()) + " mô hình tập thể, " + n(c.individual()) + " điển hình cá nhân";
        }
        if (c.collective() > 0) {
            return ", đều là mô hình tập thể";
        }
        return c.individual() > 0 ? ", đều là điển hình cá nhân" : "";
    }

    /** "28 tập thể, 12 cá nhân", leaving out a kind with none. */
    static String people(Count c) {
        var parts = new ArrayList<String>();
        if (c.collective() > 0) {
            parts.add(n(c.collective()) + " tập thể");
        }
        if (c.individual() > 0) {
            parts.add(n(c.individual()) + " cá nhân");
        }
        return String.join(", ", parts);
    }

    /** A model's name in quotes, unless the officer already quoted (part of) it. */
    static String quoted(String name) {
        return name.contains("\"") || name.contains("“") ? name : "\"" + name + "\"";
    }

    /** "Kinh tế" → "kinh tế"; "Xây dựng Đảng …" → "xây dựng Đảng …" (a common noun inside a sentence). */
    static String lowerInitial(String s) {
        return s == null || s.isEmpty() ? s : s.substring(0, 1).toLowerCase(VI) + s.substring(1);
    }

    /** "tăng 12,5% so với năm 2025", "giảm 3% …", "bằng năm 2025", "năm 2025 chưa có". */
    static String change(Count c, int year) {
        var before = nz(c.previousTotal());
        if (before == 0) {
            return "năm " + (year - 1) + " chưa có";
        }
        if (before == c.total()) {
            return "bằng năm " + (year - 1);
        }
        var pct = c.changePercent();
        return (pct.signum() >= 0 && c.total() > before ? "tăng " : "giảm ") + decimal(pct.abs()) + "% so với năm " + (year - 1);
    }

    /** "toàn tỉnh", "toàn phường", "toàn quốc" … */
    static String scopeWord(OrgUnit area) {
        if (area.kind() == null) {
            return "toàn đơn vị";
        }
        return switch (area.kind()) {
            case CENTRAL -> "toàn quốc";
            case PROVINCE -> "toàn tỉnh";
            case MUNICIPALITY, PROVINCIAL_CITY, MUNICIPAL_CITY -> "toàn thành phố";
            case URBAN_DISTRICT -> "toàn quận";
            case RURAL_DISTRICT -> "toàn huyện";
            case DISTRICT_TOWN -> "toàn thị xã";
            case COMMUNE -> "toàn xã";
            case WARD -> "toàn phường";
            case TOWNSHIP -> "toàn thị trấn";
            case SPECIAL_ZONE -> "toàn đặc khu";
            default -> "toàn " + lowerFirst(area.name());
        };
    }

    static String levelWord(String level) {
        return switch (level) {
            case "COMMUNE" -> "cấp xã";
            case "DISTRICT" -> "cấp huyện";
            case "PROVINCE" -> "cấp tỉnh";
            case "CENTRAL" -> "cấp Trung ương";
            default -> level;
        };
    }

    static String formWord(String form) {
        return switch (form) {
            case "CERTIFICATE_OF_MERIT" -> "Bằng khen";
            case "LETTER_OF_COMMENDATION" -> "Giấy khen";
            case "CERTIFICATE" -> "Giấy chứng nhận";
            default -> form;
        };
    }

    static String measureWords(ResultMeasure measure, BigDecimal value) {
        return switch (measure) {
            case PEOPLE_REACHED -> d(value) + " người được hưởng lợi, tham gia";
            case HOUSEHOLDS -> d(value) + " hộ tham gia";
            case MONEY_VND -> d(value) + " đồng được huy động";
            case WORKDAYS -> d(value) + " ngày công";
            case LAND_M2 -> d(value) + " m² đất được hiến";
            case ROAD_M -> d(value) + " m đường được làm mới, sửa chữa";
        };
    }

    private static List<String> signerList(OrgUnit body) {
        if (body == null || body.kind() == null) {
            return List.of("THỦ TRƯỞNG CƠ QUAN");
        }
        var name = body.name().toLowerCase(VI);
        return switch (body.kind()) {
            case MASS_MOBILISATION_COMMISSION -> List.of(name.startsWith("ban") ? "TRƯỞNG BAN" : "THỦ TRƯỞNG CƠ QUAN");
            case PEOPLES_COMMITTEE -> List.of("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH");
            default -> List.of("THỦ TRƯỞNG CƠ QUAN");
        };
    }

    /** 1234567 → "1.234.567"; null → "0". */
    static String n(Long value) {
        return ExemplarXlsx.grouped(value == null ? 0 : value);
    }

    static String n(long value) {
        return ExemplarXlsx.grouped(value);
    }

    /** 12.5 → "12,5"; 1234.50 → "1.234,5". */
    static String decimal(BigDecimal value) {
        var format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.GERMANY));
        return format.format(value);
    }

    private static String d(BigDecimal value) {
        return decimal(value == null ? BigDecimal.ZERO : value);
    }

    private static long nz(Long value) {
        return value == null ? 0 : value;
    }

    /** "Ủy ban nhân dân tỉnh Lạng Sơn" → "UBND tỉnh Lạng Sơn". */
    static String abbreviate(String name) {
        for (var full : List.of("Ủy ban nhân dân ", "Uỷ ban nhân dân ")) {
            if (name.regionMatches(true, 0, full, 0, full.length())) {
                return "UBND " + name.substring(full.length());
            }
        }
        return name;
    }

    /** "Tỉnh Lạng Sơn" → "Lạng Sơn". */
    static String placeName(String provinceName) {
        for (var prefix : List.of("Thành phố ", "Tỉnh ")) {
            if (provinceName.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return provinceName.substring(prefix.length()).strip();
            }
        }
        return provinceName.strip();
    }

    /** "20.BTGDV" → "BTGDV"; "…" when the code has no letters after its last dot. */
    static String symbol(String code) {
        if (code == null) {
            return "…";
        }
        var dot = code.lastIndexOf('.');
        var tail = dot < 0 ? "" : code.substring(dot + 1);
        return tail.matches("[A-Za-z]+") ? tail.toUpperCase(Locale.ROOT) : "…";
    }

    private static String stripSuffix(String name, String suffix) {
        var s = " " + suffix.strip();
        if (name.toLowerCase(VI).endsWith(s.toLowerCase(VI)) && name.length() > s.length()) {
            return name.substring(0, name.length() - s.length()).strip();
        }
        return name;
    }

    static String lowerFirst(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        // "Ban Dân vận …", "Ủy ban nhân dân …" keep their capital inside a sentence only for proper names;
        // area words (Tỉnh, Phường, Xã) are common nouns.
        for (var word : List.of("Tỉnh ", "Thành phố ", "Phường ", "Xã ", "Quận ", "Huyện ", "Thị xã ", "Thị trấn ", "Đặc khu ")) {
            if (s.startsWith(word)) {
                return s.substring(0, 1).toLowerCase(VI) + s.substring(1);
            }
        }
        return s;
    }

    private static String upperFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(VI) + s.substring(1);
    }
}
