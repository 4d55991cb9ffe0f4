package vn.danvan.exemplar;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.orgunit.UnitCategory;
import vn.danvan.orgunit.UnitLevel;
import vn.danvan.orgunit.UnitQuery;
import vn.danvan.shared.PageResult;

/**
 * What the public showcase (no login) may read of the registry: only models recognised or further
 * along the ladder ({@link ExemplarStatus#recognised()}), and of those only their public part —
 * number, kind, name, the person of an individual exemplar, the public summary, fields of work, the
 * owner unit and today's province, recognitions, commendations (form, issuer, year), the number of
 * replicas, and the files marked public. Every question below says so in its SQL: nothing else is
 * selected, so nothing else can leak through a template. Everything else (the nine registration
 * texts, resources, results, assessments and their scores, history and its actors, who created or
 * uploaded what, internal ids of units) stays inside.
 * <p>Units merged in 2025 keep their models: a model of an old Bắc Kạn ward is shown, and found,
 * under today's Tỉnh Thái Nguyên.
 */
@Component
@Transactional(readOnly = true)
public class ExemplarShowcase {

    /** Models per page of the public list. */
    public static final int PAGE_SIZE = 20;
    /** Where the count stops (the public list is never that long in practice). */
    public static final int COUNT_CAP = ExemplarQueries.COUNT_CAP;

    private static final String[] PUBLIC_STATUSES = Arrays.stream(ExemplarStatus.values()).filter(ExemplarStatus::recognised)
            .map(Enum::name).toArray(String[]::new);
    private static final String LEVEL_ORDER = "array['COMMUNE', 'DISTRICT', 'PROVINCE', 'CENTRAL']";

    /** How the list is ordered: the latest recognition first, or by name in Vietnamese order. */
    public enum Sort { RECENT, NAME }

    /**
     * The visitor's filters; null or blank filters nothing.
     *
     * @param province code of one of today's provinces ("19" Thái Nguyên)
     * @param year     a year in which the model was recognised
     */
    public record Filter(String text, String province, String field, Integer year, ExemplarKind kind, boolean typicalOnly,
                         Sort sort) {

        public static Filter none() {
            return new Filter(null, null, null, null, null, false, Sort.RECENT);
        }
    }

    /** A province of today's map, for the filter. */
    public record Province(String code, String name) {
    }

    /**
     * Where a model is kept: the owner unit's name (its last name when it no longer exists), the unit
     * that carries it today if the owner was merged away, and today's province (null when the owner
     * is that province itself, so that it is not named twice).
     */
    public record Place(String unitName, String unitToday, String provinceCode, String provinceName) {
    }

    public record Row(String number, ExemplarKind kind, String name, String personName, String summary, List<String> fields,
                      Place place, RecognitionLevel highestLevel, Integer lastRecognitionYear, boolean typical, int replicaCount) {
    }

    public record Recognition(int year, RecognitionLevel level, boolean typical, String decisionNumber, LocalDate decisionDate,
                              String issuer) {
    }

    public record Commendation(int year, CommendationForm form, String issuer) {
    }

    public record PublicFile(long id, String fileName, String contentType, int sizeBytes, String caption) {

        public boolean image() {
            return contentType.startsWith("image/");
        }
    }

    public record Detail(String number, ExemplarKind kind, String name, String personName, String summary, List<String> fields,
                         Place place, List<Recognition> recognitions, List<Commendation> commendations, int replicaCount,
                         List<PublicFile> files) {

        public boolean typical() {
            return recognitions.stream().anyMatch(Recognition::typical);
        }
    }

    private final JdbcClient jdbc;
    private final OrgUnits units;
    private final Clock clock;
    /** Today's provinces, kept for the day they were read on. */
    private volatile ProvincesOfDay provinces;

    private record ProvincesOfDay(LocalDate day, List<Province> provinces) {
    }

    ExemplarShowcase(JdbcClient jdbc, OrgUnits units, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.clock = clock;
    }

    /** Today's provinces and centrally run cities (34 since 1/7/2025), in Vietnamese order; read once a day. */
    public List<Province> provinces() {
        var today = LocalDate.now(clock);
        var known = provinces;
        if (known != null && known.day().equals(today)) {
            return known.provinces();
        }
        var list = units.list(new UnitQuery(UnitLevel.PROVINCE, null, UnitCategory.AREA, today, null, null), 0, 100)
                .content().stream().map(u -> new Province(u.code(), u.name())).toList();
        provinces = new ProvincesOfDay(today, list);
        return list;
    }

