package vn.danvan.document;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.VietnameseText;

/**
 * Registering and changing documents (đăng ký, cập nhật văn bản), their relations and attachments.
 * Every write checks the user's scope on the unit that keeps the record (outside scope: not
 * found), keeps the identifier unique in its numbering scope (brief §8.3: State per issuer, year and
 * symbol; Party per issuer, term and type), and writes its audit record in the same transaction.
 */
@Service
@Transactional
public class DocumentRegistry {

    static final int MAX_SUBJECT = 1_000;
    static final int MAX_CONTENT = 20_000;
    static final int MAX_NAME = 300;

    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final OrgUnits units;
    private final AuditTrail audit;
    private final Clock clock;
    private final long maxAttachmentBytes;

    DocumentRegistry(JdbcClient jdbc, OrgScope scope, OrgUnits units, AuditTrail audit, Clock clock,
                     @Value("${danvan.document.max-attachment-bytes:20971520}") long maxAttachmentBytes) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    /** The largest attachment accepted, in bytes. */
    public long maxAttachmentBytes() {
        return maxAttachmentBytes;
    }

    /** What a document becomes once its input is checked: the row to write. */
    private record Checked(DocumentIdentifier id, DocumentSystem system, String kindName, String partyTerm, long ownerUnitId,
                           List<IssuerInput> issuers, String numberingScope, Integer numberingYear, DocumentInput input) {
    }

    /**
     * Registers a document kept by {@code input.ownerUnitId()}.
     *
     * @return the new document's id
     * @throws InvalidInputException naming each field in error (an identifier names its wrong part)
     * @throws DocumentConflictException when another document holds the identifier in its numbering scope
     * @throws NotFoundException when the owning unit is outside the user's scope
     */
    public long register(DocumentInput input, CurrentUser user) {
        var c = check(input, user);
        requireUnique(c, null);
        long id;
        try {
            id = jdbc.sql("""
                            insert into document (system, identifier, identifier_original, number, number_text, id_year, type, symbol,
                                                  issuer_codes, kind_name, numbering_scope, numbering_year, party_term, owner_unit_id,
                                                  signer_name, signer_title, issued_on, effective_from, effective_to, subject, content,
                                                  status, created_by)
                            values (:system, :identifier, :original, :number, :numberText, :idYear, :type, :symbol, :codes, :kindName,
                                    :scope, :year, :term, :owner, :signerName, :signerTitle, :issuedOn, :effectiveFrom, :effectiveTo,
                                    :subject, :content, :status, :createdBy)
                            returning id""")
                    .params(params(c)).param("createdBy", user.username()).query(Long.class).single();
        } catch (DuplicateKeyException raced) {
            requireUnique(c, null);
            throw raced;
        }
        saveIssuers(id, c.issuers());
        refreshSearchText(id);
        audit.record("document.registered", "document", id, c.ownerUnitId(), null, auditFields(c));
        return id;
    }

    /**
     * Changes a document; {@code version} is the version the user read.
     *
     * @throws ConflictException when someone saved it meanwhile
     */
    public void update(long documentId, DocumentInput input, int version, CurrentUser user) {
        var before = loadForWrite(documentId, user);
        var c = check(input, user);
        requireUnique(c, documentId);
        var params = params(c);
        params.put("id", documentId);
        params.put("version", version);
        int updated;
        try {
            updated = jdbc.sql("""
                            update document set system = :system, identifier = :identifier, identifier_original = :original,
                                   number = :number, number_text = :numberText, id_year = :idYear, type = :type, symbol = :symbol,
                                   issuer_codes = :codes, kind_name = :kindName, numbering_scope = :scope, numbering_year = :year,
                                   party_term = :term, owner_unit_id = :owner, signer_name = :signerName, signer_title = :signerTitle,
                                   issued_on = :issuedOn, effective_from = :effectiveFrom, effective_to = :effectiveTo,
                                   subject = :subject, content = :content, status = :status, version = version + 1, updated_at = now()
                            where id = :id and version = :version""")
                    .params(params).update();
        } catch (DuplicateKeyException raced) {
            requireUnique(c, documentId);
            throw raced;
        }
        if (updated == 0) {
            throw new ConflictException("document", before.label());
        }
        jdbc.sql("delete from document_issuer where document_id = :id").param("id", documentId).update();
        saveIssuers(documentId, c.issuers());
        refreshSearchText(documentId);
        audit.record("document.updated", "document", documentId, c.ownerUnitId(),
                AuditTrail.fields("identifier", before.identifier(), "subject", before.subject(), "status", before.status()),
                auditFields(c));
    }

