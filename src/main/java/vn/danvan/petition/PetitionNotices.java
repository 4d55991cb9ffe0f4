package vn.danvan.petition;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;
import vn.danvan.calendar.Complexity;
import vn.danvan.calendar.DayUnit;
import vn.danvan.calendar.DeadlineRule;
import vn.danvan.calendar.LegalDeadlines;
import vn.danvan.export.Docx;
import vn.danvan.export.OfficialDocument;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.petition.PetitionViews.MatterDetail;
import vn.danvan.petition.PetitionViews.PetitionDetail;
import vn.danvan.petition.PetitionViews.Step;
import vn.danvan.shared.NotFoundException;

/**
 * The written notices of case work as Word files laid out per Decree 30/2020/NĐ-CP, for the officer
 * to complete, sign and send: acceptance and refusal of a matter (thông báo thụ lý / không thụ lý,
 * Luật Khiếu nại 2011 Điều 27, Luật Tố cáo 2018 Điều 29), the forwarding slip (phiếu chuyển đơn) and
 * the guidance slip (phiếu hướng dẫn) of a petition (Thông tư 05/2021/TT-TTCP).
 * <p>The reads go through {@link PetitionQueries}, so scope is checked as for the screens (outside it:
 * 404) and persons come masked exactly as the detail page shows them: a protected identity (a
 * denouncer) is never written into a notice; the notice leaves a dotted blank for the officer to fill
 * by hand instead. The issuing body is the unit owning the case; a number not recorded on the step
 * is left blank ("      /TB-BTCD").
 */
@Controller
class PetitionNotices {

    static final MediaType DOCX = MediaType.parseMediaType(Docx.CONTENT_TYPE);
    static final String BLANK = "…………………………";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final PetitionQueries queries;
    private final NoticeIssuers issuers;
    private final CurrentUsers users;
    private final LegalDeadlines deadlines;
    private final MessageSource messages;
    private final Clock clock;

    PetitionNotices(PetitionQueries queries, NoticeIssuers issuers, CurrentUsers users, LegalDeadlines deadlines,
                    MessageSource messages, Clock clock) {
        this.queries = queries;
        this.issuers = issuers;
        this.users = users;
        this.deadlines = deadlines;
        this.messages = messages;
        this.clock = clock;
    }

    // ---- matters ---------------------------------------------------------------------------------

    /** Thông báo thụ lý giải quyết khiếu nại / tố cáo: only once the matter was accepted. */
    @GetMapping("/matters/{id}/notices/acceptance.docx")
    ResponseEntity<byte[]> acceptance(@PathVariable long id) {
        var user = users.require();
        var m = queries.matter(id, user);
        if (m.acceptedOn() == null) {
            throw new NotFoundException("page", "/matters/" + id + "/notices/acceptance.docx");
        }
        var petitions = petitionsOf(m, user);
        var addressee = addressee(petitions);
        var issuer = issuers.issuer(m.unit().id(), m.acceptedOn());
        var kind = kindText(m.contentKind());
        var step = lastStep(m.steps(), StepKind.ACCEPTED);

        var doc = issuer.start()
                .number(NoticeIssuers.number(step.map(Step::documentNumber).orElse(m.acceptanceNumber()), "TB", issuer))
                .date(m.acceptedOn())
                .kind("Thông báo")
                .subject("Về việc thụ lý giải quyết " + kind);
        doc.paragraph("Kính gửi: " + addressee.salutation());
        for (var p : petitions) {
            doc.paragraph(received(p, issuer, kind));
        }
        doc.paragraph(acceptanceBasis(m) + ", " + issuer.name() + " thụ lý giải quyết " + kind + " kể từ ngày "
                + day(m.acceptedOn()) + " (vụ việc số " + m.number() + (m.round() == 2 ? ", giải quyết lần hai" : "") + ").");
        if (m.due() != null && m.due().dueOn() != null) {
            doc.paragraph("Thời hạn giải quyết" + ruleText(m) + ": chậm nhất đến ngày " + day(m.due().dueOn()) + ".");
        }
        if (m.contentKind() == ContentKind.DENUNCIATION) {
            doc.paragraph("Họ tên, địa chỉ, bút tích của người tố cáo và các thông tin có thể làm lộ danh tính người tố cáo "
                    + "được giữ bí mật theo quy định của Luật Tố cáo năm 2018.");
        }
        doc.paragraph(issuer.name() + " thông báo để " + addressee.reference() + " biết./.");
        doc.recipients(List.of(addressee.known() ? addressee.recipient() + ";" : "Như trên;", "Lưu: VT, hồ sơ vụ việc " + m.number() + "."));
        return docx("thong-bao-thu-ly-" + m.number(), doc.build());
    }

