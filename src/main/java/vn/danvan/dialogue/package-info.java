/**
 * Dialogues between the heads of Party committees and authorities and the people, businesses, union
 * members or young people (Quy định 23-QĐ/TW; Chỉ thị 16/CT-TTg): each is a conference of module
 * {@code meeting} (kind DIALOGUE, so it shows in the conference calendar) with what is particular to a
 * dialogue kept here — participants by group, the opinions raised (by a person, whose name and contact
 * stay private, an organisation, or anonymously), the answers given on the spot and the commitments. A
 * commitment is a task of module {@code plan} with origin ("DIALOGUE", dialogue id), assigned by the
 * organising unit, followed up by the responsible unit on the task page and accepted or sent back here.
 * An opinion that is a complaint or a denunciation is handed to module {@code petition} (a link, no
 * copy). The public accountability page of a province or commune shows the dialogues held and the
 * commitments with their status, without any personal detail of citizens; the figures are published as
 * form measures (provider {@code dialogue}).
 * <p>Glossary: dialogue = đối thoại (hội nghị đối thoại); head = người đứng đầu cấp ủy, chính quyền;
 * organising unit = đơn vị tổ chức; participants by group = thành phần tham dự (người dân, doanh nghiệp,
 * đoàn viên công đoàn, thanh niên, hội viên phụ nữ, nông dân); opinion = ý kiến, kiến nghị; speaker =
 * người nêu ý kiến; answered on the spot = trả lời trực tiếp tại hội nghị; commitment = cam kết, nội dung
 * giao giải quyết; resolved = đã giải quyết xong; summary report = báo cáo kết quả hội nghị đối thoại;
 * accountability page = trang công khai trách nhiệm giải trình.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "orgunit", "audit", "export", "meeting",
        "person", "plan", "petition", "form", "shared"})
package vn.danvan.dialogue;
