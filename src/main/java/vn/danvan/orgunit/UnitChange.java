package vn.danvan.orgunit;

/** Why a unit version began. SPELLING is one name in another tone placement, not a rename. */
public enum UnitChange {
    ESTABLISHED, RENAMED, UPGRADED, SPELLING, EDITED
}
