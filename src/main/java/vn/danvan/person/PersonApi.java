package vn.danvan.person;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.person.PersonViews.PersonDetail;
import vn.danvan.person.PersonViews.PersonInput;
import vn.danvan.person.PersonViews.PersonRow;
import vn.danvan.person.PersonViews.PersonTitle;
import vn.danvan.person.PersonViews.PositionInput;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.PageResult;

/**
 * People and their positions over JSON: seen within scope (the keeping unit or a position's unit),
 * changed by a writing role covering the keeping unit (a position: covering the position's unit).
 */
@RestController
@RequestMapping("/api/people")
@Tag(name = "Cán bộ", description = "Cá nhân (cán bộ) và chức vụ theo thời gian, để hội nghị ghi chức danh tại ngày họp. Chỉ họ tên, "
        + "giới tính và năm sinh nếu cần — không số định danh, không điện thoại. Ngoài phạm vi → 404")
class PersonApi {

    /** {@code ownerUnit}: code of the unit keeping the record (as of today), default the user's unit. */
    record PersonRequest(String name, String gender, Integer birthYear, String ownerUnit, Integer version) {
    }

    /** {@code unit}: code of the position's unit, read as of {@code validFrom} (else today). */
    record PositionRequest(String unit, String title, LocalDate validFrom, LocalDate validTo) {
    }

    record Created(long id, String page) {
    }

    private final People people;
    private final CurrentUsers users;
    private final OrgUnits units;
    private final Clock clock;

    PersonApi(People people, CurrentUsers users, OrgUnits units, Clock clock) {
        this.people = people;
        this.users = users;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Tìm cán bộ", description = "q: họ tên, gõ không dấu cũng được. Phân trang: page (từ 0), size (≤ 200)")
    PageResult<PersonRow> search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "20") int size) {
        return people.search(q, Math.max(0, page), Math.min(Math.max(1, size), 200), users.require());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Một cán bộ với các chức vụ theo thời gian")
    PersonDetail person(@PathVariable long id) {
        return people.detail(id, users.require());
    }

    @GetMapping("/{id}/title")
    @Operation(summary = "Chức danh tại một ngày", description = "on: YYYY-MM-DD; chức danh là các chức vụ giữ vào ngày đó, nối bằng dấu phẩy")
    PersonTitle title(@PathVariable long id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        people.detail(id, users.require());
        return people.titleOn(id, on).orElseThrow(() -> new NotFoundException("person", id));
    }

    @PostMapping
    @Operation(summary = "Thêm cán bộ", description = "Cần quyền ghi trên ownerUnit")
    ResponseEntity<Created> create(@RequestBody PersonRequest r) {
        var user = users.require();
        var owner = r.ownerUnit() == null || r.ownerUnit().isBlank() ? user.homeUnitId() : unit(r.ownerUnit(), LocalDate.now(clock), "ownerUnitId");
        var id = people.create(new PersonInput(r.name(), r.gender(), r.birthYear(), owner), user);
        return ResponseEntity.created(URI.create("/api/people/" + id)).body(new Created(id, "/people/" + id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Sửa cán bộ", description = "version: phiên bản đã đọc; người khác đã lưu trước → 409")
    PersonDetail update(@PathVariable long id, @RequestBody PersonRequest r) {
        var user = users.require();
        var current = people.detail(id, user);
        people.update(id, new PersonInput(r.name(), r.gender(), r.birthYear(), current.ownerUnitId()),
                r.version() == null ? current.version() : r.version(), user);
        return people.detail(id, user);
    }

    @PostMapping("/{id}/positions")
    @Operation(summary = "Thêm chức vụ", description = "Cần quyền ghi trên đơn vị của chức vụ; validTo trước validFrom → 400")
    ResponseEntity<PersonDetail> addPosition(@PathVariable long id, @RequestBody PositionRequest r) {
        var user = users.require();
        var day = r.validFrom() != null ? r.validFrom() : LocalDate.now(clock);
        people.addPosition(id, new PositionInput(r.unit() == null || r.unit().isBlank() ? null : unit(r.unit(), day, "unitId"), r.title(),
                r.validFrom(), r.validTo()), user);
        return ResponseEntity.created(URI.create("/api/people/" + id)).body(people.detail(id, user));
    }

    @DeleteMapping("/{id}/positions/{positionId}")
    @Operation(summary = "Xóa chức vụ ghi nhầm")
    ResponseEntity<Void> removePosition(@PathVariable long id, @PathVariable long positionId) {
        people.removePosition(id, positionId, users.require());
        return ResponseEntity.noContent().build();
    }

    private long unit(String code, LocalDate day, String field) {
        var c = code.strip();
        return units.findByCode(c, day).or(() -> units.findByCode(c, LocalDate.now(clock))).map(u -> u.id())
                .orElseThrow(() -> new InvalidInputException(field, "person.unit.code-unknown", c));
    }
}
