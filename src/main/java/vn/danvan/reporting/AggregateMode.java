package vn.danvan.reporting;

/**
 * RESTATED: the unit's subtree on the day asked, with the units that passed into it whole, the split
 * units whose successors all lie in it, and the others by their allocation shares (contracts §6).
 * AS_RECORDED: the subtree of the unit holding the code on that day, as it was during the period.
 */
public enum AggregateMode {
    RESTATED, AS_RECORDED
}
