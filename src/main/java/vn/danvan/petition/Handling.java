package vn.danvan.petition;

/** The handling decision on a petition (kết quả xử lý đơn). Labels: {@code petition.handling.<NAME>}. */
public enum Handling {
    /** Thụ lý (within competence). */ ACCEPT,
    /** Hướng dẫn người gửi đơn đến cơ quan có thẩm quyền. */ GUIDE,
    /** Chuyển đơn đến cơ quan có thẩm quyền. */ FORWARD,
    /** Đôn đốc giải quyết (the body in charge is late). */ URGE,
    /** Lưu đơn, không xử lý (not eligible). */ FILE
}
