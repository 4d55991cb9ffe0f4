package vn.danvan.document;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.danvan.document.DocumentQueries.DocumentFilter;
import vn.danvan.document.DocumentViews.CitationView;
import vn.danvan.document.DocumentViews.DocumentDetail;
import vn.danvan.document.DocumentViews.DocumentRow;
import vn.danvan.document.DocumentViews.IdentifierView;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.PageResult;

/**
 * The document registry over JSON. Every signed-in user reads documents; registering and changing
 * one needs a writing role covering the unit that keeps it (outside it: 404). A duplicate identifier
 * and deleting a document others point at answer 409 with the documents in question.
 */
@RestController
@RequestMapping("/api/documents")
@Tag(name = "Văn bản", description = "Sổ văn bản: chỉ thị, nghị quyết, chương trình, kế hoạch… của cơ quan Đảng và Nhà nước; "
        + "số, ký hiệu; quan hệ giữa văn bản; tệp đính kèm. Mọi người dùng đã đăng nhập đều đọc; ghi cần quyền trên đơn vị quản lý văn bản")
class DocumentApi {

    /** An issuing body: {@code unit} is its code as of the document's date (optional), {@code name} its name of the time. */
    record IssuerRequest(String unit, String name) {
    }

    /** A document to register or its new state; {@code ownerUnit} (code, as of today) defaults to the user's unit. */
    record DocumentRequest(String identifier, DocumentSystem system, String kindName, String partyTerm, String ownerUnit,
                           List<IssuerRequest> issuers, String signerName, String signerTitle, LocalDate issuedOn,
                           LocalDate effectiveFrom, LocalDate effectiveTo, String subject, String content, DocumentStatus status,
                           Integer version) {
    }

    /** A relation from this document to another, named by id or by identifier. */
    record RelationRequest(RelationKind kind, Long targetId, String target, LocalDate relatedOn, String note) {
    }

    record Created(long id, String href) {
    }

    private final DocumentRegistry registry;
    private final DocumentQueries queries;
    private final CurrentUsers users;
    private final OrgUnits units;
    private final MessageSource messages;
    private final Clock clock;

