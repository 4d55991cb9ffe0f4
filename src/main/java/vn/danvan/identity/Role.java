package vn.danvan.identity;

/** Roles, each granted at one unit and covering that unit's subtree. Labels: {@code role.<NAME>}. */
public enum Role {
    /** Quản trị hệ thống: everything, everywhere. */
    SYSTEM_ADMIN,
    /** Quản trị đơn vị: accounts, roles and units within the subtree. */
    UNIT_ADMIN,
    /** Lãnh đạo: reads and writes records, approves. */
    LEADER,
    /** Cán bộ: reads and writes records. */
    OFFICER,
    /** Cán bộ tiếp công dân: receives citizens and petitions. */
    RECEPTION_OFFICER,
    /** Người xem: reads only. */
    VIEWER;

    public boolean writes() {
        return this != VIEWER;
    }

    public boolean administers() {
        return this == SYSTEM_ADMIN || this == UNIT_ADMIN;
    }
}
