package vn.danvan.plan;

/**
 * Which tasks a list shows. {@code tab}: MINE (responsible unit is one of the user's units), SUBTREE
 * (responsible unit in {@code unitId}'s subtree, the user's scope when null), OVERDUE, DUE_SOON (due
 * from today to {@code withinDays} days ahead, not closed). The other fields narrow any tab; null
 * does not filter.
 */
record TaskFilter(Tab tab, Long unitId, TaskStatus status, String q, Integer withinDays, Long planId, Sort sort) {

    enum Tab { MINE, SUBTREE, OVERDUE, DUE_SOON }

    /** DUE: by deadline, then title in Vietnamese order; TITLE: title in Vietnamese order. */
    enum Sort { DUE, TITLE }

    static final int DEFAULT_WITHIN_DAYS = 7;

    public Tab tabOrDefault() {
        return tab == null ? Tab.MINE : tab;
    }

    public int within() {
        return withinDays == null || withinDays < 0 ? DEFAULT_WITHIN_DAYS : Math.min(withinDays, 3650);
    }
}
