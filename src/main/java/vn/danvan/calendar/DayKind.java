package vn.danvan.calendar;

/** How a day departs from the ordinary week (Monday–Friday working, Saturday and Sunday off). */
public enum DayKind {
    /** Ngày lễ, Tết: a statutory holiday. */
    HOLIDAY,
    /** Nghỉ bù: off because a holiday fell on a weekend. */
    COMPENSATORY,
    /** Hoán đổi: a working day made a day off. */
    SWAPPED_OFF,
    /** Làm bù: a Saturday (or Sunday) that is a working day. */
    MAKEUP_WORKDAY;

    public boolean off() {
        return this != MAKEUP_WORKDAY;
    }
}
