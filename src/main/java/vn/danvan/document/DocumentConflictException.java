package vn.danvan.document;

import java.util.List;

/**
 * A write that collides with other documents (HTTP 409): the identifier is already held by a
 * document, or other documents still point at the one to delete. {@code documents} are those
 * documents, for the message and the links.
 */
public class DocumentConflictException extends RuntimeException {

    /** A document named in the refusal. */
    public record Holder(long id, String identifier, String subject) {

        public String label() {
            return identifier != null ? identifier : subject;
        }
    }

    private final String field;
    private final String messageKey;
    private final List<Holder> documents;

    public DocumentConflictException(String field, String messageKey, List<Holder> documents) {
        super(messageKey + " " + documents);
        this.field = field;
        this.messageKey = messageKey;
        this.documents = List.copyOf(documents);
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Holder> documents() {
        return documents;
    }
}
