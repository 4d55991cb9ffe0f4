package vn.danvan.petition;

import java.time.LocalDate;

/** A petition row as loaded and saved by {@link CaseStore}; never leaves the module. */
final class PetitionRecord implements Cloneable {
    long id;
    String number;
    long unitId;
    LocalDate receivedOn;
    Channel channel;
    String sourceName;
    String sourceReference;
    PetitionerKind petitionerKind;
    int signersCount = 1;
    String subject;
    String content;
    Long placeUnitId;
    Long visitId;
    Long forwardedFromId;
    boolean protectedIdentity;
    String status = "RECEIVED";
    ContentKind contentKind;
    Field field;
    Boolean eligible;
    IneligibleReason ineligibleReason;
    Competence competence;
    Handling handling;
    LocalDate processedOn;
    Long forwardedToId;
    LocalDate replyReceivedOn;
    Long matterId;
    LocalDate dueOn;
    String dueRule;
    Integer dueRuleVersion;
    String createdBy;
    int version;

    /** A copy to change apart from this one (every field is a value: a shallow copy is a whole one). */
    PetitionRecord copy() {
        try {
            return (PetitionRecord) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean isProcessed() {
        return "PROCESSED".equals(status);
    }
}
