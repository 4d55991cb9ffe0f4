package vn.danvan.dialogue;

/** An opinion raised at a dialogue; {@code speakerName} and {@code speakerContact} are kept private. */
public record OpinionInput(SpeakerKind speakerKind, String speakerName, String speakerContact, String topic, OpinionField field,
                           String place) {
}