    /** Thông báo không thụ lý giải quyết khiếu nại / tố cáo, with the reason given or recorded. */
    @GetMapping("/matters/{id}/notices/refusal.docx")
    ResponseEntity<byte[]> refusal(@PathVariable long id, @RequestParam(required = false) String reason) {
        var user = users.require();
        var m = queries.matter(id, user);
        var step = lastStep(m.steps(), StepKind.NOT_ACCEPTED);
        if (m.status() != MatterStatus.NOT_ACCEPTED && step.isEmpty()) {
            throw new NotFoundException("page", "/matters/" + id + "/notices/refusal.docx");
        }
        var petitions = petitionsOf(m, user);
        var addressee = addressee(petitions);
        var day = step.map(Step::day).orElse(m.closedOn() != null ? m.closedOn() : LocalDate.now(clock));
        var issuer = issuers.issuer(m.unit().id(), day);
        var kind = kindText(m.contentKind());

        var doc = issuer.start()
                .number(NoticeIssuers.number(step.map(Step::documentNumber).orElse(null), "TB", issuer))
                .date(day)
                .kind("Thông báo")
                .subject("Về việc không thụ lý giải quyết " + kind);
        doc.paragraph("Kính gửi: " + addressee.salutation());
        for (var p : petitions) {
            doc.paragraph(received(p, issuer, kind));
        }
        doc.paragraph("Sau khi xem xét, " + issuer.name() + " không thụ lý giải quyết " + kind + " (vụ việc số " + m.number()
                + ") vì lý do sau:");
        doc.indented(refusalReason(reason, step, petitions));
        doc.paragraph(refusalBasis(m.contentKind()) + ", " + issuer.name() + " thông báo để " + addressee.reference() + " biết./.");
        doc.recipients(List.of(addressee.known() ? addressee.recipient() + ";" : "Như trên;", "Lưu: VT, hồ sơ vụ việc " + m.number() + "."));
        return docx("thong-bao-khong-thu-ly-" + m.number(), doc.build());
    }

    // ---- petitions -------------------------------------------------------------------------------

    /** Phiếu chuyển đơn to the competent body the petition was forwarded to. */
    @GetMapping("/petitions/{id}/notices/forward.docx")
    ResponseEntity<byte[]> forward(@PathVariable long id) {
        var user = users.require();
        var p = queries.petition(id, user);
        if (p.handling() != Handling.FORWARD || p.forwardedTo() == null) {
            throw new NotFoundException("page", "/petitions/" + id + "/notices/forward.docx");
        }
        var step = lastStep(p.steps(), StepKind.FORWARDED);
        var day = step.map(Step::day).orElse(p.processedOn());
        var issuer = issuers.issuer(p.unit().id(), day);
        var addressee = addressee(List.of(p));
        var kind = kindText(p.contentKind());
        var target = p.forwardedTo().name();

        var doc = issuer.start()
                .number(NoticeIssuers.number(step.map(Step::documentNumber).orElse(null), "PC", issuer))
                .date(day)
                .kind("Phiếu chuyển đơn")
                .subject(null);
        doc.paragraph("Kính gửi: " + target);
        doc.paragraph(received(p, issuer, kind));
        doc.paragraph("Sau khi xem xét nội dung đơn, căn cứ quy định của pháp luật, " + issuer.name() + " chuyển đơn số "
                + p.number() + " đến " + target + " để xem xét, giải quyết theo thẩm quyền.");
        if (p.contentKind() == ContentKind.DENUNCIATION) {
            doc.paragraph("Đề nghị " + target + " giữ bí mật họ tên, địa chỉ, bút tích và các thông tin cá nhân khác của người tố cáo "
                    + "theo quy định của Luật Tố cáo năm 2018 và thông báo kết quả xử lý cho " + issuer.name() + " biết.");
        } else {
            doc.paragraph("Đề nghị " + target + " xem xét, giải quyết và thông báo kết quả cho " + addressee.reference() + " và "
                    + issuer.name() + " biết.");
        }
        note(step).ifPresent(doc::paragraph);
        doc.paragraph("Kèm theo: đơn số " + p.number() + " và các tài liệu kèm theo (nếu có).");
        var recipients = new ArrayList<String>(List.of("Như trên;"));
        if (addressee.known() && p.contentKind() != ContentKind.DENUNCIATION) {
            recipients.add(addressee.recipient() + " (để biết);");
        }
        recipients.add("Lưu: VT, hồ sơ đơn " + p.number() + ".");
        doc.recipients(recipients);
        return docx("phieu-chuyen-don-" + p.number(), doc.build());
    }

