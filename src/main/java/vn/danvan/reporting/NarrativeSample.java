package vn.danvan.reporting;

import java.time.LocalDate;
import vn.danvan.export.OfficialDocument;
import vn.danvan.export.PartyDocx;

/**
 * A sample Word template to start from: a province's quarterly dân vận briefing in the Party layout (Guidance
 * 36-HD/VPTW) whose text holds the placeholders an uploaded template may use — figures, the same period a year before
 * and the change, a table of the areas, and the units' narrative sections.
 */
final class NarrativeSample {

    private NarrativeSample() {
    }

    static byte[] docx(LocalDate today) {
        var document = OfficialDocument.builder()
                .superiorBody("TỈNH ỦY ………")
                .issuingBody("BAN TUYÊN GIÁO VÀ DÂN VẬN")
                .number("      -BC/BTGDVTU")
                .place("………")
                .date(today)
                .kind("Báo cáo")
                .subject("Kết quả công tác dân vận {{period}}")
                .heading("I. KẾT QUẢ THỰC HIỆN")
                .heading("1. Công tác tiếp công dân, giải quyết khiếu nại, tố cáo")
                .paragraph("Trong {{period}}, các cơ quan, đơn vị trên địa bàn {{unit}} đã tiếp {{LUOT_TIEP_CONG_DAN}} lượt công dân "
                        + "({{LUOT_TIEP_CONG_DAN|change}} so với cùng kỳ năm trước: {{LUOT_TIEP_CONG_DAN|prev}} lượt); tiếp nhận "
                        + "{{DON_TIEP_NHAN}} đơn thư; giải quyết xong {{VU_VIEC_DA_GIAI_QUYET}} vụ việc.")
                .heading("2. Phong trào thi đua \"Dân vận khéo\"")
                .paragraph("Các cấp, các ngành đăng ký mới {{DVK_DANG_KY}} mô hình, điển hình \"Dân vận khéo\", trong đó "
                        + "{{DVK_DANG_KY_TAP_THE}} mô hình tập thể và {{DVK_DANG_KY_CA_NHAN}} điển hình cá nhân; "
                        + "{{DVK_CONG_NHAN}} mô hình, điển hình được công nhận.")
                .paragraph("Kết quả theo đơn vị:")
                .paragraph("{{table:LUOT_TIEP_CONG_DAN,DON_TIEP_NHAN,DVK_DANG_KY}}")
                .heading("3. Kết quả do các đơn vị báo cáo")
                .paragraph("{{sections:ket_qua}}")
                .heading("II. HẠN CHẾ, NGUYÊN NHÂN")
                .paragraph("{{sections:han_che}}")
                .heading("III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI")
                .paragraph("{{sections:nhiem_vu}}")
                .note("Ghi chú: mỗi chỗ trong cặp ngoặc nhọn kép là ô danvan điền khi lập báo cáo — mã chỉ tiêu: số liệu của kỳ; "
                        + "thêm |prev: cùng kỳ năm trước; thêm |change: tăng, giảm so với cùng kỳ; table: một bảng theo đơn vị; "
                        + "sections: phần lời văn các đơn vị đã gửi. Mỗi con số trong báo cáo dẫn tới hồ sơ gốc. "
                        + "Có thể xóa ghi chú này trước khi tải mẫu lên.")
                .recipient("Như trên,")
                .recipient("Lưu VT.")
                .signer("T/M BAN THƯỜNG VỤ", "PHÓ TRƯỞNG BAN")
                .build();
        return PartyDocx.write(document);
    }
}
