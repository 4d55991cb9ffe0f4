package vn.danvan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.form.FormColumn;
import vn.danvan.form.FormDefinition;
import vn.danvan.form.FormDefinitions;
import vn.danvan.form.FormRecords;
import vn.danvan.form.FormReports;
import vn.danvan.form.FormResult;
import vn.danvan.form.FormXlsx;
import vn.danvan.form.RowKind;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.shared.NotFoundException;

/**
 * The official statistics forms over JSON and .xlsx, for exchange with national reporting systems:
 * numbered columns per row, as printed on the form. The provider of each form checks the unit scope.
 */
@RestController
@RequestMapping("/api/forms")
@Tag(name = "Biểu mẫu thống kê", description = "Biểu 01/TCD … 04/KQGQ tính trực tiếp từ hồ sơ; định nghĩa biểu là dữ liệu")
class FormApi {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final FormDefinitions definitions;
    private final FormReports reports;
    private final CurrentUsers users;

    FormApi(FormDefinitions definitions, FormReports reports, CurrentUsers users) {
        this.definitions = definitions;
        this.reports = reports;
        this.users = users;
    }

    /** A filled form as exchanged: columns by number, one entry per row with its values by column number. */
    record FormJson(String code, String symbol, String circular, int version, String title, String unit,
            String unitName, LocalDate from, LocalDate to, List<ColumnJson> columns, List<RowJson> rows,
            List<FormResult.IdentityCheck> identities) {
    }

    record ColumnJson(int number, List<String> header, FormColumn.ValueKind kind, boolean note) {
    }

    record RowJson(RowKind kind, String unit, String label, int depth, Map<String, BigDecimal> values) {
    }

    @GetMapping
    @Operation(summary = "Các biểu mẫu (phiên bản mới nhất của mỗi biểu)")
    List<FormDefinition> forms() {
        return definitions.latest();
    }

    @GetMapping("/{code}")
    @Operation(summary = "Số liệu một biểu cho cây đơn vị và kỳ báo cáo",
            description = "code: 01-TCD, 02-TCD, 01-XLD … 04-XLD, 01-KQGQ … 04-KQGQ. unit: mã đơn vị (mặc định đơn vị của người dùng). "
                    + "from, to: yyyy-MM-dd, tính cả hai ngày. Mỗi dòng: giá trị theo số thứ tự cột; dòng TOTAL trước, SUBTOTAL theo nhóm.")
    FormJson form(@PathVariable String code,
                  @Parameter(description = "Mã đơn vị, ví dụ 20 (Lạng Sơn)") @RequestParam(required = false) String unit,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  Principal principal) {
        return json(reports.fill(code, unit, null, from, to, principal));
    }

    @GetMapping(value = "/{code}/xlsx", produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "Biểu mẫu dạng .xlsx theo mẫu ban hành")
    ResponseEntity<byte[]> xlsx(@PathVariable String code, @RequestParam(required = false) String unit,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                Principal principal) {
        return xlsxResponse(reports.fill(code, unit, null, from, to, principal));
    }

    @GetMapping("/{code}/records")
    @Operation(summary = "Các hồ sơ được tính ở một ô của biểu (truy vết số liệu)",
            description = "column: số thứ tự cột; row: mã đơn vị của dòng (bỏ trống: cả cây đơn vị). Trả về tối đa 500 hồ sơ, mới nhất trước.")
    FormRecords records(@PathVariable String code, @RequestParam(required = false) String unit,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                        @RequestParam int column, @RequestParam(required = false) String row, Principal principal) {
        return reports.records(code, unit, null, from, to, column, row, principal, RECORDS_LIMIT);
    }

    static final int RECORDS_LIMIT = 500;

    @PostMapping(value = "/definitions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Nạp một phiên bản mới của biểu mẫu (quản trị hệ thống)",
            description = "Định nghĩa gồm code, symbol, circular, version, validFrom, title, provider, parameters, cut, "
                    + "columns (number, header, measure, kind), identities (ví dụ \"1 = 4 + 13 + 22\").")
    FormDefinition upload(@RequestBody String definition) {
        var user = users.require();
        if (!user.isSystemAdmin()) {
            throw new NotFoundException("form", "definitions");
        }
        return definitions.upload(definition, user.username());
    }

    static ResponseEntity<byte[]> xlsxResponse(FormResult result) {
        var name = "bieu-" + result.definition().code() + "-" + result.unitCode() + "-" + result.from() + "-" + result.to() + ".xlsx";
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(FormXlsx.write(result));
    }

    static FormJson json(FormResult r) {
        var d = r.definition();
        return new FormJson(d.code(), d.symbol(), d.circular(), d.version(), d.title(), r.unitCode(), r.unitName(),
                r.from(), r.to(),
                d.columns().stream().map(c -> new ColumnJson(c.number(), c.header(), c.kind(), c.isNote())).toList(),
                r.rows().stream().map(row -> {
                    var values = new LinkedHashMap<String, BigDecimal>();
                    row.values().forEach((k, v) -> values.put(String.valueOf(k), v));
                    return new RowJson(row.kind(), row.unitCode(), row.label(), row.depth(), values);
                }).toList(),
                r.checks());
    }
}