    /** Phiếu hướng dẫn: tells the petitioner where and how to take the petition. */
    @GetMapping("/petitions/{id}/notices/guide.docx")
    ResponseEntity<byte[]> guide(@PathVariable long id) {
        var user = users.require();
        var p = queries.petition(id, user);
        if (p.handling() != Handling.GUIDE) {
            throw new NotFoundException("page", "/petitions/" + id + "/notices/guide.docx");
        }
        var step = lastStep(p.steps(), StepKind.GUIDED);
        var day = step.map(Step::day).orElse(p.processedOn());
        var issuer = issuers.issuer(p.unit().id(), day);
        var addressee = addressee(List.of(p));
        var kind = kindText(p.contentKind());

        var doc = issuer.start()
                .number(NoticeIssuers.number(step.map(Step::documentNumber).orElse(null), "HD", issuer))
                .date(day)
                .kind("Phiếu hướng dẫn")
                .subject(null);
        doc.paragraph("Kính gửi: " + addressee.salutation());
        doc.paragraph(received(p, issuer, kind));
        if (Boolean.FALSE.equals(p.eligible()) && p.ineligibleReason() != null) {
            doc.paragraph("Sau khi xem xét, đơn chưa đủ điều kiện xử lý: " + lowerFirst(ineligible(p.ineligibleReason())) + ".");
            doc.paragraph("Đề nghị " + addressee.reference() + " hoàn thiện đơn theo quy định của pháp luật và gửi đến cơ quan "
                    + "có thẩm quyền để được xem xét, giải quyết.");
        } else {
            doc.paragraph("Sau khi xem xét, nội dung đơn không thuộc thẩm quyền giải quyết của " + issuer.name() + ".");
            doc.paragraph("Căn cứ quy định của pháp luật, " + issuer.name() + " hướng dẫn " + addressee.reference()
                    + " gửi đơn đến " + (p.forwardedTo() != null ? p.forwardedTo().name() : "cơ quan có thẩm quyền: " + BLANK)
                    + " để được xem xét, giải quyết theo quy định.");
        }
        note(step).ifPresent(n -> doc.paragraph("Nội dung hướng dẫn: " + n));
        doc.paragraph(issuer.name() + " hướng dẫn để " + addressee.reference() + " biết và thực hiện./.");
        doc.recipients(List.of("Như trên;", "Lưu: VT, hồ sơ đơn " + p.number() + "."));
        return docx("phieu-huong-dan-" + p.number(), doc.build());
    }

    // ---- persons and texts -----------------------------------------------------------------------

    /**
     * Whom the notice is addressed to, from the persons as the detail page shows them: a masked person
     * (a protected identity) is never named, the officer fills a dotted blank by hand.
     */
    record Addressee(String name, String address) {

        boolean known() {
            return name != null;
        }

        String salutation() {
            return known() ? name + (address == null ? "" : ", địa chỉ: " + address) : BLANK;
        }

        String reference() {
            return known() ? name : "người gửi đơn";
        }

        String recipient() {
            return known() ? name : "Người gửi đơn";
        }
    }

    static Addressee addressee(List<PetitionDetail> petitions) {
        for (var p : petitions) {
            var persons = p.persons() == null ? List.<PersonView>of() : p.persons();
            var main = persons.stream().filter(x -> x.role() == PersonRole.PETITIONER || x.role() == PersonRole.REPRESENTATIVE)
                    .findFirst().or(() -> persons.stream().findFirst());
            if (main.isPresent()) {
                var x = main.get();
                if (x.masked() || PersonView.MASK.equals(x.name()) || x.name() == null || x.name().isBlank()) {
                    return new Addressee(null, null);
                }
                var address = x.address() == null || x.address().isBlank() || PersonView.MASK.equals(x.address()) ? null : x.address().strip();
                return new Addressee((x.organisation() ? "" : "Ông (Bà) ") + x.name().strip(), address);
            }
        }
        return new Addressee(null, null);
    }

    /** "Ngày 05/01/2026, Ban Tiếp công dân … nhận được đơn khiếu nại (số …) của Ông (Bà) …, nội dung: …" */
    private static String received(PetitionDetail p, NoticeIssuers.Issuer issuer, String kind) {
        var from = addressee(List.of(p));
        var who = from.known() ? " của " + from.name() + (from.address() == null ? "" : " (địa chỉ: " + from.address() + ")") : "";
        return "Ngày " + day(p.receivedOn()) + ", " + issuer.name() + " nhận được đơn " + kind + who + ", đơn số " + p.number()
                + ", nội dung: " + trimEnd(p.subject()) + ".";
    }

    private String acceptanceBasis(MatterDetail m) {
        return switch (m.contentKind()) {
            case COMPLAINT -> "Căn cứ " + (m.round() == 2 ? "Điều 36" : "Điều 27") + " Luật Khiếu nại năm 2011, xét đơn khiếu nại đủ điều kiện thụ lý "
                    + "và thuộc thẩm quyền giải quyết";
            case DENUNCIATION -> "Căn cứ Điều 29 Luật Tố cáo năm 2018, xét đơn tố cáo đủ điều kiện thụ lý và thuộc thẩm quyền giải quyết";
            default -> "Căn cứ quy định của pháp luật, xét nội dung đơn thuộc thẩm quyền giải quyết";
        };
    }

