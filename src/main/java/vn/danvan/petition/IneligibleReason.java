package vn.danvan.petition;

/**
 * Why a petition is not eligible for handling (Thông tư 05/2021/TT-TTCP, Điều 6 and 7).
 * Labels: {@code petition.ineligible.<NAME>}.
 */
public enum IneligibleReason {
    /** Không dùng tiếng Việt và không có bản dịch công chứng. */ NOT_VIETNAMESE,
    /** Thiếu ngày tháng, họ tên, địa chỉ, chữ ký hoặc điểm chỉ. */ MISSING_PARTICULARS,
    /** Không rõ nội dung, đối tượng, yêu cầu. */ UNCLEAR_CONTENT,
    /** Đơn nặc danh, mạo danh. */ ANONYMOUS,
    /** Nội dung chống phá đường lối, chính sách, chia rẽ, xúc phạm. */ HOSTILE_CONTENT,
    /** Đơn bị rách, tẩy xóa, không đọc được. */ ILLEGIBLE,
    /** Đã được giải quyết, hướng dẫn, trả lời theo quy định. */ ALREADY_SETTLED,
    /** Đơn trùng (gửi nhiều nơi, nhiều lần, cùng nội dung). */ DUPLICATE
}
