package vn.danvan.dialogue;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.dialogue.DialogueViews.DialogueDetail;
import vn.danvan.export.Docx;
import vn.danvan.export.OfficialDocument;
import vn.danvan.export.PartyDocx;
import vn.danvan.identity.CurrentUser;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.orgunit.UnitCategory;
import vn.danvan.orgunit.UnitKind;
import vn.danvan.orgunit.UnitLevel;

/**
 * The dialogue's summary report (báo cáo kết quả hội nghị đối thoại) as a Word draft in the official
 * layout — the Party's (Guidance 36-HD/VPTW) when a Party body organised it, the State's (Decree 30/2020)
 * otherwise — with its figures: opinions raised, answered on the spot, assigned, resolved; the answers and
 * the commitments with their units, deadlines and status. Speakers are never named: "một người dân", "một
 * tổ chức". The number and date are left for the office to fill on issue.
 */
@Service
@Transactional(readOnly = true)
public class DialogueReport {

    /** A generated file. */
    public record GeneratedFile(String fileName, byte[] content) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final DialogueQueries queries;
    private final OrgUnits units;

    DialogueReport(DialogueQueries queries, OrgUnits units) {
        this.queries = queries;
        this.units = units;
    }

    /** @throws vn.danvan.shared.NotFoundException when the dialogue is outside the user's scope */
    public GeneratedFile summary(long dialogueId, CurrentUser user) {
        var d = queries.detail(dialogueId, user);
        var host = units.get(d.unit().id(), d.heldOn());
        var party = host.kind() == UnitKind.PARTY_COMMITTEE || host.kind() == UnitKind.MASS_MOBILISATION_COMMISSION;
        var doc = OfficialDocument.builder().superiorBody(superior(host, d)).issuingBody(host.name())
                .number(null).place(place(host, d)).date(null)
                .kind("BÁO CÁO").subject("Kết quả " + lowerFirst(d.title()));
        var intro = new StringBuilder("Ngày " + d.heldOn().format(DAY));
        if (d.place() != null) {
            intro.append(", tại ").append(d.place());
        }
        intro.append(", ").append(host.name()).append(" tổ chức ").append(lowerFirst(d.title())).append('.');
        if (d.chair() != null) {
            intro.append(" Đồng chí ").append(d.chair().label()).append(" chủ trì.");
        }
        doc.paragraph(intro.toString());
        if (!d.participants().isEmpty()) {
            doc.paragraph("Tham dự hội nghị có " + String.join(", ", d.participants().stream()
                    .map(p -> String.format(VI, "%,d", p.count()).replace(',', '.') + " " + audience(p.audience())).toList())
                    + " (tổng số " + String.format(VI, "%,d", d.participantsTotal()).replace(',', '.') + " người).");
        }
        var f = d.figures();
        doc.heading("I. KẾT QUẢ HỘI NGHỊ");
        doc.table(new OfficialDocument.Table(List.of("Chỉ tiêu", "Số lượng"), List.of(
                OfficialDocument.Table.Row.of("Ý kiến, kiến nghị được nêu", Long.toString(f.raised())),
                OfficialDocument.Table.Row.of("Trả lời trực tiếp tại hội nghị", Long.toString(f.answered())),
                OfficialDocument.Table.Row.of("Giao cơ quan, đơn vị giải quyết (cam kết)", Long.toString(f.assigned())),
                OfficialDocument.Table.Row.of("Đã giải quyết xong", Long.toString(f.resolved()))), List.of(9, 3)));
        var answered = d.opinions().stream().filter(o -> o.answer() != null).toList();
        if (!answered.isEmpty()) {
            doc.heading("II. CÁC Ý KIẾN ĐƯỢC TRẢ LỜI TẠI HỘI NGHỊ");
            int i = 1;
            for (var o : answered) {
                doc.paragraph(i++ + ". " + speaker(o.speakerKind()) + " nêu: " + o.topic());
                doc.indented("Trả lời" + (o.answeredBy() != null ? " (đồng chí " + o.answeredBy().label() + ")" : "") + ": " + o.answer());
            }
        }
        var assigned = d.opinions().stream().filter(o -> o.commitment() != null).toList();
        if (!assigned.isEmpty()) {
            doc.heading(answered.isEmpty() ? "II. CÁC NỘI DUNG GIAO GIẢI QUYẾT" : "III. CÁC NỘI DUNG GIAO GIẢI QUYẾT");
            var rows = new ArrayList<OfficialDocument.Table.Row>();
            int i = 1;
            for (var o : assigned) {
                var c = o.commitment();
                rows.add(OfficialDocument.Table.Row.of(Integer.toString(i++), c.title(), c.unitName() == null ? "" : c.unitName(),
                        c.dueOn() == null ? "" : c.dueOn().format(DAY), status(c.status())));
            }
            doc.table(new OfficialDocument.Table(List.of("TT", "Nội dung", "Đơn vị giải quyết", "Thời hạn", "Tình hình"), rows,
                    List.of(1, 6, 4, 2, 2)));
        }
        if (d.summary() != null) {
            doc.heading("ĐÁNH GIÁ CHUNG");
            for (var line : d.summary().split("\\R")) {
                if (!line.isBlank()) {
                    doc.paragraph(line.strip());
                }
            }
        }
        doc.paragraph(host.name() + " báo cáo kết quả hội nghị đối thoại./.");
        doc.recipient("Cấp ủy, chính quyền cấp trên");
        doc.recipient("Các cơ quan, đơn vị được giao giải quyết");
        doc.recipient("Lưu VT");
        doc.signer(party ? "T/M " + host.name() : "TM. " + host.name());
        if (d.chair() != null) {
            doc.signerName(d.chair().name());
        }
        var built = doc.build();
        return new GeneratedFile("bao-cao-doi-thoai-" + d.id() + ".docx", party ? PartyDocx.write(built) : Docx.write(built));
    }

