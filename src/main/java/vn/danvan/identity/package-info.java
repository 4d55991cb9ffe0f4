/**
 * People and access (người dùng, phân quyền): accounts, roles granted at a unit and covering its
 * subtree (quản trị hệ thống, quản trị đơn vị, lãnh đạo, cán bộ, cán bộ tiếp dân, người xem), the
 * organisation scope every service checks ({@link vn.danvan.identity.OrgScope}), login with
 * lock-out, sessions kept in PostgreSQL, and personal access tokens for other systems.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"orgunit", "audit", "shared"})
package vn.danvan.identity;
