/**
 * The application shell (giao diện): layout, navigation, breadcrumbs, locale (tiếng Việt first,
 * English second), error pages and problem details, and the screens and REST controllers of the
 * modules below {@code identity} — the unit tree, picker and history ({@code /units},
 * {@code /api/units}), the working calendar ({@code /calendar}, {@code /api/calendar}) and the
 * audit browser — which check scope and roles here.

 * <p>The pages and REST endpoints of the report forms ({@code /forms}, {@code /api/forms}) live here too:
 * {@code form} sits below {@code identity}, so the role check of an upload is made here, and each
 * form's provider checks the unit scope.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "orgunit", "calendar", "audit", "form", "shared"})
package vn.danvan.web;
