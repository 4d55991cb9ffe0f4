package vn.danvan.exemplar;

/** Who registers the model (the list of today's registration forms, plus a Party cell and "other"). */
public enum RegistrantType {
    RESIDENTIAL_AREA, AGENCY, SCHOOL, ENTERPRISE, ARMED_FORCES, MASS_ORGANISATION, PARTY_CELL, OTHER
}
