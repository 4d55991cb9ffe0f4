package vn.danvan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.UnitEditing;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.orgunit.UnitCategory;
import vn.danvan.orgunit.UnitKind;
import vn.danvan.orgunit.UnitLevel;
import vn.danvan.orgunit.UnitQuery;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.PageResult;

/**
 * Units over JSON. Units are public reference data for every signed-in user (contracts §3); a unit
 * is named by its official code, read as of the date the endpoint names (today by default). Only
 * an administrator of the parent unit adds or renames bodies and residential areas; outside that
 * scope the parent answers 404.
 */
@RestController
@RequestMapping("/api/units")
@Tag(name = "Đơn vị", description = "Đơn vị hành chính và cơ quan, tổ chức; lịch sử sắp xếp")
class UnitApi {

    /** A unit on the wire. {@code validFrom} null: valid since before any record; {@code validTo} null: still valid. */
    record UnitDto(long id, String code, String name, String nameEn, UnitLevel level, UnitKind kind,
                   UnitCategory category, Long parentId, LocalDate validFrom, LocalDate validTo) {

        static UnitDto of(OrgUnit u) {
            return new UnitDto(u.id(), u.code(), u.name(), u.nameEn(), u.level(), u.kind(), u.category(), u.parentId(),
                    u.validFrom(), u.validTo());
        }
    }

    record Brief(String code, String name, UnitLevel level, LocalDate validFrom, LocalDate validTo) {
        static Brief of(OrgUnit u) {
            return new Brief(u.code(), u.name(), u.level(), u.validFrom(), u.validTo());
        }
    }

    record SuccessorsDto(Brief unit, LocalDate on, List<Brief> successors) {
    }

    record LinkDto(Brief unit, LocalDate effectiveOn, boolean whole, String kind) {
    }

    record HistoryDto(UnitDto unit, List<VersionDto> versions, List<LinkDto> predecessors, List<LinkDto> successors,
                      List<Brief> carriersToday) {
    }

    record VersionDto(LocalDate validFrom, LocalDate validTo, UnitKind kind, String name, String change) {
    }

    /** A body or residential area to establish under the unit holding {@code parentCode} on {@code validFrom}. */
    record NewSubUnitRequest(String parentCode, String code, UnitKind kind, String name, String nameEn,
                             LocalDate validFrom) {
    }

    record RenameRequest(String name, LocalDate validFrom) {
    }

    private static final int MAX_PAGE_SIZE = 1000;

    private final OrgUnits units;
    private final UnitEditing editing;
    private final CurrentUsers users;
    private final OrgScope scope;
    private final Clock clock;

