package vn.danvan.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pendingDaysOff count days off whose law is not yet in force (24/11, Ngày Văn hóa Việt Nam,
 *                       Nghị quyết 80-NQ/TW; Bộ luật Lao động not yet amended when this was written)
 */
@ConfigurationProperties("danvan.calendar")
record CalendarSettings(boolean pendingDaysOff) {
}