    /**
     * Deletes a document no other document points at.
     *
     * @throws DocumentConflictException naming the documents that implement, replace … it: mark it abolished instead
     */
    public void delete(long documentId, CurrentUser user) {
        var d = loadForWrite(documentId, user);
        var pointing = jdbc.sql("""
                        select distinct d.id, d.identifier, d.subject from document_relation r join document d on d.id = r.from_id
                        where r.to_id = :id order by d.id""")
                .param("id", documentId).query(DocumentConflictException.Holder.class).list();
        if (!pointing.isEmpty()) {
            throw new DocumentConflictException("document", "document.delete.referenced", pointing);
        }
        jdbc.sql("delete from document where id = :id").param("id", documentId).update();
        audit.record("document.deleted", "document", documentId, d.ownerUnitId(),
                AuditTrail.fields("identifier", d.identifier(), "subject", d.subject()), null);
    }

    /** Marks a document's status (e.g. abolished instead of deleted). */
    public void changeStatus(long documentId, DocumentStatus status, CurrentUser user) {
        var d = loadForWrite(documentId, user);
        if (status == null) {
            throw new InvalidInputException("status", "validation.required");
        }
        jdbc.sql("update document set status = :status, version = version + 1, updated_at = now() where id = :id")
                .param("status", status.name()).param("id", documentId).update();
        audit.record("document.status-changed", "document", documentId, d.ownerUnitId(),
                AuditTrail.fields("status", d.status()), AuditTrail.fields("status", status));
    }

