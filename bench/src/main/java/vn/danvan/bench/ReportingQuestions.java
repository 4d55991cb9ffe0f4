package vn.danvan.bench;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.danvan.bench.ReportingQueryBench.Question;

/** The questions of the aggregation peer (q1–q5) and issue 8 point 12, each as an API path, raw SQL and DHIS2-style SQL. */
final class ReportingQuestions {

    /** (id, code) of today's Thái Nguyên (with the old Bắc Kạn). */
    static final String THAI_NGUYEN_TODAY = """
            select u.id, u.code from org_unit u join org_unit_version v on v.unit_id = u.id and v.validity @> current_date
            where u.category = 'AREA' and u.level = 'PROVINCE' and u.validity @> current_date and v.name like '%Thái Nguyên'
            """;

    private final Connection db;
    private final String today;
    private final LocalDate day;

    ReportingQuestions(Connection db, String today, LocalDate day) {
        this.db = db;
        this.today = today;
        this.day = day;
    }

    List<Question> all() throws Exception {
        var country = ReportingBench.countryCode(db);
        var ids = new ArrayList<Long>();
        var codes = new ArrayList<String>();
        for (var row : ReportingSql.rows(db, "select id, code from reporting_indicator where code like 'BENCH_I%' order by code")) {
            ids.add(Long.parseLong(row.get(0)));
            codes.add(row.get(1));
        }
        long one = ids.get(6); // BENCH_I07, as the peer's indicator 7
        var oneCode = codes.get(6);
        var ten = ids.subList(0, 10);
        var tenCodes = codes.subList(0, 10);
        var quarters = List.of("2024Q1", "2024Q2", "2024Q3", "2024Q4");
        var eight = List.of("2023Q1", "2023Q2", "2023Q3", "2023Q4", "2024Q1", "2024Q2", "2024Q3", "2024Q4");
        var oldLangSon = ReportingSql.rows(db, """
                select id, path from org_unit where category = 'AREA' and level = 'PROVINCE' and code = '20'
                  and validity @> date '2024-12-31'""").get(0);
        var thaiNguyen = ReportingSql.rows(db, THAI_NGUYEN_TODAY).get(0);
        var list = new ArrayList<Question>();
        list.add(new Question("q1 1 indicator, country, 2024 → 1 number",
                "`GET /api/values/aggregate?indicator=%s&unit=%s&period=2024` (RESTATED, the default; the answer also carries 2023 "
                        .formatted(oneCode, country) + "and the change, the SQL does not)",
                "/api/values/aggregate?indicator=%s&unit=%s&period=2024".formatted(oneCode, country), ReportingSql.q1(one, 2024),
                ReportingSql.dhis2Q1(oneCode, 2024), ReportingQueryBench::aggregateValue));
        list.add(new Question("q2 1 indicator, 2024, restated → 34 provinces",
                "`GET /api/pivot?indicator=%s&unit=%s&period=2024` (restated; the pivot also answers the country's total and 2023 "
                        .formatted(oneCode, country) + "for every cell)",
                "/api/pivot?indicator=%s&unit=%s&period=2024".formatted(oneCode, country),
                ReportingSql.provinces(today, List.of(one), 2024, false), ReportingSql.dhis2Provinces(List.of(oneCode), 2024, false),
                ReportingQueryBench.pivotCells(List.of("2024"))));
        var tenParams = String.join("&", tenCodes.stream().map(c -> "indicator=" + c).toList());
        list.add(new Question("q3 pivot 10 indicators × 34 provinces × 4 quarters, restated",
                "`GET /api/pivot?indicator=…(10)&unit=%s&period=2024&split=QUARTER` (restated; 1,360 cells compared; the pivot also "
                        .formatted(country) + "answers the totals, the year and 2023 for every cell)",
                "/api/pivot?%s&unit=%s&period=2024&split=QUARTER".formatted(tenParams, country),
                ReportingSql.provinces(today, ten, 2024, true), ReportingSql.dhis2Provinces(tenCodes, 2024, true),
                ReportingQueryBench.pivotCells(quarters)));
        list.add(new Question("q4 old Lạng Sơn's communes × 1 indicator × 8 quarters, as recorded",
                "`GET /api/dataValueSets?dataElement=%s&period=2023Q1,…,2024Q4&orgUnit=20&children=true` (the unit code read as of "
                        .formatted(oneCode) + "each period's last day: old Lạng Sơn)",
                "/api/dataValueSets?dataElement=%s&period=%s&orgUnit=20&children=true".formatted(oneCode, String.join(",", eight)),
                ReportingSql.communesOf(one, oldLangSon.get(1), eight),
                ReportingSql.dhis2Communes(oneCode, Long.parseLong(oldLangSon.get(0)), eight), ReportingQueryBench::dataValues));
        list.add(new Question("q5 completeness 2024Q4 per today's province",
                "raw SQL only (no completeness board on main when this ran): communes valid on 31/12/2024 with a submission of "
                        + "the form " + ReportingGenerator.FORM + " for 2024Q4 vs communes expected, per today's province",
                null, ReportingSql.completeness(today, ReportingGenerator.FORM, "2024Q4", "2024-12-31"), null, null));
        var oldThaiNguyen = ReportingSql.rows(db, """
                select path from org_unit where category = 'AREA' and level = 'PROVINCE' and code = '19'
                  and validity @> date '2024-12-31'""").get(0).get(0);
        list.add(new Question("A province's completeness board through the API (old Thái Nguyên, 2024Q4)",
                "`GET /api/reporting/completeness?form=%s&unit=19&period=2024Q4` (the unit code read as of the period's last day: "
                        .formatted(ReportingGenerator.FORM) + "old Thái Nguyên; each expected commune with its report's status, counts "
                        + "per area); the SQL is Completeness.board's statement",
                "/api/reporting/completeness?form=%s&unit=19&period=2024Q4".formatted(ReportingGenerator.FORM),
                ReportingSql.boardAsRecorded(oldThaiNguyen, ReportingGenerator.FORM, "2024Q4", "2024-12-31"), null,
                ReportingQueryBench::boardEntries));
        list.add(new Question("A province's completeness board (Thái Nguyên, 2024Q4)",
                "raw SQL only: each commune of old Thái Nguyên and old Bắc Kạn on 31/12/2024 with its submission's status",
                null, ReportingSql.board(today, Long.parseLong(thaiNguyen.get(0)), ReportingGenerator.FORM, "2024Q4", "2024-12-31"),
                null, null));
        return list;
    }

    LocalDate day() {
        return day;
    }
}
