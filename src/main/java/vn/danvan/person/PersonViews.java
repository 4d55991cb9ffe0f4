package vn.danvan.person;

import java.time.LocalDate;
import java.util.List;

/** What screens, the API and other modules see of people: records, never the tables. */
public final class PersonViews {

    private PersonViews() {
    }

    /** A person's name and title on a day (title empty when no position was recorded for that day). */
    public record PersonTitle(long personId, String name, String title) {

        /** "Hoàng Văn Nghiệm, Phó Bí thư Thường trực Tỉnh ủy" or the name alone. */
        public String label() {
            return title == null || title.isBlank() ? name : name + ", " + title;
        }
    }

    /** A position held on a given day: the unit and the title. */
    public record HeldPosition(long unitId, String title) {
    }

    /** One row of the list: the name and today's title. */
    public record PersonRow(long id, String name, String currentTitle) {
    }

    /** A position held at a unit, named as of the position's start (or today). */
    public record PositionView(long id, long unitId, String unitName, String title, LocalDate validFrom, LocalDate validTo,
                               boolean current) {
    }

    public record PersonDetail(long id, String name, String gender, Integer birthYear, long ownerUnitId, String ownerUnitName,
                               int version, List<PositionView> positions, boolean canWrite) {
    }

    /** Input for a new or changed person. */
    public record PersonInput(String name, String gender, Integer birthYear, Long ownerUnitId) {
    }

    /** Input for a position. */
    public record PositionInput(Long unitId, String title, LocalDate validFrom, LocalDate validTo) {
    }
}
