package vn.danvan.exemplar;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.exemplar.ExemplarViews.UnitRef;
import vn.danvan.identity.CurrentUser;
import vn.danvan.orgunit.OrgUnits;

/**
 * The movement's figures for a unit subtree and a year, computed live from the records: models
 * registered, recognised, typical, commended and replicated by kind, each beside the previous year;
 * by field of work, by recognition level and by status; resources mobilised; the most replicated
 * models; a ten-year series. The subtree includes the units that passed into the asked unit, so the
 * merged Thái Nguyên counts the old Bắc Kạn's models, while the old Bắc Kạn, asked for an earlier
 * year, counts its own. This is the read API that reporting uses.
 */
@Component
@Transactional(readOnly = true)
public class ExemplarFigures {

    /** Collective and individual counts for a year and the year before. */
    public record Count(String key, long collective, long individual, Long previousCollective, Long previousIndividual) {

        public long total() {
            return collective + individual;
        }

        public Long previousTotal() {
            return previousCollective == null ? null : previousCollective + previousIndividual;
        }

        /** Change on the previous year in per cent (one decimal), null when there is nothing to compare. */
        public BigDecimal changePercent() {
            var before = previousTotal();
            if (before == null || before == 0) {
                return null;
            }
            return BigDecimal.valueOf((total() - before) * 1000 / before, 1);
        }
    }

    public record Resource(ResultMeasure measure, BigDecimal value, BigDecimal previous) {
    }

    public record TopModel(long id, String number, String name, ExemplarKind kind, UnitRef unit, int replicas) {
    }

    public record YearPoint(int year, long registered, long recognised) {
    }

    /** A model recognised as typical in the year, with its highest such recognition. */
    public record TypicalModel(long id, String number, String name, ExemplarKind kind, String personName, UnitRef unit,
                               RecognitionLevel level, String decisionNumber, LocalDate decisionDate, String issuer) {
    }

    public record Figures(UnitRef unit, int year, List<Count> headline, List<Count> byField, List<Count> byLevel,
                          List<Count> byStatus, List<Count> byCommendation, List<Resource> resources, long fundsVnd,
                          long socialisedVnd, List<TopModel> mostReplicated, List<YearPoint> series) {

        public Count headline(String key) {
            return headline.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
        }
    }

    private final JdbcClient jdbc;
    private final ExemplarQueries queries;
    private final ExemplarFields fields;
    private final OrgUnits units;
    private final Clock clock;

    ExemplarFigures(JdbcClient jdbc, ExemplarQueries queries, ExemplarFields fields, OrgUnits units, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.fields = fields;
        this.units = units;
        this.clock = clock;
    }

    /** The day a unit code is read on for a year's figures: the year's last day, or today in the current year. */
    public LocalDate asOf(int year) {
        var end = LocalDate.of(year, 12, 31);
        var today = LocalDate.now(clock);
        return end.isAfter(today) ? today : end;
    }

