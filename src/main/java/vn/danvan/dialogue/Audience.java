package vn.danvan.dialogue;

/** Who the dialogue was held with, by group; labels {@code dialogue.audience.<NAME>}. */
public enum Audience {
    /** Người dân. */ PEOPLE,
    /** Doanh nghiệp. */ BUSINESSES,
    /** Đoàn viên công đoàn. */ UNION_MEMBERS,
    /** Thanh niên. */ YOUTH,
    /** Hội viên phụ nữ. */ WOMEN,
    /** Nông dân. */ FARMERS,
    /** Thành phần khác. */ OTHER
}
