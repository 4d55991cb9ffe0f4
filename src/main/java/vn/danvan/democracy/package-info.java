/**
 * Grassroots democracy in a commune, ward, township or special zone (Law 10/2022/QH15 on the
 * implementation of grassroots democracy, Decree 59/2023/NĐ-CP): the People's Inspection Board (its
 * members, term, head and deputy, the meeting that elected it, its activity plans, the inspections and
 * supervisions it plans with their notice to the Front, the commune chair and the subjects, its
 * findings, recommendations and the answers received); Community Investment Supervision Boards per
 * project; the disclosure register with what a commune was due to disclose in a period and has not;
 * community meetings of villages and residential groups with their votes. A public page per province or
 * commune shows the board's recommendations with their answers and the disclosures made and overdue,
 * without any citizen's personal data; the figures are published as a form provider.
 * <p>Glossary: grassroots democracy = dân chủ ở cơ sở; People's Inspection Board = Ban Thanh tra nhân
 * dân (Ban TTND); Community Investment Supervision Board = Ban Giám sát đầu tư của cộng đồng
 * (Ban GSĐTCĐ); head = Trưởng ban; deputy = Phó Trưởng ban; member = thành viên (ủy viên); resident
 * representative = đại diện người dân; term = nhiệm kỳ; village / residential group = thôn / tổ dân phố;
 * activity plan = kế hoạch hoạt động (quý, 6 tháng, năm); inspection = kiểm tra; supervision = giám
 * sát; subject = đối tượng kiểm tra, giám sát; the commune's Front = Ban Thường trực Ủy ban Mặt trận
 * Tổ quốc Việt Nam cấp xã; commune chair = Chủ tịch Ủy ban nhân dân cấp xã; finding = kết quả kiểm tra,
 * giám sát; recommendation = kiến nghị; answer = trả lời kiến nghị; disclosure = công khai; notice board
 * = niêm yết tại trụ sở; loudspeaker = hệ thống truyền thanh; community meeting = hội nghị thôn, tổ dân
 * phố; household = hộ gia đình; vote = biểu quyết.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"identity", "orgunit", "audit", "calendar", "export", "form", "meeting", "shared"})
package vn.danvan.democracy;
