package vn.danvan.petition;

/** Where a petition came from (nguồn đơn). Labels: {@code petition.channel.<NAME>}. */
public enum Channel {
    /** Nộp trực tiếp. */ IN_PERSON,
    /** Qua bưu chính. */ POST,
    /** Hòm thư góp ý. */ BOX,
    /** Đường dây nóng. */ HOTLINE,
    /** Trực tuyến, cổng dịch vụ công. */ ONLINE,
    /** Qua tiếp công dân. */ RECEPTION,
    /** Lãnh đạo Đảng, Nhà nước chuyển đến. */ LEADER,
    /** Đại biểu Quốc hội, Đoàn ĐBQH chuyển đến. */ NA_DEPUTY,
    /** Đại biểu HĐND chuyển đến. */ PC_DEPUTY,
    /** Mặt trận Tổ quốc chuyển đến. */ FRONT,
    /** Cơ quan báo chí chuyển đến. */ PRESS,
    /** Cơ quan khác chuyển đến. */ AGENCY
}
