package vn.danvan.calendar;

/**
 * Where a day of the schedule comes from: the Government's announcement, a computation from the law
 * and the lunar calendar for a year not yet announced, or a change of law not yet in force (24/11,
 * Ngày Văn hóa Việt Nam), counted only when {@code danvan.calendar.pending-days-off} is on.
 */
public enum DayStatus {
    OFFICIAL, COMPUTED, PENDING
}