    static String audience(Audience a) {
        return switch (a) {
            case PEOPLE -> "người dân";
            case BUSINESSES -> "đại diện doanh nghiệp";
            case UNION_MEMBERS -> "đoàn viên công đoàn";
            case YOUTH -> "đoàn viên, thanh niên";
            case WOMEN -> "hội viên phụ nữ";
            case FARMERS -> "hội viên nông dân";
            case OTHER -> "đại biểu khác";
        };
    }

    static String speaker(SpeakerKind k) {
        return switch (k) {
            case PERSON -> "Một người dân";
            case ORGANISATION -> "Một tổ chức, doanh nghiệp";
            case ANONYMOUS -> "Ý kiến không nêu tên";
        };
    }

    static String status(String s) {
        return switch (s) {
            case "DONE" -> "Đã giải quyết";
            case "OVERDUE" -> "Quá hạn";
            case "IN_PROGRESS" -> "Đang giải quyết";
            case "CANCELLED" -> "Đã hủy";
            default -> "Chưa thực hiện";
        };
    }

    private String superior(OrgUnit host, DialogueDetail d) {
        if (host.parentId() == null) {
            return null;
        }
        return units.find(host.parentId(), d.heldOn()).filter(p -> p.category() == UnitCategory.BODY).map(OrgUnit::name).orElse(null);
    }

    private String place(OrgUnit host, DialogueDetail d) {
        var chain = new ArrayList<>(units.ancestors(host.id(), d.heldOn()));
        chain.add(host);
        for (var u : chain) {
            if (u.level() == UnitLevel.PROVINCE && u.category() == UnitCategory.AREA) {
                return u.name().replaceFirst("^(Tỉnh|Thành phố) ", "");
            }
        }
        return "Hà Nội";
    }

    private static String lowerFirst(String s) {
        return s == null || s.isEmpty() ? "" : s.substring(0, 1).toLowerCase(VI) + s.substring(1);
    }
}
