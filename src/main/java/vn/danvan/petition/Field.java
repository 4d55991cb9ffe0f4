package vn.danvan.petition;

/**
 * The field of a petition as the official forms split it (Thông tư 02/2021/TT-TTCP, biểu 02/XLD,
 * 03/XLD, 04/XLD). Labels: {@code petition.field.<NAME>}.
 */
public enum Field {
    /** Hành chính: chế độ, chính sách. */ ADMIN_POLICY,
    /** Hành chính: đất đai, nhà cửa. */ ADMIN_LAND,
    /** Hành chính: công chức, công vụ. */ ADMIN_CIVIL_SERVICE,
    /** Hành chính: lĩnh vực khác. */ ADMIN_OTHER,
    /** Tham nhũng. */ CORRUPTION,
    /** Tư pháp. */ JUSTICE,
    /** Đảng, đoàn thể. */ PARTY,
    /** Lĩnh vực khác. */ OTHER;

    public boolean isAdministrative() {
        return name().startsWith("ADMIN_");
    }
}
