package vn.danvan.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.danvan.form.FormColumn;
import vn.danvan.form.FormDeadline;
import vn.danvan.form.FormDefinition;
import vn.danvan.form.FormNarrative;
import vn.danvan.form.FormReporters;
import vn.danvan.form.FormRule;
import vn.danvan.form.ReportPeriod;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.VietnameseText;

/**
 * A report form as an administrator edits it on the screen, one text line per form line, rule and
 * narrative section:
 * <pre>
 * # I. Lãnh đạo, chỉ đạo                      (a section)
 * 1 | VAN_BAN_CHI_DAO | Số văn bản chỉ đạo     (mã số | indicator[.options] | label, optional)
 * lỗi | Y_KIEN_TRA_LOI_TAI_CHO ≤ Y_KIEN_DOI_THOAI | explanation   (or "cảnh báo")
 * ket_qua | Kết quả đạt được                  (a narrative section)
 * </pre>
 * {@code periodType} is a period of the type reported ({@code 2025Q1}: quarterly), {@code levels}
 * the unit levels that report, comma separated.
 */
record FormDraft(String code, String symbol, String title, Integer version, LocalDate validFrom, String periodType,
                 Integer deadlineDays, Boolean workingDays, String levels, String lines, String rules, String narratives) {

    static FormDraft of(FormDefinition d, int nextVersion, LocalDate validFrom) {
        var lines = new StringBuilder();
        String section = null;
        for (var c : d.columns()) {
            var s = c.header().size() > 1 ? c.header().get(0) : "";
            if (!s.equals(section)) {
                lines.append("# ").append(s).append('\n');
                section = s;
            }
            lines.append(c.number()).append(" | ").append(c.measure()).append(" | ").append(c.label()).append('\n');
        }
        var rules = new StringBuilder();
        d.rules().forEach(r -> rules.append(r.severity() == FormRule.Severity.ERROR ? "lỗi" : "cảnh báo").append(" | ")
                .append(r.expression()).append(r.message() == null ? "" : " | " + r.message()).append('\n'));
        var narratives = new StringBuilder();
        d.narratives().forEach(n -> narratives.append(n.key()).append(" | ").append(n.title()).append('\n'));
        var kind = d.periodKind() == null ? "" : ReportForms.example(d);
        return new FormDraft(d.code(), d.symbol(), d.title(), nextVersion, validFrom, kind,
                d.deadline() == null ? null : d.deadline().days(), d.deadline() != null && d.deadline().workingDays(),
                d.reporters() == null ? "" : String.join(", ", d.reporters().levels()), lines.toString(), rules.toString(),
                narratives.toString());
    }

    static FormDraft blank(LocalDate validFrom) {
        return new FormDraft("", "", "", 1, validFrom, "2025Q1", 10, true, "COMMUNE, PROVINCE", "# I. \n1 | HOI_NGHI_GIAO_BAN | \n", "",
                "ket_qua | Kết quả đạt được\nhan_che | Hạn chế, nguyên nhân\nnhiem_vu | Nhiệm vụ kỳ tới\nkien_nghi | Kiến nghị, đề xuất\n");
    }

    /**
     * The definition this draft describes.
     *
     * @throws InvalidInputException naming {@code lines}, {@code rules}, {@code narratives} or
     *                               {@code periodType} with the text line that cannot be read
     */
    FormDefinition definition(Map<String, String> labels) {
        var problems = new ArrayList<Problem>();
        ReportPeriod.Kind kind = null;
        var cut = vn.danvan.form.PeriodCut.CALENDAR;
        if (periodType != null && !periodType.isBlank()) {
            try {
                var p = ReportPeriod.parse(periodType, "periodType");
                kind = p.kind();
                cut = p.cut();
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        var columns = new ArrayList<FormColumn>();
        String section = "";
        for (var raw : text(lines)) {
            if (raw.startsWith("#")) {
                section = raw.substring(1).strip();
                continue;
            }
            var parts = split(raw);
            if (parts.size() < 2) {
                problems.add(new Problem("lines", "reporting.form.draft.line", raw));
                continue;
            }
            int number;
            try {
                number = Integer.parseInt(parts.get(0));
            } catch (NumberFormatException e) {
                problems.add(new Problem("lines", "reporting.form.draft.line", raw));
                continue;
            }
            var measure = parts.get(1).toUpperCase(Locale.ROOT);
            var label = parts.size() > 2 && !parts.get(2).isBlank() ? parts.get(2)
                    : labels.getOrDefault(ReportFormProvider.indicatorOf(measure), measure);
            columns.add(new FormColumn(number, section.isEmpty() ? List.of(label) : List.of(section, label), measure, null));
        }
        var ruleList = new ArrayList<FormRule>();
        for (var raw : text(rules)) {
            var parts = split(raw);
            var severity = VietnameseText.searchKey(parts.get(0));
            if (parts.size() < 2 || !(severity.equals("loi") || severity.equals("canh bao") || severity.equals("error")
                    || severity.equals("warning"))) {
                problems.add(new Problem("rules", "reporting.form.draft.rule", raw));
                continue;
            }
            ruleList.add(new FormRule(parts.get(1), severity.startsWith("l") || severity.equals("error")
                    ? FormRule.Severity.ERROR : FormRule.Severity.WARNING, parts.size() > 2 ? parts.get(2) : null));
        }
        var narrativeList = new ArrayList<FormNarrative>();
        for (var raw : text(narratives)) {
            var parts = split(raw);
            if (parts.size() != 2) {
                problems.add(new Problem("narratives", "reporting.form.draft.narrative", raw));
                continue;
            }
            narrativeList.add(new FormNarrative(parts.get(0), parts.get(1)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var levelList = levels == null ? List.<String>of()
                : Arrays.stream(levels.split("[,;\\s]+")).filter(s -> !s.isBlank()).map(s -> s.strip().toUpperCase(Locale.ROOT)).toList();
        return new FormDefinition(code, symbol, null, version == null ? 0 : version, validFrom, title, ReportFormProvider.NAME,
                Map.of(), cut, columns, List.of(), List.of(), kind,
                deadlineDays == null ? null : new FormDeadline(deadlineDays, Boolean.TRUE.equals(workingDays)), new FormReporters(levelList, List.of()),
                ruleList, narrativeList);
    }

    private static List<String> text(String s) {
        return s == null ? List.of() : s.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static List<String> split(String line) {
        return Arrays.stream(line.split("\\|", -1)).map(String::strip).toList();
    }
}
