package vn.danvan.orgunit;

/** An administrative area, or a body (agency, Party committee, organisation) serving an area. */
public enum UnitCategory {
    AREA, BODY
}
