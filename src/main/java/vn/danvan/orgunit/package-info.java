/**
 * Units (đơn vị): administrative areas — province/city (tỉnh, thành phố trực thuộc trung ương),
 * district (huyện, quận, thị xã, thành phố thuộc tỉnh; abolished 1/7/2025), commune (xã, phường,
 * thị trấn, đặc khu), village (thôn, tổ dân phố) — and the bodies that serve them: Party committee
 * (cấp ủy), its mass-mobilisation commission (Ban Dân vận, from 2025 Ban Tuyên giáo và Dân vận),
 * People's Council (HĐND), People's Committee (UBND), departments (sở), inspectorate (thanh tra),
 * citizen reception office (ban tiếp công dân), Fatherland Front (MTTQ) and the mass organisations
 * (đoàn thể). Every unit is dated; succession (sáp nhập, chia tách, đổi tên, nâng cấp) links it to
 * the units that carry it on. Read through {@link vn.danvan.orgunit.OrgUnits}; the bundled lists
 * and update files go in through {@link vn.danvan.orgunit.UnitImport}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "shared"})
package vn.danvan.orgunit;
