package vn.danvan.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.reporting.DataValueSets.AtomicMode;
import vn.danvan.reporting.DataValueSets.DataValueSet;
import vn.danvan.reporting.DataValueSets.ImportSummary;
import vn.danvan.shared.InvalidInputException;

/**
 * {@code /api/dataValueSets}: values in and out in the shape of DHIS2's dataValueSets, as JSON or CSV,
 * for national reporting systems and DHIS2 instances. They authenticate with a personal access token
 * ({@code Authorization: Bearer …}, no CSRF token) and act with their owner's scope.
 */
@RestController
@Tag(name = "Trao đổi số liệu (dataValueSets)", description = "Nhập và xuất số liệu theo khuôn dataValueSets của DHIS2 (JSON, CSV). "
        + "Hệ thống khác xác thực bằng mã truy cập cá nhân: Authorization: Bearer <mã>, không cần CSRF; phạm vi là phạm vi của người tạo mã. "
        + "dataElement = mã chỉ tiêu; orgUnit = mã đơn vị, đọc theo ngày cuối kỳ (mã được dùng lại năm 2025); "
        + "categoryOptionCombo = mã phân tổ nối bằng dấu chấm (COLLECTIVE.ECONOMY), để trống hoặc \"default\" khi không phân tổ")
class DataValueSetsApi {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final DataValueSets sets;
    private final CurrentUsers users;
    /** Reads the user and exports in ONE read-only transaction (one connection, one BEGIN/COMMIT per request). */
    private final TransactionTemplate reading;

    DataValueSetsApi(DataValueSets sets, CurrentUsers users, PlatformTransactionManager transactions) {
        this.sets = sets;
        this.users = users;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    @GetMapping({"/api/dataValueSets", "/api/dataValueSets.json", "/api/dataValueSets.csv"})
    @Operation(summary = "Xuất số liệu (JSON hoặc CSV)",
            description = "dataElement, period, orgUnit (mỗi tham số lặp lại được hoặc cách nhau bằng dấu phẩy; bắt buộc); children=true: "
                    + "cả các đơn vị cấp dưới. Kỳ lấy đúng kỳ hỏi (như DHIS2: period=2024 chỉ trả số liệu năm). "
                    + "CSV khi đường dẫn kết thúc bằng .csv hoặc Accept: text/csv, theo thứ tự cột của DHIS2: dataelement, period, orgunit, "
                    + "categoryoptioncombo, attributeoptioncombo, value, storedby, lastupdated, comment, followup, deleted. "
                    + "Đơn vị không có hoặc ngoài phạm vi → 404; thiếu tham số hoặc kỳ sai → 400 nêu trường")
    ResponseEntity<?> export(@RequestParam(required = false) List<String> dataElement,
                             @RequestParam(required = false) List<String> period,
                             @RequestParam(required = false) List<String> orgUnit,
                             @RequestParam(defaultValue = "false") boolean children,
                             @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                             jakarta.servlet.http.HttpServletRequest request) {
        var set = reading.execute(status -> sets.export(dataElement, period, orgUnit, children, users.require()));
        var csv = request.getRequestURI().endsWith(".csv")
                || (!request.getRequestURI().endsWith(".json") && accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv"));
        if (csv) {
            return ResponseEntity.ok().contentType(CSV).body(DataValueSetCsv.write(set.dataValues()).getBytes(StandardCharsets.UTF_8));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(set);
    }

    @PostMapping(value = "/api/dataValueSets", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Nhập số liệu (JSON)",
            description = "{\"period\": \"2024Q4\", \"orgUnit\": \"20\", \"dataValues\": [{\"dataElement\": \"HOI_NGHI_GIAO_BAN\", "
                    + "\"period\": \"2024Q4\", \"orgUnit\": \"05983\", \"categoryOptionCombo\": \"\", \"value\": \"3\"}]} — period/orgUnit "
                    + "của dòng để trống thì lấy của cả bộ. Mỗi dòng qua đúng kiểm tra của PUT /api/values (kỳ, loại kỳ, kiểu giá trị, "
                    + "phân tổ, phạm vi đơn vị); các dòng hợp lệ được lưu bằng một câu lệnh, ghi nhật ký một lần cho cả lần nhập kèm các giá trị bị thay thế; dòng lặp lại khóa của dòng trước là dòng lỗi. atomicMode=NONE (mặc định): lưu từng dòng hợp lệ, dòng lỗi nằm trong "
                    + "conflicts với lý do bằng tiếng Việt (status WARNING); atomicMode=ALL: có một dòng lỗi thì không lưu dòng nào "
                    + "(status ERROR, HTTP 409). dryRun=true: kiểm tra như thật rồi không lưu gì. Trả về importCount: imported (mới), "
                    + "updated (đã có, được ghi đè), ignored (không lưu); tối đa 50.000 dòng mỗi lần")
    ResponseEntity<ImportSummary> importJson(@RequestBody DataValueSet set, @RequestParam(defaultValue = "false") boolean dryRun,
                                             @RequestParam(required = false) String atomicMode) {
        return answer(sets.importValues(set, dryRun, mode(atomicMode), users.require()));
    }

    @PostMapping(value = "/api/dataValueSets", consumes = {"text/csv", "application/csv"})
    @Operation(summary = "Nhập số liệu (CSV)",
            description = "Các cột theo thứ tự của DHIS2 (dòng tiêu đề có hoặc không): dataelement, period, orgunit, categoryoptioncombo, "
                    + "attributeoptioncombo, value[, storedby, lastupdated, comment, followup]. Cùng quy tắc, dryRun và atomicMode như JSON")
    ResponseEntity<ImportSummary> importCsv(@RequestBody String body, @RequestParam(defaultValue = "false") boolean dryRun,
                                            @RequestParam(required = false) String atomicMode) {
        var rows = DataValueSetCsv.read(body);
        return answer(sets.importValues(new DataValueSet(null, null, null, null, rows), dryRun, mode(atomicMode), users.require()));
    }

    private static ResponseEntity<ImportSummary> answer(ImportSummary summary) {
        return ResponseEntity.status("ERROR".equals(summary.status()) ? HttpStatus.CONFLICT : HttpStatus.OK).body(summary);
    }

    private static AtomicMode mode(String text) {
        if (text == null || text.isBlank()) {
            return AtomicMode.NONE;
        }
        try {
            return AtomicMode.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("atomicMode", "validation.bad-value", text);
        }
    }
}
