package vn.danvan.exemplar;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.shared.InvalidInputException;

/**
 * Photos and documents of a model: JPEG, PNG, WebP, PDF or DOCX up to 10 MB, the type judged from
 * the file's first bytes; each upload scope-checked against the model's unit and audited.
 */
@Service
@Transactional
public class ExemplarAttachments {

    static final int MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final AuditTrail audit;
    private final ExemplarManagement management;

    ExemplarAttachments(JdbcClient jdbc, OrgScope scope, AuditTrail audit, ExemplarManagement management) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
        this.management = management;
    }

    /** Attaches a photo or a document (JPEG, PNG, WebP, PDF, DOCX; at most 10 MB). */
    public long attach(long id, String fileName, String contentType, byte[] content, String caption, boolean isPublic,
                       CurrentUser user) {
        var model = management.load(id, user);
        scope.requireWrite(user, model.unitId(), "exemplar", id);
        if (content == null || content.length == 0 || fileName == null || fileName.isBlank()) {
            throw new InvalidInputException("file", "validation.required");
        }
        if (content.length > MAX_ATTACHMENT_BYTES) {
            throw new InvalidInputException("file", "exemplar.validation.file-too-large", MAX_ATTACHMENT_BYTES / 1024 / 1024);
        }
        var type = sniff(content, contentType);
        if (type == null) {
            throw new InvalidInputException("file", "exemplar.validation.file-type", fileName);
        }
        var attachmentId = jdbc.sql("""
                insert into exemplar_attachment (exemplar_id, file_name, content_type, size_bytes, content, caption, public, uploaded_by)
                values (:id, :name, :type, :size, :content, :caption, :public, :actor) returning id
                """).param("id", id).param("name", fileName.strip()).param("type", type).param("size", content.length)
                .param("content", content).param("caption", blankToNull(caption)).param("public", isPublic)
                .param("actor", AuditTrail.currentActor()).query(Long.class).single();
        audit.record("exemplar.attached", "exemplar", id, model.unitId(), null,
                AuditTrail.fields("file", fileName, "type", type, "bytes", content.length, "public", isPublic));
        return attachmentId;
    }

    /** The content type judged from the file's first bytes (what the browser claims is not trusted). */
    static String sniff(byte[] content, String claimed) {
        if (content.length >= 3 && (content[0] & 0xff) == 0xFF && (content[1] & 0xff) == 0xD8 && (content[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (content.length >= 8 && (content[0] & 0xff) == 0x89 && content[1] == 'P' && content[2] == 'N' && content[3] == 'G') {
            return "image/png";
        }
        if (content.length >= 12 && content[0] == 'R' && content[1] == 'I' && content[2] == 'F' && content[3] == 'F'
                && content[8] == 'W' && content[9] == 'E' && content[10] == 'B' && content[11] == 'P') {
            return "image/webp";
        }
        if (content.length >= 5 && content[0] == '%' && content[1] == 'P' && content[2] == 'D' && content[3] == 'F' && content[4] == '-') {
            return "application/pdf";
        }
        if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
