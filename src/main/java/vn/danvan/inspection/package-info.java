/**
 * Inspections and supervisions of dân vận work (issue 7, point 1): a body's yearly inspection and
 * supervision plan — each inspection with its kind (inspection or supervision, regular or thematic),
 * the documents whose implementation it checks (module {@code document}), a team of persons from
 * several bodies with their titles on the day (module {@code person}), target units with their
 * self-assessment reports and the findings about them, working sessions (conferences of module
 * {@code meeting}, linked not copied), a conclusion (a document) and recommendations. A
 * recommendation is a task of module {@code plan} (origin INSPECTION): the responsible unit files its
 * follow-up reports there; this module keeps the target and finding it answers and the inspecting
 * body's verdict — accepted as done, or sent back. Figures for reporting are published as the form
 * provider {@code inspection}.
 * <p>Glossary: inspection = kiểm tra; supervision = giám sát; regular = thường xuyên; thematic = chuyên
 * đề; inspecting body = cơ quan, đơn vị chủ trì kiểm tra; team = đoàn kiểm tra, đoàn giám sát; head =
 * trưởng đoàn; deputy = phó trưởng đoàn; member = thành viên; secretary = thư ký đoàn; target unit =
 * đơn vị được kiểm tra; subject documents = văn bản được kiểm tra việc thực hiện; self-assessment report
 * = báo cáo tự kiểm tra, tự đánh giá; working session = buổi làm việc; findings = kết quả kiểm tra (ưu
 * điểm, hạn chế, khuyết điểm); strengths = ưu điểm; shortcomings = hạn chế, khuyết điểm; conclusion =
 * thông báo kết luận kiểm tra; recommendation = kiến nghị, yêu cầu khắc phục; responsible unit = đơn vị
 * thực hiện kiến nghị; follow-up report = báo cáo kết quả thực hiện kiến nghị; accepted = được chấp
 * nhận hoàn thành; sent back = bị trả lại; overdue = quá hạn; reach = phạm vi kiểm tra.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "orgunit", "audit", "document", "person", "meeting",
        "plan", "form", "shared"})
package vn.danvan.inspection;
