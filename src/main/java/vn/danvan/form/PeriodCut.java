package vn.danvan.form;

/**
 * Where a reporting year starts. CALENDAR: 01/01–31/12. INSPECTION: the inspection sector's
 * reporting year, from 15 December of the year before to 14 December (Thông tư 02/2021/TT-TTCP,
 * Điều 6), and its months from the 15th to the 14th.
 */
public enum PeriodCut {
    CALENDAR, INSPECTION
}
