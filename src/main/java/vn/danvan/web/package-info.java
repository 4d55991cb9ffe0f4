/**
 * The application shell (giao diện): layout, navigation, breadcrumbs, locale (tiếng Việt first,
 * English second), error pages and problem details, and the screens and REST controllers of the
 * modules below {@code identity} — the unit tree, picker and history ({@code /units},
 * {@code /api/units}), the working calendar ({@code /calendar}, {@code /api/calendar}) and the
 * audit browser — which check scope and roles here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "orgunit", "calendar", "audit", "shared"})
package vn.danvan.web;
