package vn.danvan.dialogue;

/** Who raised an opinion; labels {@code dialogue.speaker.<NAME>}. A person's name and contact are private. */
public enum SpeakerKind {
    /** Một người dân (tên, liên hệ không công khai). */ PERSON,
    /** Một tổ chức, doanh nghiệp. */ ORGANISATION,
    /** Ẩn danh. */ ANONYMOUS
}