    DocumentApi(DocumentRegistry registry, DocumentQueries queries, CurrentUsers users, OrgUnits units, MessageSource messages,
                Clock clock) {
        this.registry = registry;
        this.queries = queries;
        this.users = users;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/identifier")
    @Operation(summary = "Phân tích số, ký hiệu văn bản",
            description = "text: một số, ký hiệu, có thể kèm tên loại và \"số\"/\"Số:\" phía trước (\"Chỉ thị số 16/CT-TTg\"). "
                    + "Trả về system (STATE|PARTY), number, year (hoặc null), type (null với luật và công văn), issuers, normalized. "
                    + "Chuỗi không phải số, ký hiệu → 400 nêu phần sai")
    IdentifierView identifier(@RequestParam String text) {
        return IdentifierView.of(DocumentIdentifier.parse(text));
    }

    @GetMapping("/citation")
    @Operation(summary = "Đọc một trích dẫn văn bản",
            description = "\"Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ\" → loại, số ký hiệu, ngày, cơ quan ban hành, trích yếu (để cán bộ xác nhận)")
    CitationView citation(@RequestParam String text) {
        return DocumentQueries.readCitation(text, p -> messages.getMessage(p.messageKey(), p.args(), p.messageKey(),
                LocaleContextHolder.getLocale()));
    }

    @GetMapping
    @Operation(summary = "Tìm văn bản",
            description = "q: khớp đúng số, ký hiệu (văn bản mang số đó đứng đầu) và tìm không dấu trong trích yếu, nội dung, tên cơ quan ban hành "
                    + "(kể cả tên cũ trước sắp xếp 2025) và nội dung tệp đính kèm; type: loại viết tắt (CT, QĐ, QĐi…); issuer: ký hiệu "
                    + "cơ quan (TTg, TW) hoặc tên; year: năm ban hành. Phân trang: page (từ 0), size (≤ 200). "
                    + "totalElements: đếm đủ, trừ khi có q (tối đa 1001, nghĩa là hơn 1.000)")
    PageResult<DocumentRow> search(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
                                   @RequestParam(required = false) String issuer, @RequestParam(required = false) Integer year,
                                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return queries.search(new DocumentFilter(q, type, issuer, year), Math.max(0, page), Math.min(Math.max(1, size), 200),
                users.require());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Một văn bản", description = "Với cơ quan ban hành, quan hệ hai chiều (triển khai, thay thế, sửa đổi, hướng dẫn, tiếp nối, báo cáo), "
            + "chuỗi thay thế/tiếp nối và tệp đính kèm")
    DocumentDetail document(@PathVariable long id) {
        return queries.detail(id, users.require());
    }

    @PostMapping
    @Operation(summary = "Đăng ký văn bản", description = "Số, ký hiệu trùng trong cùng phạm vi đánh số (Nhà nước: cơ quan, năm, ký hiệu; "
            + "Đảng: cơ quan, nhiệm kỳ, loại) → 409 nêu văn bản đang mang số đó. Cần quyền ghi trên ownerUnit")
    ResponseEntity<Created> register(@RequestBody DocumentRequest r) {
        var user = users.require();
        var id = registry.register(input(r, user.homeUnitId()), user);
        return ResponseEntity.created(URI.create("/api/documents/" + id)).body(new Created(id, "/documents/" + id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Sửa văn bản", description = "version: phiên bản đã đọc; người khác đã lưu trước → 409")
    DocumentDetail update(@PathVariable long id, @RequestBody DocumentRequest r) {
        var user = users.require();
        var current = queries.detail(id, user);
        registry.update(id, input(r, current.ownerUnit().id()), r.version() == null ? current.version() : r.version(), user);
        return queries.detail(id, user);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Xóa văn bản", description = "Văn bản đang được văn bản khác triển khai, thay thế… không xóa được (409): hãy đánh dấu bãi bỏ")
    ResponseEntity<Void> delete(@PathVariable long id) {
        registry.delete(id, users.require());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/relations")
    @Operation(summary = "Thêm quan hệ", description = "kind: IMPLEMENTS, REPLACES, AMENDS, GUIDES, RENEWS, REPORTS_ON — đọc \"văn bản này … văn bản đích\"; "
            + "đích theo targetId hoặc số, ký hiệu (target)")
    ResponseEntity<DocumentDetail> relate(@PathVariable long id, @RequestBody RelationRequest r) {
        var user = users.require();
        long target;
        if (r.targetId() != null) {
            target = r.targetId();
        } else if (r.target() != null && !r.target().isBlank()) {
            target = queries.idByIdentifier(r.target()).orElseThrow(() -> new NotFoundException("document", r.target()));
        } else {
            throw new InvalidInputException("targetId", "validation.required");
        }
        registry.relate(id, r.kind(), target, r.relatedOn(), r.note(), user);
        return ResponseEntity.created(URI.create("/api/documents/" + id)).body(queries.detail(id, user));
    }

    @DeleteMapping("/{id}/relations/{relationId}")
    @Operation(summary = "Bỏ một quan hệ do văn bản này khai báo")
    ResponseEntity<Void> unrelate(@PathVariable long id, @PathVariable long relationId) {
        registry.unrelate(id, relationId, users.require());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Đính kèm tệp", description = "Chỉ PDF hoặc DOCX, tối đa 20 MB (danvan.document.max-attachment-bytes); nội dung được trích ra để tìm kiếm")
    ResponseEntity<DocumentDetail> attach(@PathVariable long id, @RequestPart("file") MultipartFile file) throws IOException {
        var user = users.require();
        registry.attach(id, file.getOriginalFilename(), file.getBytes(), user);
        return ResponseEntity.created(URI.create("/api/documents/" + id)).body(queries.detail(id, user));
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @Operation(summary = "Tải tệp đính kèm")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
        var file = queries.attachment(id, attachmentId, users.require());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName(),
                        java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(file.contentType())).body(file.content());
    }

    @DeleteMapping("/{id}/attachments/{attachmentId}")
    @Operation(summary = "Xóa tệp đính kèm")
    ResponseEntity<Void> detach(@PathVariable long id, @PathVariable long attachmentId) {
        registry.detach(id, attachmentId, users.require());
        return ResponseEntity.noContent().build();
    }

    private DocumentInput input(DocumentRequest r, long defaultOwner) {
        var today = LocalDate.now(clock);
        Long owner = r.ownerUnit() == null || r.ownerUnit().isBlank() ? defaultOwner
                : units.findByCode(r.ownerUnit().strip(), today).map(u -> u.id())
                .orElseThrow(() -> new NotFoundException("unit", r.ownerUnit()));
        var day = r.issuedOn() != null ? r.issuedOn() : today;
        var issuers = (r.issuers() == null ? List.<IssuerRequest>of() : r.issuers()).stream()
                .map(i -> new IssuerInput(i.unit() == null || i.unit().isBlank() ? null
                        : units.findByCode(i.unit().strip(), day).or(() -> units.findByCode(i.unit().strip(), today)).map(u -> u.id())
                        .orElseThrow(() -> new NotFoundException("unit", i.unit())), i.name()))
                .toList();
        return new DocumentInput(r.identifier(), r.system(), r.kindName(), r.partyTerm(), owner, issuers, r.signerName(),
                r.signerTitle(), r.issuedOn(), r.effectiveFrom(), r.effectiveTo(), r.subject(), r.content(), r.status());
    }
}
