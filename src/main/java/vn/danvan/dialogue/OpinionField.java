package vn.danvan.dialogue;

/** The field an opinion concerns; labels {@code dialogue.field.<NAME>}. */
public enum OpinionField {
    /** Đất đai, giải phóng mặt bằng. */ LAND,
    /** Giao thông, hạ tầng. */ INFRASTRUCTURE,
    /** Sản xuất, kinh doanh. */ ECONOMY,
    /** Chính sách xã hội. */ SOCIAL_POLICY,
    /** Giáo dục, y tế. */ EDUCATION_HEALTH,
    /** Môi trường. */ ENVIRONMENT,
    /** Thủ tục hành chính. */ ADMINISTRATION,
    /** An ninh, trật tự. */ SECURITY,
    /** Lĩnh vực khác. */ OTHER
}
