package vn.danvan.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.reporting.DashboardItems.DashboardItem;
import vn.danvan.shared.InvalidInputException;

/** The pivot and the dashboard items over JSON, with the same rules as their pages. */
@RestController
@Tag(name = "Phân tích", description = "Bảng phân tích (chỉ tiêu × đơn vị × kỳ) và các mục trên bảng điều khiển của đơn vị")
class AnalysisApi {

    /** An item to add: the pivot question as query parameters (as /reporting/pivot takes them). */
    record ItemRequest(String title, String kind, String query) {
    }

    private final Pivots pivots;
    private final DashboardItems items;
    private final CurrentUsers users;

    AnalysisApi(Pivots pivots, DashboardItems items, CurrentUsers users) {
        this.pivots = pivots;
        this.items = items;
        this.users = users;
    }

    @GetMapping("/api/pivot")
    @Operation(summary = "Bảng phân tích",
            description = "indicator (lặp lại, tối đa 12), unit (mã đơn vị đọc theo ngày on: hàng là các đơn vị trực thuộc, ô của chính đơn vị "
                    + "là tổng), period (kỳ bao, ví dụ 2024) và split (QUARTER|MONTH|YEAR: chia kỳ bao thành các kỳ nhỏ, tối đa 24), on, "
                    + "mode RESTATED|AS_RECORDED, rows/columns (INDICATOR|UNIT|PERIOD: trục hàng, trục cột; trục còn lại nhóm các hàng), "
                    + "chart TREND|UNITS|STACKED (STACKED: thêm các ô theo phân tổ đầu tiên, option khác null). Mỗi ô tính theo cách tổng hợp "
                    + "của chỉ tiêu từ số liệu gốc (không cộng các ô), kèm unallocated (phần chưa phân bổ), cùng kỳ năm trước và change (%). "
                    + "Đọc toàn bộ số liệu nhập của bảng bằng một câu lệnh; đơn vị ngoài phạm vi → 404")
    Pivot pivot(HttpServletRequest request) {
        var question = PivotQuestion.fromParameters(request.getParameterMap());
        return pivots.pivot(question, users.require());
    }

    @GetMapping("/api/dashboards/{unit}/items")
    @Operation(summary = "Các mục trên bảng điều khiển của đơn vị", description = "Theo thứ tự; đơn vị ngoài phạm vi xem → 404")
    List<DashboardItem> items(@PathVariable String unit) {
        return items.of(unit, users.require());
    }

    @PostMapping("/api/dashboards/{unit}/items")
    @Operation(summary = "Thêm một mục vào cuối bảng điều khiển",
            description = "{\"title\": \"…\", \"kind\": \"PIVOT|CHART\", \"query\": \"indicator=HOI_NGHI_GIAO_BAN&unit=20&period=2025&split=QUARTER\"}. "
                    + "Cần quyền ghi cho đơn vị (không có → 404); câu hỏi được kiểm tra bằng cách trả lời nó (lỗi → 400 nêu trường); có ghi nhật ký")
    ResponseEntity<DashboardItem> add(@PathVariable String unit, @RequestBody ItemRequest r) {
        var item = items.add(unit, r.kind(), r.title(), PivotQuestion.fromQuery(r.query()), users.require());
        return ResponseEntity.created(URI.create("/api/dashboards/" + item.unit() + "/items")).body(item);
    }

    @PostMapping("/api/dashboard-items/{id}/move")
    @Operation(summary = "Chuyển một mục lên hoặc xuống", description = "direction=up|down, version: phiên bản đã đọc (khác → 409)")
    DashboardItem move(@PathVariable long id, @RequestParam String direction, @RequestParam int version) {
        if (!direction.equals("up") && !direction.equals("down")) {
            throw new InvalidInputException("direction", "validation.bad-value", direction);
        }
        return items.move(id, direction.equals("up"), version, users.require());
    }

    @DeleteMapping("/api/dashboard-items/{id}")
    @Operation(summary = "Gỡ một mục", description = "version: phiên bản đã đọc (khác → 409); không có quyền ghi cho đơn vị → 404")
    ResponseEntity<Void> remove(@PathVariable long id, @RequestParam int version) {
        items.remove(id, version, users.require());
        return ResponseEntity.noContent().build();
    }
}
