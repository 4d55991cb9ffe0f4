package vn.danvan.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the screens and the API show of documents: records, never the tables. */
public final class DocumentViews {

    private DocumentViews() {
    }

    /** The parsed identifier as {@code GET /api/documents/identifier} answers it (contracts, issue 6 point 9). */
    public record IdentifierView(DocumentSystem system, int number, Integer year, String type, List<String> issuers, String normalized) {

        static IdentifierView of(DocumentIdentifier id) {
            return new IdentifierView(id.system(), id.number(), id.year(), id.type(), id.issuers(), id.normalized());
        }
    }

    /** A citation read into parts, to pre-fill the form; {@code problem} says why no identifier was read. */
    public record CitationView(String kindName, String identifier, DocumentSystem system, LocalDate issuedOn, List<String> issuers,
                               String subject, String problem) {
    }

    /** One row of a list. */
    public record DocumentRow(long id, String identifier, DocumentSystem system, String kindName, String subject, LocalDate issuedOn,
                              DocumentStatus status, String issuers) {
    }

    /** A unit as the document names it. */
    public record UnitRef(long id, String code, String name) {
    }

    /** An issuing body: its unit (if linked) and its name as of the document's date. */
    public record IssuerView(Long unitId, String unitCode, String name) {
    }

    /** A relation seen from one document: OUT when this document is the source ("implements …"), IN when others point at it. */
    public record RelationView(long id, String direction, RelationKind kind, long otherId, String otherIdentifier, String otherKindName,
                               String otherSubject, LocalDate otherIssuedOn, DocumentStatus otherStatus, LocalDate relatedOn, String note) {
    }

    /** One document of a lineage (replaced / renewed ones), oldest first; {@code how} is how it took the previous one's place. */
    public record ChainLink(long id, String identifier, String kindName, String subject, LocalDate issuedOn, DocumentStatus status,
                            RelationKind how, boolean current) {
    }

    public record AttachmentView(long id, String fileName, String contentType, int sizeBytes, boolean hasText, String uploadedBy,
                                 Instant uploadedAt) {
    }

    /** A document with its issuers, relations both ways, lineage and attachments. */
    public record DocumentDetail(long id, String identifier, String identifierOriginal, DocumentSystem system, Integer number,
                                 Integer year, String type, List<String> issuerCodes, String kindName, String partyTerm,
                                 UnitRef ownerUnit, List<IssuerView> issuers, String signerName, String signerTitle,
                                 LocalDate issuedOn, LocalDate effectiveFrom, LocalDate effectiveTo, String subject, String content,
                                 DocumentStatus status, int version, List<RelationView> relations, List<ChainLink> chain,
                                 List<AttachmentView> attachments, boolean canWrite) {
    }

    /** A file to download. */
    public record AttachmentFile(String fileName, String contentType, byte[] content) {
    }
}
