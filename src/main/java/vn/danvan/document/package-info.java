/**
 * Documents (văn bản) of Party and State bodies from the centre to the commune: directives,
 * resolutions, decisions, regulations, conclusions, coordination programmes, plans, reports,
 * notices and official letters; their identifiers (số, ký hiệu) parsed by the grammars of Decree
 * 30/2020 and Guidance 36-HD/VPTW, unique within their numbering scope; issuing bodies named as
 * they were at the time; relations (implements, replaces, amends, guides, renews, reports on)
 * shown as chains; attachments (PDF, DOCX) with their text searchable.
 * <p>Glossary: document = văn bản; identifier = số, ký hiệu (văn bản); type = loại văn bản (viết tắt:
 * CT, QĐ, QĐi…); issuer = cơ quan ban hành; joint document = văn bản liên tịch; signer = người ký;
 * date issued = ngày ban hành; effective = có hiệu lực; subject = trích yếu; in force = còn hiệu lực;
 * replaced = bị thay thế; expired = hết hiệu lực; abolished = bị bãi bỏ; abolished issuer = cơ quan
 * ban hành đã giải thể; implements = triển khai thực hiện; replaces = thay thế; amends = sửa đổi, bổ
 * sung; guides = hướng dẫn; renews = tiếp nối (giai đoạn sau); reports on = báo cáo kết quả thực
 * hiện; citation = trích dẫn; Party-committee term = nhiệm kỳ; directive = chỉ thị; coordination
 * programme = chương trình phối hợp; plan = kế hoạch; attachment = tệp đính kèm; State system =
 * văn bản của cơ quan nhà nước; Party system = văn bản của Đảng.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "orgunit", "audit", "export", "shared"})
package vn.danvan.document;
