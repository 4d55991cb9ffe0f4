/**
 * Reporting (báo cáo định kỳ): indicators as data, entered by units or computed live from the figures
 * the case modules publish through {@link vn.danvan.form.FormProvider}; the values units enter per
 * period; and live aggregation over any unit subtree and period, restated to today's units across the
 * 2025 reform or as recorded. No module depends on this one.
 * <p>Glossary: indicator = chỉ tiêu; entered = đơn vị nhập; computed = tính từ hồ sơ; value = số liệu;
 * period = kỳ báo cáo; category = nhóm phân tổ; category option = phân tổ; category combination =
 * tổ hợp phân tổ; aggregation = cách tổng hợp (cộng, trung bình, nhỏ nhất, lớn nhất, giá trị kỳ cuối,
 * tỷ số); restated = tính lại theo đơn vị hiện nay; as recorded = theo đơn vị tại thời điểm phát sinh;
 * unallocated = phần chưa phân bổ (đơn vị bị chia tách chưa có tỷ lệ); same period last year = cùng kỳ
 * năm trước; briefing = giao ban; report form = biểu báo cáo (định kỳ); line = dòng (mã số); entry grid =
 * lưới nhập số liệu; validation rule = quy tắc kiểm tra (lỗi chặn lưu / cảnh báo); submission = báo cáo
 * của đơn vị cho một kỳ (bản nháp → đã gửi → đã phê duyệt → cấp trên tiếp nhận); narrative section =
 * phần lời văn (kết quả đạt được; hạn chế, nguyên nhân; nhiệm vụ kỳ tới; kiến nghị, đề xuất); deadline =
 * hạn nộp; copy from the last period = chép số liệu kỳ trước; submit = gửi báo cáo; approve = phê duyệt (khóa số liệu);
 * accept = cấp trên tiếp nhận; return = trả lại (kèm lý do); unlock = mở khóa; lock = khóa số liệu đã phê duyệt;
 * completeness = tình hình nộp báo cáo (đúng hạn, muộn, chưa nộp); reminder = nhắc hạn nộp báo cáo.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"form", "identity", "orgunit", "audit", "shared", "export", "calendar"})
package vn.danvan.reporting;
