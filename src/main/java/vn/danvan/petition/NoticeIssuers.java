package vn.danvan.petition;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import vn.danvan.export.OfficialDocument;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.orgunit.UnitCategory;
import vn.danvan.orgunit.UnitLevel;

/**
 * Who issues a notice, as the header of an administrative document names it (Decree 30/2020/NĐ-CP):
 * the superior body, the issuing body, the place, the symbol of the number and the signer's title.
 */
@org.springframework.stereotype.Component
class NoticeIssuers {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final PetitionQueries queries;
    private final OrgUnits units;
    private final Clock clock;

    NoticeIssuers(PetitionQueries queries, OrgUnits units, Clock clock) {
        this.queries = queries;
        this.units = units;
        this.clock = clock;
    }

    /**
     * The unit owning the case as the header names it: the superior body when the unit sits under
     * another body (a board under the provincial People's Committee), the issuing body without the
     * area its superior already names, the province for the place, the abbreviation of the code for
     * the number's symbol, the signer's title by the kind of unit.
     */
    record Issuer(String superior, String issuing, String name, String place, String symbol, List<String> signer) {

        OfficialDocument.Builder start() {
            return OfficialDocument.builder().superiorBody(superior).issuingBody(issuing).place(place)
                    .signer(signer.toArray(String[]::new));
        }
    }

    Issuer issuer(long unitId, LocalDate on) {
        var day = on == null ? LocalDate.now(clock) : on;
        var unit = units.find(unitId, day).or(() -> units.find(unitId, LocalDate.now(clock))).orElse(null);
        if (unit == null) {
            var ref = queries.unit(unitId, day);
            return new Issuer(null, ref.name(), ref.name(), null, symbol(ref.code()), List.of("THỦ TRƯỞNG CƠ QUAN"));
        }
        List<OrgUnit> ancestors;
        try {
            ancestors = units.ancestors(unit.id(), unit.validOn(day) ? day : LocalDate.now(clock));
        } catch (RuntimeException e) {
            ancestors = List.of();
        }
        var parent = ancestors.stream().filter(a -> unit.parentId() != null && a.id() == unit.parentId()).findFirst();
        var area = new ArrayList<>(ancestors);
        area.add(unit);
        var nearestArea = area.stream().filter(a -> a.category() == UnitCategory.AREA).max(Comparator.comparingInt(OrgUnit::depth));
        var province = area.stream().filter(a -> a.category() == UnitCategory.AREA && a.level() == UnitLevel.PROVINCE).findFirst();

        String superior = parent.filter(p -> p.category() == UnitCategory.BODY).map(p -> abbreviate(p.name())).orElse(null);
        String issuing = unit.name();
        if (superior != null && nearestArea.isPresent()) {
            var suffix = " " + PetitionNotices.lowerFirst(nearestArea.get().name());
            if (issuing.toLowerCase(VI).endsWith(suffix.toLowerCase(VI)) && issuing.length() > suffix.length()) {
                issuing = issuing.substring(0, issuing.length() - suffix.length());
            }
        }
        var place = province.map(p -> placeName(p.name())).orElse(null);
        return new Issuer(superior, issuing, unit.name(), place, symbol(unit.code()), signer(unit));
    }

    /** "Tỉnh Lạng Sơn" → "Lạng Sơn"; "Thành phố Hà Nội" → "Hà Nội" (the place name of Decree 30). */
    static String placeName(String provinceName) {
        for (var prefix : List.of("Thành phố ", "Tỉnh ")) {
            if (provinceName.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return provinceName.substring(prefix.length()).strip();
            }
        }
        return provinceName.strip();
    }

    /** "Ủy ban nhân dân tỉnh Lạng Sơn" → "UBND tỉnh Lạng Sơn" (the superior body may be abbreviated). */
    static String abbreviate(String name) {
        for (var full : List.of("Ủy ban nhân dân ", "Uỷ ban nhân dân ")) {
            if (name.regionMatches(true, 0, full, 0, full.length())) {
                return "UBND " + name.substring(full.length());
            }
        }
        return name;
    }

    /** The symbol of the issuing body in a number: the letters after the last dot of its code ("20.BTCD" → "BTCD"). */
    static String symbol(String code) {
        if (code == null) {
            return "";
        }
        var dot = code.lastIndexOf('.');
        var tail = dot < 0 ? "" : code.substring(dot + 1);
        return tail.matches("[A-Za-z]+") ? tail.toUpperCase(Locale.ROOT) : "";
    }

    private static List<String> signer(OrgUnit unit) {
        var name = unit.name().toLowerCase(VI);
        if (unit.kind() == null) {
            return List.of("THỦ TRƯỞNG CƠ QUAN");
        }
        return switch (unit.kind()) {
            case PEOPLES_COMMITTEE, PEOPLES_COUNCIL -> List.of("CHỦ TỊCH");
            case INSPECTORATE -> List.of("CHÁNH THANH TRA");
            case DEPARTMENT -> List.of(name.startsWith("sở") ? "GIÁM ĐỐC" : "THỦ TRƯỞNG CƠ QUAN");
            case CITIZEN_RECEPTION_OFFICE, MASS_MOBILISATION_COMMISSION ->
                    List.of(name.startsWith("ban") ? "TRƯỞNG BAN" : "THỦ TRƯỞNG CƠ QUAN");
            default -> List.of("THỦ TRƯỞNG CƠ QUAN");
        };
    }

    /** The recorded number, else a blank for the officer to fill: "      /TB-BTCD". */
    static String number(String recorded, String kindSymbol, Issuer issuer) {
        if (recorded != null && !recorded.isBlank()) {
            return recorded.strip();
        }
        return "          /" + kindSymbol + "-" + (issuer.symbol().isEmpty() ? "          " : issuer.symbol());
    }
}