    private static String refusalBasis(ContentKind kind) {
        return switch (kind) {
            case COMPLAINT -> "Căn cứ Điều 11 và Điều 27 Luật Khiếu nại năm 2011";
            case DENUNCIATION -> "Căn cứ Điều 29 Luật Tố cáo năm 2018";
            default -> "Căn cứ quy định của pháp luật";
        };
    }

    /**
     * The period and its legal source from the rule version that set the due date: " là 30 ngày kể từ
     * ngày thụ lý (Luật Khiếu nại 2011, Điều 28)"; the number of days only while it is the plain
     * variant's (no extension).
     */
    private String ruleText(MatterDetail m) {
        var due = m.due();
        if (due.rule() == null) {
            return "";
        }
        DeadlineRule rule = deadlines.rules().stream()
                .filter(r -> r.code().equals(due.rule()) && (due.ruleVersion() == null || r.version() == due.ruleVersion()))
                .findFirst().orElse(null);
        if (rule == null) {
            try {
                rule = deadlines.ruleOn(due.rule(), m.acceptedOn());
            } catch (RuntimeException e) {
                return "";
            }
        }
        var complex = m.complexity() != null && m.complexity() != Complexity.NORMAL;
        Integer variant = m.remote() && complex ? rule.remoteComplexDays() : m.remote() ? rule.remoteDays()
                : complex ? rule.complexDays() : null;
        var days = variant != null ? variant : rule.days();
        var period = m.extensions() > 0 ? "" : " là " + days + (rule.unit() == DayUnit.WORKING ? " ngày làm việc" : " ngày")
                + " kể từ ngày thụ lý";
        return period + " (" + rule.source().replace("(", "- ").replace(")", "") + ")";
    }

    private String refusalReason(String given, Optional<Step> step, List<PetitionDetail> petitions) {
        if (given != null && !given.isBlank()) {
            return trimEnd(given) + ".";
        }
        var noted = step.map(Step::note).filter(n -> n != null && !n.isBlank());
        if (noted.isPresent()) {
            return trimEnd(noted.get()) + ".";
        }
        return petitions.stream().map(PetitionDetail::ineligibleReason).filter(r -> r != null).findFirst()
                .map(r -> ineligible(r) + ".").orElse(BLANK);
    }

    private String ineligible(IneligibleReason reason) {
        var key = "petition.ineligible." + reason.name();
        return messages.getMessage(key, null, key, VI);
    }

    private static Optional<String> note(Optional<Step> step) {
        return step.map(Step::note).filter(n -> n != null && !n.isBlank()).map(n -> trimEnd(n) + ".");
    }

    static String kindText(ContentKind kind) {
        if (kind == null) {
            return "đơn";
        }
        return switch (kind) {
            case COMPLAINT -> "khiếu nại";
            case DENUNCIATION -> "tố cáo";
            case RECOMMENDATION -> "kiến nghị";
            case REFLECTION -> "phản ánh";
            case MULTIPLE -> "khiếu nại, tố cáo, kiến nghị, phản ánh";
        };
    }

    private List<PetitionDetail> petitionsOf(MatterDetail m, CurrentUser user) {
        var list = new ArrayList<PetitionDetail>();
        for (var summary : m.petitions()) {
            try {
                list.add(queries.petition(summary.id(), user));
            } catch (NotFoundException outsideScope) {
                // a petition of the matter the user may not read is simply not cited
            }
        }
        return list;
    }

    private static Optional<Step> lastStep(List<Step> steps, StepKind kind) {
        Step last = null;
        for (var s : steps) {
            if (s.kind() == kind) {
                last = s;
            }
        }
        return Optional.ofNullable(last);
    }

    static String day(LocalDate day) {
        return day == null ? "…/…/……" : DAY.format(day);
    }

    private static String trimEnd(String text) {
        var s = text == null ? "" : text.strip();
        while (s.endsWith(".") || s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    static String lowerFirst(String s) {
        return s == null || s.isEmpty() ? s : s.substring(0, 1).toLowerCase(VI) + s.substring(1);
    }

    // ---- the response ----------------------------------------------------------------------------

    /** An attachment with an ASCII name ("thong-bao-thu-ly-VV-20.BTCD-2026-00042.docx") and its UTF-8 form. */
    static ResponseEntity<byte[]> docx(String baseName, OfficialDocument document) {
        var name = asciiName(baseName) + ".docx";
        return ResponseEntity.ok()
                .contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"; filename*=UTF-8''"
                        + UriUtils.encode(name, StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(Docx.write(document));
    }

    static String asciiName(String name) {
        var folded = java.text.Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return folded.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
    }
}
