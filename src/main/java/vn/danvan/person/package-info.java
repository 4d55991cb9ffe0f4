/**
 * People (officials) named in the work cycle, and the positions they hold in units over time, so
 * that a conference shows each chair's and participant's title as of its date ("Phó Bí thư Tỉnh ủy,
 * Chủ tịch UBND tỉnh" in 2021, another title later). Kept minimal as personal data: a name and, only
 * when known, gender and birth year — never identity numbers or phone numbers. Viewers see a person
 * when the record's unit or one of the person's positions is within their scope; other modules (a
 * conference) show names and titles of the persons they reference through {@link vn.danvan.person.People}.
 * <p>Glossary: person = cá nhân, cán bộ; position = chức vụ; title = chức danh; holds from … to … =
 * giữ chức vụ từ … đến …; unit = cơ quan, đơn vị công tác; gender = giới tính; birth year = năm sinh.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "orgunit", "audit", "shared"})
package vn.danvan.person;