    /**
     * @param unitId the subtree's root; null for everything the user may read
     */
    public Figures figures(Long unitId, int year, CurrentUser user) {
        var unitIds = queries.unitsFor(unitId, user);
        var all = unitIds == null;
        Long[] ids = all ? new Long[0] : unitIds.toArray(Long[]::new);
        var root = unitId == null ? null : units.find(unitId, asOf(year)).map(u -> new UnitRef(u.id(), u.code(), u.name())).orElse(null);

        var headline = new ArrayList<Count>();
        headline.add(countOf("REGISTERED", byKindAndYear("""
                select e.kind, e.year, count(*) from exemplar e
                where e.year in (:year, :year - 1) and (:all or e.unit_id = any(:units)) group by 1, 2
                """, year, all, ids), year));
        headline.add(countOf("RECOGNISED", byKindAndYear("""
                select e.kind, r.year, count(distinct e.id) from exemplar_recognition r join exemplar e on e.id = r.exemplar_id
                where r.year in (:year, :year - 1) and (:all or e.unit_id = any(:units)) group by 1, 2
                """, year, all, ids), year));
        headline.add(countOf("TYPICAL", byKindAndYear("""
                select e.kind, r.year, count(distinct e.id) from exemplar_recognition r join exemplar e on e.id = r.exemplar_id
                where r.typical and r.year in (:year, :year - 1) and (:all or e.unit_id = any(:units)) group by 1, 2
                """, year, all, ids), year));
        headline.add(countOf("COMMENDED", byKindAndYear("""
                select e.kind, c.year, count(distinct e.id) from exemplar_commendation c join exemplar e on e.id = c.exemplar_id
                where c.year in (:year, :year - 1) and (:all or e.unit_id = any(:units)) group by 1, 2
                """, year, all, ids), year));
        headline.add(countOf("REPLICATED", byKindAndYear("""
                select e.kind, e.year, count(*) from exemplar e
                where e.source_id is not null and e.year in (:year, :year - 1) and (:all or e.unit_id = any(:units)) group by 1, 2
                """, year, all, ids), year));

        var byField = new ArrayList<Count>();
        var fieldRows = grouped("""
                select l.field_code, e.kind, e.year, count(*) from exemplar_field_link l join exemplar e on e.id = l.exemplar_id
                where e.year in (:year, :year - 1) and (:all or e.unit_id = any(:units)) group by 1, 2, 3
                """, year, all, ids);
        for (var field : fields.all()) {
            byField.add(countOf(field.code(), fieldRows.getOrDefault(field.code(), Map.of()), year));
        }

        var byLevel = new ArrayList<Count>();
        var levelRows = grouped("""
                select r.level, e.kind, r.year, count(distinct e.id) from exemplar_recognition r join exemplar e on e.id = r.exemplar_id
                where r.year in (:year, :year - 1) and (:all or e.unit_id = any(:units)) group by 1, 2, 3
                """, year, all, ids);
        for (var level : RecognitionLevel.values()) {
            byLevel.add(countOf(level.name(), levelRows.getOrDefault(level.name(), Map.of()), year));
        }

        var byCommendation = new ArrayList<Count>();
        var commendationRows = grouped("""
                select c.form, e.kind, c.year, count(*) from exemplar_commendation c join exemplar e on e.id = c.exemplar_id
                where c.year in (:year, :year - 1) and (:all or e.unit_id = any(:units)) group by 1, 2, 3
                """, year, all, ids);
        for (var form : CommendationForm.values()) {
            byCommendation.add(countOf(form.name(), commendationRows.getOrDefault(form.name(), Map.of()), year));
        }

        // Status now, of the models registered up to the year (no previous year: a status is a state, not a flow).
        var byStatus = new ArrayList<Count>();
        var statusRows = jdbc.sql("""
                select e.status, e.kind, count(*) from exemplar e
                where e.year <= :year and (:all or e.unit_id = any(:units)) group by 1, 2
                """).param("year", year).param("all", all).param("units", ids)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)}).list();
        for (var status : ExemplarStatus.values()) {
            long collective = 0;
            long individual = 0;
            for (var r : statusRows) {
                if (r[0].equals(status.name())) {
                    if (r[1].equals("COLLECTIVE")) {
                        collective = (Long) r[2];
                    } else {
                        individual = (Long) r[2];
                    }
                }
            }
            byStatus.add(new Count(status.name(), collective, individual, null, null));
        }

        var resourceRows = jdbc.sql("""
                select x.measure, x.year, sum(x.value) from exemplar_result x join exemplar e on e.id = x.exemplar_id
                where x.year in (:year, :year - 1) and (:all or e.unit_id = any(:units)) group by 1, 2
                """).param("year", year).param("all", all).param("units", ids)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getBigDecimal(3)}).list();
        var resources = new ArrayList<Resource>();
        for (var measure : ResultMeasure.values()) {
            var now = BigDecimal.ZERO;
            var before = BigDecimal.ZERO;
            for (var r : resourceRows) {
                if (r[0].equals(measure.name())) {
                    if ((Integer) r[1] == year) {
                        now = (BigDecimal) r[2];
                    } else {
                        before = (BigDecimal) r[2];
                    }
                }
            }
            resources.add(new Resource(measure, now, before));
        }
        var funds = jdbc.sql("""
                select coalesce(sum(e.funds_vnd), 0), coalesce(sum(e.socialised_vnd), 0) from exemplar e
                where e.year = :year and (:all or e.unit_id = any(:units))
                """).param("year", year).param("all", all).param("units", ids)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();

        var top = jdbc.sql("""
                select e.id, e.number, e.name, e.kind, e.unit_id, e.replica_count from exemplar e
                where e.replica_count > 0 and e.year <= :year and (:all or e.unit_id = any(:units))
                order by e.replica_count desc, e.registered_on, e.id limit 10
                """).param("year", year).param("all", all).param("units", ids)
                .query((rs, n) -> new TopModel(rs.getLong(1), rs.getString(2), rs.getString(3), ExemplarKind.valueOf(rs.getString(4)),
                        new UnitRef(rs.getLong(5), null, null), rs.getInt(6))).list();
        var names = queries.names(top.stream().map(t -> t.unit().id()).toList());
        var mostReplicated = top.stream().map(t -> new TopModel(t.id(), t.number(), t.name(), t.kind(), names.get(t.unit().id()),
                t.replicas())).toList();

        var series = jdbc.sql("""
                select y.year,
                       (select count(*) from exemplar e where e.year = y.year and (:all or e.unit_id = any(:units))),
                       (select count(distinct r.exemplar_id) from exemplar_recognition r join exemplar e on e.id = r.exemplar_id
                         where r.year = y.year and (:all or e.unit_id = any(:units)))
                from generate_series(:year - 9, :year) as y(year) order by y.year
                """).param("year", year).param("all", all).param("units", ids)
                .query((rs, n) -> new YearPoint(rs.getInt(1), rs.getLong(2), rs.getLong(3))).list();

        return new Figures(root, year, headline, byField, byLevel, byStatus, byCommendation, resources, funds[0], funds[1],
                mostReplicated, series);
    }

    /**
     * The models recognised as typical in {@code year} in the subtree, the highest level first, then
     * by decision date; at most {@code limit}.
     */
    public List<TypicalModel> typical(Long unitId, int year, int limit, CurrentUser user) {
        var unitIds = queries.unitsFor(unitId, user);
        var all = unitIds == null;
        Long[] ids = all ? new Long[0] : unitIds.toArray(Long[]::new);
        var rows = jdbc.sql("""
                select distinct on (e.id) e.id, e.number, e.name, e.kind, e.person_name, e.unit_id, r.level, r.decision_number,
                       r.decision_date, r.issuer, array_position(array['COMMUNE', 'DISTRICT', 'PROVINCE', 'CENTRAL'], r.level) as rank
                from exemplar_recognition r join exemplar e on e.id = r.exemplar_id
                where r.typical and r.year = :year and (:all or e.unit_id = any(:units))
                order by e.id, rank desc, r.decision_date
                """).param("year", year).param("all", all).param("units", ids)
                .query((rs, n) -> new Object[] {new TypicalModel(rs.getLong(1), rs.getString(2), rs.getString(3),
                        ExemplarKind.valueOf(rs.getString(4)), rs.getString(5), new UnitRef(rs.getLong(6), null, null),
                        RecognitionLevel.valueOf(rs.getString(7)), rs.getString(8), rs.getObject(9, LocalDate.class), rs.getString(10)),
                        rs.getInt(11)}).list();
        var top = rows.stream()
                .sorted(java.util.Comparator.<Object[]>comparingInt(r -> -(Integer) r[1])
                        .thenComparing(r -> ((TypicalModel) r[0]).decisionDate())
                        .thenComparingLong(r -> ((TypicalModel) r[0]).id()))
                .limit(limit).map(r -> (TypicalModel) r[0]).toList();
        var names = queries.names(top.stream().map(t -> t.unit().id()).toList());
        return top.stream().map(t -> new TypicalModel(t.id(), t.number(), t.name(), t.kind(), t.personName(), names.get(t.unit().id()),
                t.level(), t.decisionNumber(), t.decisionDate(), t.issuer())).toList();
    }

    /** kind → year → count */
    private Map<String, Map<Integer, Long>> byKindAndYear(String sql, int year, boolean all, Long[] ids) {
        var map = new LinkedHashMap<String, Map<Integer, Long>>();
        jdbc.sql(sql).param("year", year).param("all", all).param("units", ids)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getLong(3)}).list()
                .forEach(r -> map.computeIfAbsent((String) r[0], k -> new LinkedHashMap<>()).put((Integer) r[1], (Long) r[2]));
        return map;
    }

    /** key → kind → year → count */
    private Map<String, Map<String, Map<Integer, Long>>> grouped(String sql, int year, boolean all, Long[] ids) {
        var map = new LinkedHashMap<String, Map<String, Map<Integer, Long>>>();
        jdbc.sql(sql).param("year", year).param("all", all).param("units", ids)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4)}).list()
                .forEach(r -> map.computeIfAbsent((String) r[0], k -> new LinkedHashMap<>())
                        .computeIfAbsent((String) r[1], k -> new LinkedHashMap<>()).put((Integer) r[2], (Long) r[3]));
        return map;
    }

    private Count countOf(String key, Map<String, Map<Integer, Long>> byKind, int year) {
        var c = byKind.getOrDefault("COLLECTIVE", Map.of());
        var i = byKind.getOrDefault("INDIVIDUAL", Map.of());
        return new Count(key, c.getOrDefault(year, 0L), i.getOrDefault(year, 0L), c.getOrDefault(year - 1, 0L),
                i.getOrDefault(year - 1, 0L));
    }

}
