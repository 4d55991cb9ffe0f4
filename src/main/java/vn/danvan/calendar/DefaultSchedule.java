package vn.danvan.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The days off of a year whose schedule the Government has not announced, computed from Bộ luật Lao
 * động 2019, Điều 112 (11 holiday days) and Điều 111 khoản 3 (a holiday on the weekly rest day is
 * made up on the next working day). Tết takes the last day of the lunar year and mùng 1–4; the
 * second Quốc khánh day is the neighbour of 2/9 that joins a weekend (the Prime Minister decides it
 * each year). Swapped days and make-up Saturdays exist only in announced schedules.
 */
final class DefaultSchedule {

    /** Solar dates of mùng 1 Tết and of Giỗ Tổ Hùng Vương (10/3 âm lịch) in a year. */
    record LunarDates(LocalDate tet, LocalDate gioTo) {
    }

    private DefaultSchedule() {
    }

    static Map<LocalDate, ScheduledDay> forYear(int year, Optional<LunarDates> lunar) {
        var holidays = new ArrayList<ScheduledDay>();
        holidays.add(holiday(LocalDate.of(year, Month.JANUARY, 1), "Tết Dương lịch"));
        lunar.ifPresent(l -> {
            holidays.add(holiday(l.tet().minusDays(1), "Tết Âm lịch (ngày cuối năm âm lịch)"));
            for (int i = 0; i < 4; i++) {
                holidays.add(holiday(l.tet().plusDays(i), "Tết Âm lịch (mùng " + (i + 1) + ")"));
            }
            holidays.add(holiday(l.gioTo(), "Giỗ Tổ Hùng Vương (10/3 âm lịch)"));
        });
        holidays.add(holiday(LocalDate.of(year, Month.APRIL, 30), "Ngày Chiến thắng"));
        holidays.add(holiday(LocalDate.of(year, Month.MAY, 1), "Ngày Quốc tế Lao động"));
        var nationalDay = LocalDate.of(year, Month.SEPTEMBER, 2);
        holidays.add(holiday(nationalDay, "Quốc khánh"));
        holidays.add(holiday(secondNationalDay(nationalDay), "Quốc khánh (ngày liền kề)"));

        var schedule = new LinkedHashMap<LocalDate, ScheduledDay>();
        holidays.forEach(h -> schedule.put(h.day(), h));
        for (var h : holidays) {
            if (isWeekend(h.day())) {
                var makeUp = h.day().plusDays(1);
                while (isWeekend(makeUp) || schedule.containsKey(makeUp)) {
                    makeUp = makeUp.plusDays(1);
                }
                schedule.put(makeUp, new ScheduledDay(makeUp, DayKind.COMPENSATORY, h.name() + " - nghỉ bù",
                        DayStatus.COMPUTED));
            }
        }
        return schedule;
    }

    /** 1/9 or 3/9: the one that joins 2/9 to a weekend; 1/9 when neither does. */
    static LocalDate secondNationalDay(LocalDate nationalDay) {
        return switch (nationalDay.getDayOfWeek()) {
            case MONDAY, THURSDAY, SUNDAY -> nationalDay.plusDays(1);
            default -> nationalDay.minusDays(1);
        };
    }

    static List<ScheduledDay> sorted(Map<LocalDate, ScheduledDay> schedule) {
        return schedule.values().stream().sorted((a, b) -> a.day().compareTo(b.day())).toList();
    }

    private static ScheduledDay holiday(LocalDate day, String name) {
        return new ScheduledDay(day, DayKind.HOLIDAY, name, DayStatus.COMPUTED);
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
