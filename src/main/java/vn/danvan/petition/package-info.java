/**
 * Citizen reception and petitions (tiếp công dân, xử lý đơn thư, giải quyết khiếu nại, tố cáo):
 * reception sessions and visits, petitions from every channel, their classification and handling,
 * matters and their resolution on legal deadlines, hot spots, the protection of denouncers, and the
 * official statistics forms (01/TCD … 04/KQGQ) filled from the records.
 * <p>Glossary: petition = đơn (khiếu nại, tố cáo, kiến nghị, phản ánh); matter = vụ việc; reception
 * session = buổi / kỳ tiếp công dân; visit = lượt tiếp; crowd delegation = đoàn đông người; accept =
 * thụ lý; processing = xử lý đơn; forward = chuyển đơn; guide = hướng dẫn; urge = đôn đốc; keep on
 * file = lưu đơn; verification = xác minh; dialogue = đối thoại; decision = quyết định giải quyết;
 * conclusion = kết luận nội dung tố cáo; extension = gia hạn; suspension = tạm đình chỉ; termination =
 * đình chỉ; withdrawal = rút đơn; enforcement = tổ chức thi hành; hot spot = điểm nóng; denouncer =
 * người tố cáo.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "orgunit", "calendar", "audit", "export", "form", "shared"})
package vn.danvan.petition;
