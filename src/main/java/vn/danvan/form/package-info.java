/**
 * Report forms (biểu mẫu) as data: numbered columns under a multi-level header, the identities
 * printed under the columns ("1 = 4 + 13 + 22"), the version of the circular they belong to, the
 * period they cover, and their layout as a page, JSON and .xlsx. A case module fills the cells of its
 * own forms through {@link vn.danvan.form.FormProvider}: the provider resolves the unit, checks the
 * user's scope and returns one row per unit with subtotals; this module lays the rows out and checks
 * the identities. Glossary: form = biểu mẫu; column number = số thứ tự cột (dòng "MS"); identity =
 * công thức kiểm tra; reporting period = kỳ báo cáo; inspection-sector year = năm thanh tra (from
 * 15/12); validation rule = quy tắc kiểm tra ({@link vn.danvan.form.RuleExpression}); submission
 * deadline = hạn nộp ({@link vn.danvan.form.FormDeadlines}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"calendar", "shared"})
package vn.danvan.form;
