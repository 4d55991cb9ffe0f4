/**
 * Plans, coordination programmes, tasks and implementation tracking: a unit's yearly dân vận plan
 * and the plans that implement a directive or a programme; tasks with a responsible unit,
 * coordinating units and a deadline (a date, or N working days), progress updates with evidence,
 * delegation down the hierarchy with progress rolled up; a directive assigned to a set of units,
 * each linking its implementing plan and reporting progress, shown as a matrix; coordination
 * programmes between bodies with signatories, content items, yearly joint plans, review results and
 * renewal. Other modules assign tasks through {@link vn.danvan.plan.TaskAssignments} and read figures
 * through {@link vn.danvan.plan.PlanFigures}; module meeting records and reads a conference's review
 * results through {@link vn.danvan.plan.CoordinationProgrammes#recordReview} and
 * {@link vn.danvan.plan.ProgrammeReviews}. The document page shows a document's implementation from
 * {@code /plans/assignments/for-document/{id}}, loaded by htmx, so that document needs nothing of plan.
 * <p>Glossary: plan = kế hoạch; yearly dân vận plan = kế hoạch công tác dân vận năm; theme = chủ đề năm;
 * task = nhiệm vụ; responsible unit = đơn vị chủ trì; coordinating unit = đơn vị phối hợp; deadline =
 * thời hạn; working days = ngày làm việc; progress update = báo cáo tiến độ; evidence = minh chứng;
 * delegation = giao cho cấp dưới; not started = chưa thực hiện; in progress = đang thực hiện; done =
 * hoàn thành; overdue = quá hạn; cancelled = đã hủy; implementation tracking = theo dõi triển khai
 * thực hiện; assignment = giao triển khai; implementing document = văn bản triển khai (kế hoạch thực
 * hiện); not acted = chưa triển khai; coordination programme = chương trình phối hợp; signatory = người
 * ký; content item = nội dung phối hợp; yearly joint plan = kế hoạch phối hợp hằng năm; activity = hoạt
 * động; review result = kết quả sơ kết, tổng kết; renewal = chương trình giai đoạn tiếp theo.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"identity", "orgunit", "audit", "calendar", "export", "document", "form", "shared"})
package vn.danvan.plan;