    /** One page of the public list. */
    public PageResult<Row> search(Filter f, int page) {
        var where = new StringBuilder("where e.status = any(:statuses)");
        var params = new LinkedHashMap<String, Object>();
        params.put("statuses", PUBLIC_STATUSES);
        if (f.text() != null && !f.text().isBlank()) {
            where.append(" and (e.public_search_text like '%' || search_key(:text) || '%' or e.number = upper(:text))");
            params.put("text", f.text().strip());
        }
        if (f.province() != null && !f.province().isBlank()) {
            var province = units.findByCode(f.province().strip(), LocalDate.now(clock))
                    .filter(u -> u.level() == UnitLevel.PROVINCE && u.category() == UnitCategory.AREA);
            if (province.isEmpty()) {
                return new PageResult<>(List.of(), 0, page, PAGE_SIZE);
            }
            // the province's subtree and the subtrees of the provinces merged into it
            where.append(" and e.unit_id = any(:units)");
            params.put("units", units.idsWithin(units.scopePaths(province.get().id())).toArray(Long[]::new));
        }
        if (f.field() != null && !f.field().isBlank()) {
            where.append(" and exists (select 1 from exemplar_field_link l where l.exemplar_id = e.id and l.field_code = :field)");
            params.put("field", f.field());
        }
        if (f.year() != null) {
            where.append(" and exists (select 1 from exemplar_recognition r where r.exemplar_id = e.id and r.year = :year)");
            params.put("year", f.year());
        }
        if (f.kind() != null) {
            where.append(" and e.kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (f.typicalOnly()) {
            where.append(" and exists (select 1 from exemplar_recognition r where r.exemplar_id = e.id and r.typical)");
        }
        var total = jdbc.sql("select count(*) from (select 1 from exemplar e " + where + " limit " + (COUNT_CAP + 1) + ") c")
                .params(params).query(Long.class).single();
        var order = f.sort() == Sort.NAME
                ? "order by e.name collate vietnamese, e.number"
                : "order by (select max(r.decision_date) from exemplar_recognition r where r.exemplar_id = e.id) desc nulls last, e.id desc";
        record Found(String number, ExemplarKind kind, String name, String personName, String summary, long unitId, int replicaCount,
                     List<String> fields, RecognitionLevel highestLevel, Integer lastYear, boolean typical) {
        }
        var found = jdbc.sql("""
                select e.number, e.kind, e.name, e.person_name, e.public_summary, e.unit_id, e.replica_count,
                       array(select l.field_code from exemplar_field_link l join exemplar_field f on f.code = l.field_code
                             where l.exemplar_id = e.id order by f.sort_order) as fields,
                       (select r.level from exemplar_recognition r where r.exemplar_id = e.id
                         order by array_position(%s, r.level) desc limit 1) as highest_level,
                       (select max(r.year) from exemplar_recognition r where r.exemplar_id = e.id) as last_year,
                       exists (select 1 from exemplar_recognition r where r.exemplar_id = e.id and r.typical) as typical
                from exemplar e
                """.formatted(LEVEL_ORDER) + where + "\n" + order + "\nlimit :size offset :offset")
                .params(params).param("size", PAGE_SIZE).param("offset", (long) page * PAGE_SIZE)
                .query((rs, n) -> new Found(rs.getString("number"), ExemplarKind.valueOf(rs.getString("kind")), rs.getString("name"),
                        rs.getString("person_name"), rs.getString("public_summary"), rs.getLong("unit_id"), rs.getInt("replica_count"),
                        strings(rs.getArray("fields")),
                        rs.getString("highest_level") == null ? null : RecognitionLevel.valueOf(rs.getString("highest_level")),
                        (Integer) rs.getObject("last_year"), rs.getBoolean("typical")))
                .list();
        var places = places(found.stream().map(Found::unitId).toList());
        var rows = found.stream().map(x -> new Row(x.number(), x.kind(), x.name(), x.personName(), x.summary(), x.fields(),
                places.get(x.unitId()), x.highestLevel(), x.lastYear(), x.typical(), x.replicaCount())).toList();
        return new PageResult<>(rows, total, page, PAGE_SIZE);
    }

    /** A public model by its number; empty when there is none or it is not (yet, or any more) public. */
    public Optional<Detail> find(String number) {
        record Head(long id, String number, ExemplarKind kind, String name, String personName, String summary, long unitId,
                    int replicaCount) {
        }
        var head = jdbc.sql("""
                select id, number, kind, name, person_name, public_summary, unit_id, replica_count
                from exemplar where number = :number and status = any(:statuses)
                """).param("number", number).param("statuses", PUBLIC_STATUSES)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), ExemplarKind.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getLong(7), rs.getInt(8))).optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        var h = head.get();
        var fields = jdbc.sql("""
                select l.field_code from exemplar_field_link l join exemplar_field f on f.code = l.field_code
                where l.exemplar_id = :id order by f.sort_order
                """).param("id", h.id()).query(String.class).list();
        var recognitions = jdbc.sql("""
                select year, level, typical, decision_number, decision_date, issuer
                from exemplar_recognition where exemplar_id = :id order by decision_date desc, id desc
                """).param("id", h.id()).query((rs, n) -> new Recognition(rs.getInt(1), RecognitionLevel.valueOf(rs.getString(2)),
                        rs.getBoolean(3), rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6))).list();
        var commendations = jdbc.sql("""
                select year, form, issuer from exemplar_commendation where exemplar_id = :id order by decision_date desc, id desc
                """).param("id", h.id()).query((rs, n) -> new Commendation(rs.getInt(1), CommendationForm.valueOf(rs.getString(2)),
                        rs.getString(3))).list();
        var files = jdbc.sql("""
                select id, file_name, content_type, size_bytes, caption
                from exemplar_attachment where exemplar_id = :id and public order by id
                """).param("id", h.id()).query((rs, n) -> new PublicFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5))).list();
        return Optional.of(new Detail(h.number(), h.kind(), h.name(), h.personName(), h.summary(), fields,
                places(List.of(h.unitId())).get(h.unitId()), recognitions, commendations, h.replicaCount(), files));
    }

    /** A file marked public of a public model; empty otherwise. */
    public Optional<ExemplarQueries.Attachment> file(String number, long fileId) {
        return jdbc.sql("""
                select a.file_name, a.content_type, a.content
                from exemplar_attachment a join exemplar e on e.id = a.exemplar_id
                where a.id = :file and a.public and e.number = :number and e.status = any(:statuses)
                """).param("file", fileId).param("number", number).param("statuses", PUBLIC_STATUSES)
                .query((rs, n) -> new ExemplarQueries.Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    /**
     * Owner units named for the public: the unit as it stood (its last name if it was merged away),
     * the unit carrying it today, and today's province, reached through the ancestors of the unit and
     * the successors of a province that no longer exists (Bắc Kạn → Thái Nguyên).
     */
    Map<Long, Place> places(Collection<Long> unitIds) {
        var today = LocalDate.now(clock);
        var ids = new LinkedHashSet<>(unitIds);
        var owners = units.findAll(ids, today);
        var provinces = new HashMap<Long, OrgUnit>();
        var places = new HashMap<Long, Place>();
        for (var id : ids) {
            var owner = owners.get(id);
            if (owner == null) {
                places.put(id, new Place("?", null, null, null));
                continue;
            }
            OrgUnit current = owner;
            String unitToday = null;
            if (!owner.validOn(today)) {
                var carriers = units.carriersOn(id, today);
                if (!carriers.isEmpty()) {
                    current = carriers.get(0);
                    unitToday = carriers.stream().map(OrgUnit::name).reduce((a, b) -> a + ", " + b).orElse(null);
                }
            }
            var province = provinceToday(current, today, provinces);
            var named = province != null && province.id() != current.id();
            places.put(id, new Place(owner.name(), unitToday, province == null ? null : province.code(),
                    named ? province.name() : null));
        }
        return places;
    }

    private OrgUnit provinceToday(OrgUnit unit, LocalDate today, Map<Long, OrgUnit> seen) {
        OrgUnit province = isProvince(unit) ? unit
                : units.ancestors(unit.id(), today).stream().filter(ExemplarShowcase::isProvince).reduce((a, b) -> b).orElse(null);
        if (province == null) {
            return null;
        }
        var known = seen.get(province.id());
        if (known != null) {
            return known;
        }
        var result = province;
        if (!province.validOn(today)) {
            result = units.carriersOn(province.id(), today).stream().filter(ExemplarShowcase::isProvince).findFirst().orElse(province);
        }
        seen.put(province.id(), result);
        return result;
    }

    private static boolean isProvince(OrgUnit u) {
        return u.level() == UnitLevel.PROVINCE && u.category() == UnitCategory.AREA;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
