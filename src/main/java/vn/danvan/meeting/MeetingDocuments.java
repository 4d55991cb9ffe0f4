package vn.danvan.meeting;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.export.Docx;
import vn.danvan.export.OfficialDocument;
import vn.danvan.export.PartyDocx;
import vn.danvan.identity.CurrentUser;
import vn.danvan.meeting.MeetingViews.MeetingDetail;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.orgunit.UnitCategory;
import vn.danvan.orgunit.UnitLevel;
import vn.danvan.person.People;

/**
 * The invitation (giấy mời) and the conclusion notice (thông báo kết luận) of a conference as Word
 * drafts: in the Party layout (Guidance 36-HD/VPTW) when the host is a Party body, in the State layout
 * (Decree 30/2020) otherwise. The number and the date are left blank for the office to fill on issue.
 */
@Service
@Transactional(readOnly = true)
public class MeetingDocuments {

    /** A generated file. */
    public record GeneratedFile(String fileName, byte[] content) {
    }

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final MeetingQueries queries;
    private final OrgUnits units;
    private final People people;

    MeetingDocuments(MeetingQueries queries, OrgUnits units, People people) {
        this.queries = queries;
        this.units = units;
        this.people = people;
    }

    /** @throws vn.danvan.shared.NotFoundException when the meeting is outside the user's scope */
    public GeneratedFile invitation(long meetingId, CurrentUser user) {
        var m = queries.detail(meetingId, user);
        var d = header(m, "GM").kind("GIẤY MỜI").subject("Dự " + lowerFirst(m.title()));
        d.paragraph(m.hostUnit().name() + " trân trọng kính mời đại diện lãnh đạo các cơ quan, đơn vị dự " + lowerFirst(m.title()) + ".");
        if (m.chair() != null) {
            d.paragraph("Chủ trì: đồng chí " + m.chair().label() + ".");
        }
        if (!m.coChairs().isEmpty()) {
            d.paragraph("Đồng chủ trì: " + String.join("; ", m.coChairs().stream().map(c -> "đồng chí " + c.label()).toList()) + ".");
        }
        d.paragraph("Thời gian: " + when(m.startsAt(), m.endsAt()) + ".");
        if (m.place() != null) {
            d.paragraph("Địa điểm: " + m.place() + ".");
        }
        if (!m.agenda().isEmpty()) {
            d.paragraph("Nội dung:");
            for (int i = 0; i < m.agenda().size(); i++) {
                d.indented((i + 1) + ". " + m.agenda().get(i));
            }
        }
        if (m.reviewedDocument() != null) {
            d.paragraph("Văn bản được đánh giá: " + m.reviewedDocument().label() + ".");
        }
        d.paragraph("Đề nghị các đồng chí sắp xếp thời gian dự đầy đủ, đúng giờ./.");
        d.recipient("Như thành phần mời");
        m.participatingUnits().forEach(u -> d.recipient(u.name()));
        d.recipient("Lưu VT");
        signer(d, m);
        var doc = d.build();
        return new GeneratedFile("giay-moi-hoi-nghi-" + m.id() + ".docx", m.partyHost() ? PartyDocx.write(doc) : Docx.write(doc));
    }

    /** @throws vn.danvan.shared.NotFoundException when the meeting is outside the user's scope */
    public GeneratedFile conclusionNotice(long meetingId, CurrentUser user) {
        var m = queries.detail(meetingId, user);
        var chair = m.chair();
        var subject = chair != null ? "Kết luận của đồng chí " + chair.label() + " tại " + lowerFirst(m.title())
                : "Kết luận " + lowerFirst(m.title());
        var d = header(m, "TB").kind("THÔNG BÁO").subject(subject);
        var intro = new StringBuilder("Ngày " + m.startsAt().format(DAY));
        if (m.place() != null) {
            intro.append(", tại ").append(m.place());
        }
        intro.append(", ").append(m.hostUnit().name()).append(" tổ chức ").append(lowerFirst(m.title())).append('.');
        if (chair != null) {
            intro.append(" Đồng chí ").append(chair.label()).append(" chủ trì");
            if (!m.coChairs().isEmpty()) {
                intro.append("; đồng chủ trì: ").append(String.join("; ", m.coChairs().stream().map(c -> "đồng chí " + c.label()).toList()));
            }
            intro.append('.');
        }
        if (!m.participatingUnits().isEmpty()) {
            intro.append(" Dự hội nghị có đại diện lãnh đạo: ")
                    .append(String.join(", ", m.participatingUnits().stream().map(u -> u.name()).toList())).append('.');
        }
        d.paragraph(intro.toString());
        if (!m.reports().isEmpty()) {
            d.paragraph("Hội nghị đã nghe: " + String.join("; ", m.reports().stream().map(r -> r.label()).toList()) + ".");
        }
        if (!m.opinions().isEmpty()) {
            d.paragraph("Ý kiến phát biểu của " + String.join(", ", m.opinions().stream().map(o -> o.unit().name()).distinct().toList()) + ".");
        }
        d.paragraph((chair != null ? "Đồng chí chủ trì" : "Hội nghị") + " kết luận như sau:");
        if (m.conclusionSummary() != null) {
            for (var line : m.conclusionSummary().split("\\R")) {
                if (!line.isBlank()) {
                    d.paragraph(line.strip());
                }
            }
        } else {
            d.note("(Nội dung kết luận)");
        }
        if (!m.tasks().isEmpty()) {
            d.heading("Nhiệm vụ giao:");
            var rows = new ArrayList<OfficialDocument.Table.Row>();
            for (int i = 0; i < m.tasks().size(); i++) {
                var t = m.tasks().get(i);
                rows.add(OfficialDocument.Table.Row.of(Integer.toString(i + 1), t.title(), t.responsibleUnitName(),
                        t.dueOn() == null ? "" : t.dueOn().format(DAY)));
            }
            d.table(new OfficialDocument.Table(List.of("TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn"), rows, List.of(1, 7, 4, 2)));
        }
        d.paragraph(m.hostUnit().name() + " thông báo để các cơ quan, đơn vị biết, thực hiện./.");
        d.recipient("Các đơn vị dự hội nghị");
        m.participatingUnits().forEach(u -> d.recipient(u.name()));
        d.recipient("Lưu VT");
        signer(d, m);
        var doc = d.build();
        return new GeneratedFile("thong-bao-ket-luan-" + m.id() + ".docx", m.partyHost() ? PartyDocx.write(doc) : Docx.write(doc));
    }