    /**
     * Records that {@code fromId} implements / replaces / … {@code toId}. The user must be able to change
     * the source; the target is any document. A replaced target the user may change is marked REPLACED.
     *
     * @return the relation's id
     */
    public long relate(long fromId, RelationKind kind, long toId, LocalDate relatedOn, String note, CurrentUser user) {
        var from = loadForWrite(fromId, user);
        var problems = new ArrayList<Problem>();
        if (kind == null) {
            problems.add(new Problem("relationKind", "validation.required"));
        }
        if (fromId == toId) {
            problems.add(new Problem("targetId", "document.relation.self"));
        }
        if (note != null && note.length() > MAX_SUBJECT) {
            problems.add(new Problem("note", "validation.too-long", MAX_SUBJECT));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var to = row(toId).orElseThrow(() -> new NotFoundException("document", toId));
        var exists = jdbc.sql("select exists (select 1 from document_relation where from_id = :f and kind = :k and to_id = :t)")
                .param("f", fromId).param("k", kind.name()).param("t", toId).query(Boolean.class).single();
        if (exists) {
            throw new InvalidInputException("targetId", "document.relation.exists", to.label());
        }
        var id = jdbc.sql("""
                        insert into document_relation (from_id, kind, to_id, related_on, note, created_by)
                        values (:f, :k, :t, :on, :note, :by) returning id""")
                .param("f", fromId).param("k", kind.name()).param("t", toId)
                .param("on", relatedOn != null ? relatedOn : from.issuedOn()).param("note", blankToNull(note))
                .param("by", user.username()).query(Long.class).single();
        audit.record("document.related", "document", fromId, from.ownerUnitId(), null,
                AuditTrail.fields("kind", kind, "to", to.label(), "on", relatedOn));
        if (kind == RelationKind.REPLACES && to.status() == DocumentStatus.IN_FORCE && scope.canWrite(user, to.ownerUnitId())) {
            jdbc.sql("update document set status = 'REPLACED', version = version + 1, updated_at = now() where id = :id")
                    .param("id", toId).update();
            audit.record("document.status-changed", "document", toId, to.ownerUnitId(),
                    AuditTrail.fields("status", to.status()), AuditTrail.fields("status", DocumentStatus.REPLACED, "by", from.label()));
        }
        return id;
    }

    /** Removes a relation the user's document declares. */
    public void unrelate(long fromId, long relationId, CurrentUser user) {
        var from = loadForWrite(fromId, user);
        var removed = jdbc.sql("delete from document_relation where id = :id and from_id = :f returning kind, to_id")
                .param("id", relationId).param("f", fromId)
                .query((rs, n) -> AuditTrail.fields("kind", rs.getString(1), "to", rs.getLong(2))).optional()
                .orElseThrow(() -> new NotFoundException("relation", relationId));
        audit.record("document.unrelated", "document", fromId, from.ownerUnitId(), removed, null);
    }

    /**
     * Attaches a PDF or DOCX file and stores its text for search.
     *
     * @return the attachment's id
     * @throws InvalidInputException on field "file": not PDF/DOCX, empty, over the size limit, unreadable
     */
    public long attach(long documentId, String fileName, byte[] content, CurrentUser user) {
        var d = loadForWrite(documentId, user);
        var name = fileName == null ? "" : VietnameseText.nfc(fileName.replaceAll("^.*[\\\\/]", "").strip());
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "document.attachment.empty");
        }
        if (content.length > maxAttachmentBytes) {
            throw new InvalidInputException("file", "document.attachment.too-large", name, maxAttachmentBytes / (1024 * 1024));
        }
        var format = AttachmentText.formatOf(name, content)
                .orElseThrow(() -> new InvalidInputException("file", "document.attachment.format", name));
        String text;
        try {
            text = AttachmentText.extract(format, content);
        } catch (IOException | RuntimeException unreadable) {
            throw new InvalidInputException("file", "document.attachment.unreadable", name);
        }
        var id = jdbc.sql("""
                        insert into document_attachment (document_id, file_name, content_type, size_bytes, content, text_content, uploaded_by)
                        values (:d, :name, :type, :size, :content, :text, :by) returning id""")
                .param("d", documentId).param("name", name).param("type", format.contentType).param("size", content.length)
                .param("content", content).param("text", text.isEmpty() ? null : text).param("by", user.username())
                .query(Long.class).single();
        audit.record("document.attached", "document", documentId, d.ownerUnitId(), null,
                AuditTrail.fields("file", name, "bytes", content.length, "textChars", text.length()));
        return id;
    }

    /** Removes an attachment. */
    public void detach(long documentId, long attachmentId, CurrentUser user) {
        var d = loadForWrite(documentId, user);
        var name = jdbc.sql("delete from document_attachment where id = :id and document_id = :d returning file_name")
                .param("id", attachmentId).param("d", documentId).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("attachment", attachmentId));
        audit.record("document.detached", "document", documentId, d.ownerUnitId(), AuditTrail.fields("file", name), null);
    }

    // ---- checks -------------------------------------------------------------------------------

    private Checked check(DocumentInput in, CurrentUser user) {
        var problems = new ArrayList<Problem>();
        var today = LocalDate.now(clock);
        DocumentIdentifier id = null;
        if (in.identifier() != null && !in.identifier().isBlank()) {
            try {
                id = DocumentIdentifier.parse(in.identifier());
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        var system = id != null ? id.system() : in.system();
        if (system == null && (in.identifier() == null || in.identifier().isBlank())) {
            problems.add(new Problem("system", "validation.required"));
        }
        var kindName = blankToNull(in.kindName());
        if (kindName == null && id != null) {
            kindName = id.kindOrDefault();
        }
        if (kindName == null) {
            problems.add(new Problem("kindName", "validation.required"));
        } else if (kindName.length() > 100) {
            problems.add(new Problem("kindName", "validation.too-long", 100));
        }
        var subject = blankToNull(in.subject());
        if (subject == null) {
            problems.add(new Problem("subject", "validation.required"));
        } else if (subject.length() > MAX_SUBJECT) {
            problems.add(new Problem("subject", "validation.too-long", MAX_SUBJECT));
        }
        if (in.content() != null && in.content().length() > MAX_CONTENT) {
            problems.add(new Problem("content", "validation.too-long", MAX_CONTENT));
        }
        for (var field : Map.of("signerName", nullToEmpty(in.signerName()), "signerTitle", nullToEmpty(in.signerTitle())).entrySet()) {
            if (field.getValue().length() > MAX_NAME) {
                problems.add(new Problem(field.getKey(), "validation.too-long", MAX_NAME));
            }
        }
        if (in.issuedOn() != null && in.issuedOn().isAfter(today)) {
            problems.add(new Problem("issuedOn", "document.issued-on.future"));
        }
        if (id != null && id.year() != null && in.issuedOn() != null && id.year() != in.issuedOn().getYear()) {
            problems.add(new Problem("issuedOn", "document.issued-on.other-year", id.year()));
        }
        if (in.effectiveFrom() != null && in.effectiveTo() != null && in.effectiveTo().isBefore(in.effectiveFrom())) {
            problems.add(new Problem("effectiveTo", "document.effective-to.before-from"));
        }
        String term = null;
        if (system == DocumentSystem.PARTY) {
            term = blankToNull(in.partyTerm());
            if (term != null && !PartyTerms.valid(term)) {
                problems.add(new Problem("partyTerm", "document.party-term.format", term));
            } else if (term == null && in.issuedOn() != null) {
                term = PartyTerms.termOf(in.issuedOn(), PartyTerms.central(id));
            }
        }
        if (in.ownerUnitId() == null) {
            problems.add(new Problem("ownerUnitId", "validation.required"));
        }
        var day = in.issuedOn() != null ? in.issuedOn() : today;
        var issuers = new ArrayList<IssuerInput>();
        for (var issuer : in.issuers()) {
            var name = blankToNull(issuer.name());
            if (issuer.unitId() != null) {
                var unit = units.find(issuer.unitId(), day);
                if (unit.isEmpty()) {
                    problems.add(new Problem("issuers", "document.issuer.unknown-unit", issuer.unitId()));
                    continue;
                }
                name = name != null ? name : unit.get().name();
            }
            if (name == null) {
                continue;
            }
            if (name.length() > MAX_NAME) {
                problems.add(new Problem("issuers", "validation.too-long", MAX_NAME));
            }
            issuers.add(new IssuerInput(issuer.unitId(), VietnameseText.nfc(name)));
        }
        if (issuers.isEmpty()) {
            problems.add(new Problem("issuers", "document.issuers.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        scope.requireWrite(user, in.ownerUnitId(), "unit", in.ownerUnitId());
        units.find(in.ownerUnitId(), today).orElseThrow(() -> new NotFoundException("unit", in.ownerUnitId()));
        var numberingScope = numberingScope(id, issuers.get(0));
        // an old document whose date is not known has no numbering year (or term): its number is then not checked
        Integer numberingYear = id == null || system != DocumentSystem.STATE ? null
                : id.year() != null ? id.year() : in.issuedOn() != null ? in.issuedOn().getYear() : null;
        return new Checked(id, system, VietnameseText.nfc(kindName), term, in.ownerUnitId(), issuers, numberingScope, numberingYear, in);
    }

    /**
     * Central bodies whose abbreviation names them alone in the whole country: their numbers are scoped by the
     * abbreviation the symbol carries, however the officer wrote the issuer's name. Other abbreviations (UBND,
     * TU, SNV …) are shared by every province or commune, so those numbers are scoped by the lead issuer's unit,
     * or by its name when it has none.
     */
    private static final java.util.regex.Pattern NATIONAL = java.util.regex.Pattern.compile(
            "TTg|CP|VPCP|CTN|QH\\d+|UBTVQH\\d+|VPQH|TW|VPTW|BTCTW|BDVTW|BTGTW|BTGDVTW|UBKTTW|BCSĐCP|ĐUCP|BNV|BTC|BTP|BCA|BQP|TTCP"
                    + "|BYT|BGDĐT|BTNMT|BKHĐT|BCT|BNNPTNT|BNNMT|BLĐTBXH|BXD|BGTVT|BVHTTDL|BTTTT|BKHCN|BNG|NHNN|UBDT|KTNN|TANDTC"
                    + "|VKSNDTC|UBTWMTTQVN");

    static String numberingScope(DocumentIdentifier id, IssuerInput lead) {
        if (id != null && !id.issuers().isEmpty() && NATIONAL.matcher(id.issuers().get(0)).matches()) {
            return "code:" + id.issuers().get(0);
        }
        return lead.unitId() != null ? "unit:" + lead.unitId()
                : "name:" + VietnameseText.searchKey(VietnameseText.withNewTonePlacement(lead.name()));
    }

    private void requireUnique(Checked c, Long self) {
        if (c.id() == null) {
            return;
        }
        var holders = jdbc.sql("""
                        select id, identifier, subject from document
                        where identifier is not null and numbering_scope = :scope and number = :number
                          and system = :system
                          and (system <> 'STATE' or (numbering_year = :year and upper(symbol) = upper(:symbol)))
                          and (system <> 'PARTY' or (party_term = :term and upper(type) = upper(:type)))
                          and (cast(:self as bigint) is null or id <> :self)""")
                .param("scope", c.numberingScope()).param("number", c.id().number()).param("system", c.system().name())
                .param("year", c.numberingYear()).param("symbol", c.id().symbol()).param("term", c.partyTerm())
                .param("type", c.id().type()).param("self", self)
                .query(DocumentConflictException.Holder.class).list();
        if (!holders.isEmpty()) {
            throw new DocumentConflictException("identifier", "document.identifier.duplicate", holders);
        }
    }

    private Map<String, Object> params(Checked c) {
        var in = c.input();
        var id = c.id();
        var p = new java.util.HashMap<String, Object>();
        p.put("system", c.system().name());
        p.put("identifier", id == null ? null : id.normalized());
        p.put("original", id == null ? null : id.original());
        p.put("number", id == null ? null : id.number());
        p.put("numberText", id == null ? null : id.numberText());
        p.put("idYear", id == null ? null : id.year());
        p.put("type", id == null ? null : id.type());
        p.put("symbol", id == null ? null : id.symbol());
        p.put("codes", id == null ? new String[0] : id.issuers().toArray(String[]::new));
        p.put("kindName", c.kindName());
        p.put("scope", c.numberingScope());
        p.put("year", c.numberingYear());
        p.put("term", c.partyTerm());
        p.put("owner", c.ownerUnitId());
        p.put("signerName", blankToNull(in.signerName()));
        p.put("signerTitle", blankToNull(in.signerTitle()));
        p.put("issuedOn", in.issuedOn());
        p.put("effectiveFrom", in.effectiveFrom());
        p.put("effectiveTo", in.effectiveTo());
        p.put("subject", VietnameseText.nfc(in.subject().strip()));
        p.put("content", in.content() == null || in.content().isBlank() ? null : VietnameseText.nfc(in.content().strip()));
        p.put("status", (in.status() == null ? DocumentStatus.IN_FORCE : in.status()).name());
        return p;
    }

    private void saveIssuers(long documentId, List<IssuerInput> issuers) {
        for (int i = 0; i < issuers.size(); i++) {
            jdbc.sql("insert into document_issuer (document_id, ordinal, unit_id, name) values (:d, :o, :u, :n)")
                    .param("d", documentId).param("o", i).param("u", issuers.get(i).unitId()).param("n", issuers.get(i).name()).update();
        }
    }

    /** The accent-free text searched: identifier, kind, subject, content, issuers' names of the time, signer. */
    private void refreshSearchText(long documentId) {
        jdbc.sql("""
                        update document d set search_text = search_key(concat_ws(' ', d.identifier, d.identifier_original, d.kind_name,
                               d.subject, d.content, d.signer_name, d.signer_title,
                               (select string_agg(i.name, ' ') from document_issuer i where i.document_id = d.id)))
                        where d.id = :id""")
                .param("id", documentId).update();
    }

    private static Map<String, Object> auditFields(Checked c) {
        return AuditTrail.fields("identifier", c.id() == null ? null : c.id().normalized(), "kind", c.kindName(),
                "subject", c.input().subject(), "issuedOn", c.input().issuedOn(), "status", c.input().status(),
                "issuers", c.issuers().stream().map(IssuerInput::name).toList());
    }

    // ---- loading ------------------------------------------------------------------------------

    /** The columns a write needs to know about a document. */
    record Row(long id, String identifier, String subject, long ownerUnitId, DocumentStatus status, LocalDate issuedOn) {

        String label() {
            return identifier != null ? identifier : subject;
        }
    }

    java.util.Optional<Row> row(long id) {
        return jdbc.sql("select id, identifier, subject, owner_unit_id, status, issued_on from document where id = :id")
                .param("id", id).query(Row.class).optional();
    }

    private Row loadForWrite(long id, CurrentUser user) {
        var row = row(id).orElseThrow(() -> new NotFoundException("document", id));
        scope.requireWrite(user, row.ownerUnitId(), "document", id);
        return row;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
