/**
 * The application shell (giao diện): layout, navigation, breadcrumbs, locale (tiếng Việt first,
 * English second), error pages and problem details, and the screens and REST controllers of the
 * modules below {@code identity} — the unit tree, picker and history ({@code /units},
 * {@code /api/units}) and the audit browser — which check scope and roles here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "orgunit", "audit", "shared"})
package vn.danvan.web;