    private OfficialDocument.Builder header(MeetingDetail m, String type) {
        var day = m.date();
        var host = units.get(m.hostUnit().id(), day);
        String superior = null;
        if (host.parentId() != null) {
            var parent = units.find(host.parentId(), day).orElse(null);
            if (parent != null && parent.category() == UnitCategory.BODY) {
                superior = parent.name();
            }
        }
        return OfficialDocument.builder().superiorBody(superior).issuingBody(host.name()).number(numberBlank(host, type, m.partyHost()))
                .place(place(host, day)).date(null);
    }

    /**
     * The number line with the number left blank and the symbol filled when the host's abbreviation is
     * known: "      -TB/TU" (Party), "      /GM-UBND" (State); null (all blank) otherwise.
     */
    static String numberBlank(OrgUnit host, String type, boolean party) {
        var abbreviation = abbreviation(host);
        if (abbreviation == null) {
            return null;
        }
        return party ? "      -" + type + "/" + abbreviation : "      /" + type + "-" + abbreviation;
    }

    static String abbreviation(OrgUnit u) {
        if (u.kind() == null) {
            return null;
        }
        boolean dvOnly = u.name() != null && u.name().startsWith("Ban Dân vận");
        return switch (u.kind()) {
            case PARTY_COMMITTEE -> switch (u.level()) {
                case CENTRAL -> "TW";
                case PROVINCE -> "TU";
                case DISTRICT -> "HU";
                case COMMUNE -> "ĐU";
                default -> null;
            };
            case MASS_MOBILISATION_COMMISSION -> switch (u.level()) {
                case CENTRAL -> dvOnly ? "BDVTW" : "BTGDVTW";
                case PROVINCE -> dvOnly ? "BDVTU" : "BTGDVTU";
                case DISTRICT -> dvOnly ? "BDVHU" : null;
                default -> null;
            };
            case PEOPLES_COMMITTEE -> "UBND";
            case PEOPLES_COUNCIL -> "HĐND";
            case FATHERLAND_FRONT -> "MTTQ";
            default -> null;
        };
    }

    /** The place name of the date line: the province (without its kind) the host sits in; "Hà Nội" for central bodies. */
    private String place(OrgUnit host, java.time.LocalDate day) {
        var chain = new ArrayList<>(units.ancestors(host.id(), day));
        chain.add(host);
        for (var u : chain) {
            if (u.level() == UnitLevel.PROVINCE && u.category() == UnitCategory.AREA) {
                return u.name().replaceFirst("^(Tỉnh|Thành phố) ", "");
            }
        }
        return "Hà Nội";
    }

    /**
     * Signed for the host by the chair or a co-chair who held a position in the host unit on the day
     * (the title of that position under "T/M …" or "TM. …"); when none did — a visiting team's leader
     * chairs a working session — the name is left for the host to fill.
     */
    private void signer(OfficialDocument.Builder d, MeetingDetail m) {
        var collective = m.partyHost() ? "T/M " + m.hostUnit().name() : "TM. " + m.hostUnit().name();
        for (var c : m.chairs()) {
            var atHost = people.positionsOn(c.personId(), m.date()).stream().filter(p -> p.unitId() == m.hostUnit().id()).findFirst();
            if (atHost.isPresent()) {
                d.signer(collective, atHost.get().title()).signerName(c.name());
                return;
            }
        }
        d.signer(collective);
    }

    static String when(LocalDateTime start, LocalDateTime end) {
        var text = new StringBuilder(String.format("%02d giờ %02d", start.getHour(), start.getMinute()));
        if (end.toLocalDate().equals(start.toLocalDate())) {
            text.append(" đến ").append(String.format("%02d giờ %02d", end.getHour(), end.getMinute()));
        }
        text.append(", ").append(weekday(start)).append(", ngày ").append(start.format(DAY));
        if (!end.toLocalDate().equals(start.toLocalDate())) {
            text.append(" đến ").append(String.format("%02d giờ %02d", end.getHour(), end.getMinute())).append(", ngày ")
                    .append(end.format(DAY));
        }
        return text.toString();
    }

    private static String weekday(LocalDateTime t) {
        return switch (t.getDayOfWeek()) {
            case MONDAY -> "thứ Hai";
            case TUESDAY -> "thứ Ba";
            case WEDNESDAY -> "thứ Tư";
            case THURSDAY -> "thứ Năm";
            case FRIDAY -> "thứ Sáu";
            case SATURDAY -> "thứ Bảy";
            case SUNDAY -> "Chủ nhật";
        };
    }

    private static String lowerFirst(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        // "Hội nghị giao ban …" → "hội nghị giao ban …" inside a sentence; proper names start further in
        return s.substring(0, 1).toLowerCase(VI) + s.substring(1);
    }
}
