package vn.danvan.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.PageResult;

/**
 * Accounts over JSON, for scripts and other systems. Units are named by their official code as of
 * today; an account outside the caller's scope answers 404; errors are problem details. Never a
 * password hash.
 */
@RestController
@Tag(name = "Người dùng", description = "Tài khoản và phân quyền")
class UserApi {

    /** A unit by its official code and today's name. */
    record UnitRef(long id, String code, String name) {
    }

    record RoleResponse(long id, Role role, UnitRef unit, OffsetDateTime grantedAt, String grantedBy) {
    }

    record UserResponse(long id, String username, String displayName, String email, boolean enabled, boolean locked,
                        UnitRef homeUnit, OffsetDateTime createdAt, OffsetDateTime lastLoginAt,
                        List<RoleResponse> roles) {
    }

    record NewUserRequest(String username, String displayName, String email, String password, String homeUnitCode) {
    }

    record GrantRequest(String role, String unitCode) {
    }

    private final UserManagement users;
    private final CurrentUsers currentUsers;
    private final UserViews views;

    UserApi(UserManagement users, CurrentUsers currentUsers, UserViews views) {
        this.users = users;
        this.currentUsers = currentUsers;
        this.views = views;
    }

    @GetMapping("/api/users")
    @Operation(summary = "Danh sách người dùng trong phạm vi của bạn, tìm không dấu theo họ tên hoặc tên đăng nhập")
    PageResult<UserResponse> list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "20") int size) {
        var result = users.list(currentUsers.require(), q, Math.max(page, 0),
                Math.min(Math.max(size, 1), UserController.MAX_PAGE_SIZE));
        return result.map(this::response);
    }

    @GetMapping("/api/users/{id}")
    @Operation(summary = "Một người dùng và các vai trò (404 nếu ngoài phạm vi)")
    UserResponse get(@PathVariable long id) {
        return response(users.get(currentUsers.require(), id));
    }

    @GetMapping("/api/me")
    @Operation(summary = "Người dùng đang đăng nhập và các vai trò")
    UserResponse me() {
        return response(users.self(currentUsers.require()));
    }

    @PostMapping("/api/users")
    @Operation(summary = "Tạo người dùng tại một đơn vị bạn quản trị (đơn vị theo mã)")
    ResponseEntity<UserResponse> create(@RequestBody NewUserRequest request) {
        var homeUnitId = unitId("homeUnitCode", request.homeUnitCode());
        var form = new NewUser(request.username(), request.displayName(), request.email(), request.password(), homeUnitId);
        try {
            var created = users.create(currentUsers.require(), form);
            return ResponseEntity.created(URI.create("/api/users/" + created.id())).body(response(created));
        } catch (InvalidInputException invalid) {
            throw renamed(invalid, "homeUnitId", "homeUnitCode");
        }
    }

    @PostMapping("/api/users/{id}/roles")
    @Operation(summary = "Cấp vai trò tại một đơn vị (theo mã)")
    UserResponse grant(@PathVariable long id, @RequestBody GrantRequest request) {
        var caller = currentUsers.require();
        var role = role(request.role());
        var unitId = unitId("unitCode", request.unitCode());
        try {
            return response(users.grant(caller, id, role, unitId));
        } catch (InvalidInputException invalid) {
            throw renamed(invalid, "unitId", "unitCode");
        }
    }

    @DeleteMapping("/api/users/{id}/roles/{grantId}")
    @Operation(summary = "Thu hồi một vai trò")
    UserResponse revoke(@PathVariable long id, @PathVariable long grantId) {
        return response(users.revoke(currentUsers.require(), id, grantId));
    }

    /** The id of the unit holding {@code code} today; null when no code is given (the facade says it is required). */
    private Long unitId(String field, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return views.unitByCode(code).map(OrgUnit::id)
                .orElseThrow(() -> new InvalidInputException(field, "validation.bad-value", code));
    }

    private static Role role(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Role.valueOf(name.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("role", "validation.bad-value", name);
        }
    }

    /** The facade names units by id; this API names them by code. */
    private static InvalidInputException renamed(InvalidInputException invalid, String from, String to) {
        return new InvalidInputException(invalid.problems().stream()
                .map(p -> p.field().equals(from) ? new Problem(to, p.messageKey(), p.args()) : p)
                .toList());
    }

    private UserResponse response(UserSummary user) {
        var roles = user.roles().stream()
                .map(g -> new RoleResponse(g.id(), g.role(), unit(g.unitId()), g.grantedAt(), g.grantedBy()))
                .toList();
        return new UserResponse(user.id(), user.username(), user.displayName(), user.email(), user.enabled(),
                user.locked(), unit(user.homeUnitId()), user.createdAt(), user.lastLoginAt(), roles);
    }

    private UnitRef unit(long id) {
        return views.unit(id).map(u -> new UnitRef(u.id(), u.code(), u.name())).orElse(new UnitRef(id, null, null));
    }
}
