/**
 * Conferences of the work cycle: quarterly briefings, six-month, annual and multi-year reviews of a
 * document or programme, working sessions with an inspection team, thematic conferences and signing
 * ceremonies. Each records when and where, the host unit, chair and co-chairs (persons, with their
 * titles as of the meeting date, read from {@code person}), participating units, agenda, reports heard
 * and the conclusion (documents of the registry), opinions raised by units, and the tasks the
 * conclusion assigns (created in {@code plan} with origin MEETING). A briefing opens with what the
 * previous briefing of its series concluded and where each of those tasks stands. Invitations and
 * conclusion notices are written as .docx in the Party layout (Guidance 36-HD/VPTW) for Party bodies
 * and the State layout (Decree 30/2020) otherwise; upcoming conferences and deadlines are shown as a
 * calendar page and a per-user iCalendar feed.
 * <p>Glossary: meeting, conference = hội nghị, cuộc họp; quarterly briefing = giao ban quý; six-month
 * review = sơ kết 6 tháng; annual review = tổng kết năm; multi-year review = tổng kết nhiều năm (5 năm,
 * 10 năm); working session with an inspection team = làm việc với đoàn kiểm tra; thematic conference =
 * hội nghị chuyên đề; signing ceremony = lễ ký kết; series = chuỗi hội nghị định kỳ; host unit = đơn vị
 * chủ trì tổ chức; chair = chủ trì; co-chair = đồng chủ trì; participating units = đơn vị tham dự; agenda =
 * chương trình hội nghị; reports heard = báo cáo tại hội nghị; opinion = ý kiến, tham luận; conclusion =
 * kết luận; conclusion notice = thông báo kết luận; invitation = giấy mời; previous briefing's conclusion
 * = kết luận kỳ trước; calendar feed = lịch iCalendar.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "orgunit", "audit", "calendar", "export", "document",
        "person", "plan", "form", "shared"})
package vn.danvan.meeting;
