/**
 * The "Dân vận khéo" registry: collective models and individual exemplars, registered by units with
 * the nine fields units fill in today, taken through implementation, assessment, recognition (per
 * year and level), selection as typical, commendation and replication into other units with their
 * lineage kept; their figures per unit subtree and year, across the 2025 reform.
 * <p>Glossary: exemplar = mô hình / điển hình "Dân vận khéo"; collective model = mô hình tập thể;
 * individual exemplar = điển hình cá nhân; field of work = lĩnh vực; registration = đăng ký xây dựng;
 * implementing = đang triển khai; assessment = đánh giá; recognition = công nhận; typical = tiêu biểu;
 * commendation = khen thưởng (Bằng khen, Giấy khen, Giấy chứng nhận); replication = nhân rộng;
 * paused = tạm dừng; discontinued = dừng thực hiện; residential area = khu dân cư; year-end report =
 * báo cáo kết quả phong trào thi đua năm; registration spreadsheet = danh sách đăng ký (tệp Excel mẫu);
 * import only the valid rows = chỉ nhập các dòng hợp lệ.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "orgunit", "audit", "export", "document", "form", "shared"})
package vn.danvan.exemplar;
