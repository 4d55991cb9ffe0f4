package vn.danvan.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.shared.InvalidInputException;

/**
 * Indicators, values and live aggregates over JSON. Every signed-in user reads the catalogue; system
 * administrators define indicators (others: 404). A value is written by an officer whose scope covers
 * the unit (outside it: 404); a stale {@code version} (or {@code If-Match}) answers 409. Aggregates
 * answer for a unit the user may read.
 */
@RestController
@Tag(name = "Báo cáo", description = "Chỉ tiêu, số liệu theo kỳ và tổng hợp trực tiếp theo cây đơn vị, tính lại theo đơn vị hiện nay "
        + "(RESTATED) hoặc theo đơn vị tại thời điểm phát sinh (AS_RECORDED)")
class ReportingApi {

    /** An indicator to define or change; {@code version} is the version read (change only). */
    record IndicatorRequest(String code, String name, String nameEn, String description, ValueType valueType,
                            Aggregation aggregation, IndicatorSource source, String periodType, String numerator,
                            String denominator, String provider, String measure, String categoryCombo, Integer version) {

        IndicatorInput input() {
            return new IndicatorInput(code, name, nameEn, description, valueType, aggregation, source, periodType, numerator,
                    denominator, provider, measure, categoryCombo);
        }
    }

    /** One value: {@code value} is a number, true/false or a text as the indicator's type says. */
    record ValueRequest(String indicator, String unit, String period, String categoryOptionCombo, Object value, Integer version) {
    }

    private final Indicators indicators;
    private final ReportValues values;
    private final Aggregates aggregates;
    private final CurrentUsers users;
    /** Reads the user and answers in ONE read-only transaction (one connection, one BEGIN/COMMIT per request). */
    private final TransactionTemplate reading;

    ReportingApi(Indicators indicators, ReportValues values, Aggregates aggregates, CurrentUsers users,
                 PlatformTransactionManager transactions) {
        this.indicators = indicators;
        this.values = values;
        this.aggregates = aggregates;
        this.users = users;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    @GetMapping("/api/indicators")
    @Operation(summary = "Danh mục chỉ tiêu")
    List<Indicator> indicators() {
        users.require();
        return indicators.all();
    }

    @GetMapping("/api/indicators/{code}")
    @Operation(summary = "Một chỉ tiêu")
    Indicator indicator(@PathVariable String code) {
        users.require();
        return indicators.get(code);
    }

    @GetMapping("/api/indicators/figures")
    @Operation(summary = "Các số liệu các phân hệ công bố", description = "provider → measures: chỉ tiêu tính từ hồ sơ chọn một cặp này")
    Map<String, List<String>> figures() {
        users.require();
        return indicators.figures();
    }

    @PostMapping("/api/indicators")
    @Operation(summary = "Định nghĩa chỉ tiêu (quản trị hệ thống)",
            description = "{\"code\": \"SO_HOI_NGHI\", \"name\": \"…\", \"valueType\": \"INTEGER\", \"aggregation\": \"SUM\"} tạo chỉ tiêu do đơn vị nhập. "
                    + "valueType: INTEGER|DECIMAL|PERCENTAGE|BOOLEAN|TEXT; aggregation: SUM|AVERAGE|MIN|MAX|LAST|RATIO|NONE; "
                    + "periodType: một kỳ mẫu (2024Q1 → nhập theo quý; trống: kỳ bất kỳ); RATIO cần numerator, denominator (mã chỉ tiêu, "
                    + "không tạo vòng); chỉ tiêu tính từ hồ sơ: provider + measure (xem /api/indicators/figures); categoryCombo: KIND, KIND_FIELD")
    ResponseEntity<Indicator> define(@RequestBody IndicatorRequest r) {
        var created = indicators.define(r.input(), users.require());
        return ResponseEntity.created(URI.create("/api/indicators/" + created.code())).body(created);
    }

    @PutMapping("/api/indicators/{code}")
    @Operation(summary = "Sửa chỉ tiêu (quản trị hệ thống)", description = "version: phiên bản đã đọc; người khác đã sửa trước → 409")
    Indicator update(@PathVariable String code, @RequestBody IndicatorRequest r) {
        var user = users.require();
        if (r.version() == null) {
            throw new InvalidInputException("version", "validation.required");
        }
        return indicators.update(code, r.input(), r.version(), user);
    }

    @PutMapping("/api/values")
    @Operation(summary = "Lưu một số liệu",
            description = "{\"indicator\": \"CODE\", \"unit\": \"UNIT_CODE\", \"period\": \"2024Q4\", \"value\": 12}. Mã đơn vị đọc theo ngày cuối kỳ. "
                    + "version (hoặc If-Match): phiên bản đã đọc, 0 = chưa có số liệu; người khác đã lưu trước → 409. "
                    + "Kỳ sai định dạng hoặc không đúng loại kỳ của chỉ tiêu, giá trị sai kiểu → 400 nêu trường; đơn vị ngoài phạm vi → 404")
    StoredValue save(@RequestBody ValueRequest r, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        var version = r.version() != null ? r.version() : versionFrom(ifMatch);
        return values.save(new ValueInput(r.indicator(), r.unit(), r.period(), r.categoryOptionCombo(), r.value(), version),
                users.require());
    }

    @GetMapping("/api/values")
    @Operation(summary = "Đọc một số liệu", description = "Cùng khóa như khi lưu; trả về version để sửa tiếp")
    StoredValue value(@RequestParam String indicator, @RequestParam String unit, @RequestParam String period,
                      @RequestParam(required = false) String categoryOptionCombo) {
        return values.find(indicator, unit, period, categoryOptionCombo, users.require());
    }

    @GetMapping("/api/values/aggregate")
    @Operation(summary = "Tổng hợp trực tiếp",
            description = "indicator, unit (mã đọc theo ngày on, mặc định hôm nay), period (2024, 2024S1, 2024Q1, 202403, 2024TTQ1, 2016-2021), "
                    + "mode RESTATED (mặc định: cây đơn vị hiện nay, cộng cả đơn vị đã sáp nhập vào; đơn vị bị chia tách tính theo tỷ lệ phân bổ, "
                    + "chưa có tỷ lệ thì trả riêng ở unallocated) hoặc AS_RECORDED (cây đơn vị như trong kỳ). Kèm cùng kỳ năm trước và tỷ lệ tăng/giảm")
    AggregateResult aggregate(@RequestParam String indicator, @RequestParam String unit, @RequestParam String period,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                              @RequestParam(required = false) AggregateMode mode,
                              @RequestParam(required = false) String categoryOptionCombo) {
        return reading.execute(status -> aggregates.aggregate(indicator, unit, period, on, mode, categoryOptionCombo, users.require()));
    }

    @GetMapping("/api/values/records")
    @Operation(summary = "Hồ sơ sau một số liệu tính",
            description = "Chỉ tiêu tính từ hồ sơ: các hồ sơ được đếm cho cây đơn vị và kỳ (path: trang của hồ sơ), tối đa limit (≤ 500)")
    List<vn.danvan.form.FormRecord> records(@RequestParam String indicator, @RequestParam String unit, @RequestParam String period,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                                            @RequestParam(defaultValue = "100") int limit) {
        return aggregates.records(indicator, unit, period, on, users.require(), Math.min(Math.max(1, limit), 500));
    }

    private static Integer versionFrom(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        var v = ifMatch.strip().replace("W/", "").replace("\"", "");
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("version", "validation.bad-value", ifMatch);
        }
    }
}
