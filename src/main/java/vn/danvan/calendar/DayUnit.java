package vn.danvan.calendar;

/** How a period is counted: ngày làm việc (working days) or ngày (calendar days, rolled forward). */
public enum DayUnit {
    WORKING, CALENDAR
}
