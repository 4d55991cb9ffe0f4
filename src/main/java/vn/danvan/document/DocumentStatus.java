package vn.danvan.document;

/** Where a document stands: in force (còn hiệu lực), replaced (bị thay thế), expired (hết hiệu lực), abolished (bị bãi bỏ), its issuer abolished (cơ quan ban hành đã giải thể). */
public enum DocumentStatus {
    IN_FORCE, REPLACED, EXPIRED, ABOLISHED, ISSUER_ABOLISHED
}
