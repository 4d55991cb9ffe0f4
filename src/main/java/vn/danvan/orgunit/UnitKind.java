package vn.danvan.orgunit;

import java.util.EnumSet;
import java.util.Set;

/**
 * Kinds of unit, each with the levels it may sit at. The Vietnamese names are message keys
 * {@code unit.kind.<NAME>}.
 */
public enum UnitKind {
    CENTRAL(UnitCategory.AREA, UnitLevel.CENTRAL),
    PROVINCE(UnitCategory.AREA, UnitLevel.PROVINCE),                 // tỉnh
    MUNICIPALITY(UnitCategory.AREA, UnitLevel.PROVINCE),             // thành phố trực thuộc trung ương
    URBAN_DISTRICT(UnitCategory.AREA, UnitLevel.DISTRICT),           // quận
    RURAL_DISTRICT(UnitCategory.AREA, UnitLevel.DISTRICT),           // huyện
    DISTRICT_TOWN(UnitCategory.AREA, UnitLevel.DISTRICT),            // thị xã
    PROVINCIAL_CITY(UnitCategory.AREA, UnitLevel.DISTRICT),          // thành phố thuộc tỉnh
    MUNICIPAL_CITY(UnitCategory.AREA, UnitLevel.DISTRICT),           // thành phố thuộc thành phố trực thuộc TW
    COMMUNE(UnitCategory.AREA, UnitLevel.COMMUNE),                   // xã
    WARD(UnitCategory.AREA, UnitLevel.COMMUNE),                      // phường
    TOWNSHIP(UnitCategory.AREA, UnitLevel.COMMUNE),                  // thị trấn
    SPECIAL_ZONE(UnitCategory.AREA, UnitLevel.COMMUNE),              // đặc khu
    VILLAGE(UnitCategory.AREA, UnitLevel.VILLAGE),                   // thôn, bản, ấp
    RESIDENTIAL_GROUP(UnitCategory.AREA, UnitLevel.VILLAGE),         // tổ dân phố
    PARTY_COMMITTEE(UnitCategory.BODY, UnitLevel.CENTRAL, UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE),
    MASS_MOBILISATION_COMMISSION(UnitCategory.BODY, UnitLevel.CENTRAL, UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE),
    PEOPLES_COUNCIL(UnitCategory.BODY, UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE),
    PEOPLES_COMMITTEE(UnitCategory.BODY, UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE),
    DEPARTMENT(UnitCategory.BODY, UnitLevel.CENTRAL, UnitLevel.PROVINCE, UnitLevel.DISTRICT),
    INSPECTORATE(UnitCategory.BODY, UnitLevel.CENTRAL, UnitLevel.PROVINCE, UnitLevel.DISTRICT),
    CITIZEN_RECEPTION_OFFICE(UnitCategory.BODY, UnitLevel.CENTRAL, UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE),
    FATHERLAND_FRONT(UnitCategory.BODY, UnitLevel.CENTRAL, UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE),
    WOMENS_UNION(UnitCategory.BODY, UnitLevel.CENTRAL, UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE),
    FARMERS_UNION(UnitCategory.BODY, UnitLevel.CENTRAL, UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE),
    YOUTH_UNION(UnitCategory.BODY, UnitLevel.CENTRAL, UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE),
    VETERANS_ASSOCIATION(UnitCategory.BODY, UnitLevel.CENTRAL, UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE),
    LABOUR_CONFEDERATION(UnitCategory.BODY, UnitLevel.CENTRAL, UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE);

    private final UnitCategory category;
    private final Set<UnitLevel> levels;

    UnitKind(UnitCategory category, UnitLevel first, UnitLevel... more) {
        this.category = category;
        this.levels = EnumSet.of(first, more);
    }

    public UnitCategory category() {
        return category;
    }

    public boolean allowedAt(UnitLevel level) {
        return levels.contains(level);
    }
}
