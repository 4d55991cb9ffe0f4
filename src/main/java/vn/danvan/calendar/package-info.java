/**
 * The Vietnamese working-day calendar (lịch làm việc) and deadline arithmetic (tính thời hạn):
 * weekends, public holidays (ngày lễ, Tết — Bộ luật Lao động 2019, Điều 112), compensatory days off
 * (nghỉ bù), swapped days (hoán đổi) and make-up Saturdays (làm bù) from the Government's yearly
 * schedules; years not yet announced are computed from the law and the lunar calendar. A period
 * counted in calendar days that ends on a day off rolls forward to the next working day (Bộ luật
 * Dân sự 2015, Điều 148). The start day is never counted.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "shared"})
package vn.danvan.calendar;