    UnitApi(OrgUnits units, UnitEditing editing, CurrentUsers users, OrgScope scope, Clock clock) {
        this.units = units;
        this.editing = editing;
        this.users = users;
        this.scope = scope;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Thêm cơ quan, tổ chức hoặc thôn, tổ dân phố trực thuộc (quản trị đơn vị cấp trên)")
    UnitDto create(@RequestBody NewSubUnitRequest request) {
        if (request.parentCode() == null || request.parentCode().isBlank()) {
            throw new InvalidInputException("parentCode", "validation.required");
        }
        var day = request.validFrom() == null ? today() : request.validFrom();
        var parent = units.findByCode(request.parentCode(), day)
                .filter(p -> scope.canAdminister(users.require(), p.id()))
                .orElseThrow(() -> new NotFoundException("unit", request.parentCode()));
        return UnitDto.of(editing.addSubUnit(parent.id(), new UnitEditing.NewSubUnit(request.code(), request.kind(),
                request.name(), request.nameEn(), request.validFrom())));
    }

    @PostMapping("/{code}/rename")
    @Operation(summary = "Đổi tên cơ quan, tổ chức hoặc thôn, tổ dân phố từ một ngày")
    UnitDto rename(@PathVariable String code, @RequestBody RenameRequest request) {
        var unit = units.findByCode(code, today())
                .filter(u -> scope.canAdminister(users.require(), u.id()))
                .orElseThrow(() -> new NotFoundException("unit", code));
        return UnitDto.of(editing.rename(unit.id(), request.name(), request.validFrom()));
    }

    @GetMapping
    @Operation(summary = "Danh sách đơn vị hợp lệ vào một ngày",
            description = "level lọc đơn vị hành chính theo cấp; kind lọc theo loại (kể cả cơ quan, tổ chức). "
                    + "Không có kind: chỉ đơn vị hành chính.")
    PageResult<UnitDto> list(@RequestParam(required = false) UnitLevel level,
                             @RequestParam(required = false) UnitKind kind,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validOn,
                             @RequestParam(required = false) @Parameter(description = "Từ khóa (không dấu cũng được) hoặc đầu mã") String q,
                             @RequestParam(required = false) @Parameter(description = "Mã đơn vị cấp trên") String parent,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "validation.bad-value", page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "validation.bad-value", size);
        }
        var day = validOn == null ? today() : validOn;
        Long parentId = parent == null ? null
                : units.findByCode(parent, day).map(OrgUnit::id).orElseThrow(() -> new NotFoundException("unit", parent));
        var category = kind == null ? UnitCategory.AREA : null;
        return units.list(new UnitQuery(level, kind, category, day, q, parentId), page, size).map(UnitDto::of);
    }

    @GetMapping("/{code}")
    @Operation(summary = "Đơn vị giữ mã vào ngày on")
    UnitDto get(@PathVariable String code,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return UnitDto.of(holding(code, on));
    }

    @GetMapping("/{code}/successors")
    @Operation(summary = "Những đơn vị kế thừa đơn vị mang mã vào ngày on",
            description = "held: ngày đơn vị giữ mã. Không có held: trong các đơn vị từng giữ mã, đơn vị bắt đầu "
                    + "muộn nhất trước ngày on; nếu không có, đơn vị hợp lệ vào ngày on.")
    SuccessorsDto successors(@PathVariable String code,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate held) {
        var answer = units.successorsOf(code, on == null ? today() : on, held);
        return new SuccessorsDto(Brief.of(answer.unit()), answer.on(), answer.successors().stream().map(Brief::of).toList());
    }

    @GetMapping("/{code}/children")
    @Operation(summary = "Đơn vị trực thuộc vào ngày on")
    List<UnitDto> children(@PathVariable String code,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        var day = on == null ? today() : on;
        return units.children(holding(code, day).id(), day).stream().map(UnitDto::of).toList();
    }

    @GetMapping("/{code}/subtree")
    @Operation(summary = "Cả cây đơn vị bên dưới (kể cả chính nó) vào ngày on, theo thứ tự cấp")
    List<UnitDto> subtree(@PathVariable String code,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        var day = on == null ? today() : on;
        return units.subtree(holding(code, day).id(), day).stream().map(UnitDto::of).toList();
    }

    @GetMapping("/{code}/ancestors")
    @Operation(summary = "Các cấp trên, từ gốc xuống")
    List<UnitDto> ancestors(@PathVariable String code,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        var day = on == null ? today() : on;
        return units.ancestors(holding(code, day).id(), day).stream().map(UnitDto::of).toList();
    }

    @GetMapping("/{code}/history")
    @Operation(summary = "Lịch sử: tên và loại theo thời gian, đơn vị tiền thân, đơn vị kế thừa, đơn vị hiện nay")
    HistoryDto history(@PathVariable String code,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        var unit = holding(code, on);
        var versions = units.versions(unit.id()).stream()
                .map(v -> new VersionDto(v.validFrom(), v.validTo(), v.kind(), v.name(), v.change().name())).toList();
        return new HistoryDto(UnitDto.of(unit), versions,
                units.predecessors(unit.id()).stream().map(UnitApi::link).toList(),
                units.successors(unit.id()).stream().map(UnitApi::link).toList(),
                units.carriersOn(unit.id(), today()).stream().map(Brief::of).toList());
    }

    private static LinkDto link(vn.danvan.orgunit.SuccessionLink l) {
        return new LinkDto(Brief.of(l.other()), l.effectiveOn(), l.whole(), l.kind().name());
    }

    private OrgUnit holding(String code, LocalDate on) {
        var day = on == null ? today() : on;
        return units.findByCode(code, day).orElseThrow(() -> new NotFoundException("unit", code));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
