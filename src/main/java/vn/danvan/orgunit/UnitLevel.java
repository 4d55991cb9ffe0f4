package vn.danvan.orgunit;

/** Administrative level (cấp). DISTRICT is historic: district level ended on 1/7/2025. */
public enum UnitLevel {
    CENTRAL, PROVINCE, DISTRICT, COMMUNE, VILLAGE
}
