package vn.danvan.reporting;

/**
 * How an indicator's values add up over units and periods: SUM; AVERAGE of every value counted
 * (weighted by allocation shares — never an average of averages); MIN; MAX; LAST, the value of the
 * latest period of each unit, summed over units (a stock such as boards active at the period's end);
 * RATIO of the sums of two indicators; NONE, the value of exactly the unit and period asked.
 */
public enum Aggregation {
    SUM, AVERAGE, MIN, MAX, LAST, RATIO, NONE
}
