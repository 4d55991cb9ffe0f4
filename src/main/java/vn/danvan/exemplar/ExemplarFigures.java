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
 * The movement's figures for a unit subtree and a year, fresh from the records (through the tally
 * that every write keeps in its own transaction, V40, rolled up per province, V68): models
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
    private final ExemplarRollup rollup;

    ExemplarFigures(JdbcClient jdbc, ExemplarQueries queries, ExemplarFields fields, OrgUnits units, Clock clock, ExemplarRollup rollup) {
        this.jdbc = jdbc;
        this.rollup = rollup;
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

        // Every figure but the most replicated comes from the tally kept in the writers' transactions
        // (V40), read through its roll-up per branch (V68): a few rows per province and year.
        var tally = new Tally(year);
        rollup.sums(rollup.split(unitIds), 0, year, tally::put);

        var headline = new ArrayList<Count>();
        for (var key : List.of("REGISTERED", "RECOGNISED", "TYPICAL", "COMMENDED", "REPLICATED")) {
            headline.add(tally.count(key, key));
        }
        var byField = new ArrayList<Count>();
        for (var field : fields.all()) {
            byField.add(tally.count(field.code(), "FIELD:" + field.code()));
        }
        var byLevel = new ArrayList<Count>();
        for (var level : RecognitionLevel.values()) {
            byLevel.add(tally.count(level.name(), "LEVEL:" + level.name()));
        }
        var byCommendation = new ArrayList<Count>();
        for (var form : CommendationForm.values()) {
            byCommendation.add(tally.count(form.name(), "FORM:" + form.name()));
        }
        // Status now, of the models registered up to the year (no previous year: a status is a state, not a flow).
        var byStatus = new ArrayList<Count>();
        for (var status : ExemplarStatus.values()) {
            var sum = tally.upTo("STATUS:" + status.name());
            byStatus.add(new Count(status.name(), sum[0].longValue(), sum[1].longValue(), null, null));
        }
        var resources = new ArrayList<Resource>();
        for (var measure : ResultMeasure.values()) {
            resources.add(new Resource(measure, tally.total("RESULT:" + measure.name(), year),
                    tally.total("RESULT:" + measure.name(), year - 1)));
        }
        var funds = new long[] {tally.total("FUNDS", year).longValue(), tally.total("SOCIALISED", year).longValue()};

        var top = jdbc.sql("""
                select e.id, e.number, e.name, e.kind, e.unit_id, e.replica_count from exemplar e
                where e.replica_count > 0 and e.year <= :year %s
                order by e.replica_count desc, e.registered_on, e.id limit 10
                """.formatted(all ? "" : "and e.unit_id = any(:units)"))
                .param("year", year).param("units", ids)
                .query((rs, n) -> new TopModel(rs.getLong(1), rs.getString(2), rs.getString(3), ExemplarKind.valueOf(rs.getString(4)),
                        new UnitRef(rs.getLong(5), null, null), rs.getInt(6))).list();
        var names = queries.names(top.stream().map(t -> t.unit().id()).toList());
        var mostReplicated = top.stream().map(t -> new TopModel(t.id(), t.number(), t.name(), t.kind(), names.get(t.unit().id()),
                t.replicas())).toList();

        var series = new ArrayList<YearPoint>();
        for (int y = year - 9; y <= year; y++) {
            series.add(new YearPoint(y, tally.total("REGISTERED", y).longValue(), tally.total("RECOGNISED", y).longValue()));
        }

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

    /** The tally rows of a subtree up to a year: measure → year → {collective, individual}. */
    private static final class Tally {
        private static final BigDecimal[] NONE = {BigDecimal.ZERO, BigDecimal.ZERO};
        private final int year;
        private final Map<String, Map<Integer, BigDecimal[]>> rows = new LinkedHashMap<>();

        Tally(int year) {
            this.year = year;
        }

        void put(String measure, int year, BigDecimal collective, BigDecimal individual) {
            rows.computeIfAbsent(measure, k -> new LinkedHashMap<>()).put(year, new BigDecimal[] {collective, individual});
        }

        BigDecimal[] at(String measure, int year) {
            return rows.getOrDefault(measure, Map.of()).getOrDefault(year, NONE);
        }

        BigDecimal total(String measure, int year) {
            var v = at(measure, year);
            return v[0].add(v[1]);
        }

        Count count(String key, String measure) {
            var now = at(measure, year);
            var before = at(measure, year - 1);
            return new Count(key, now[0].longValue(), now[1].longValue(), before[0].longValue(), before[1].longValue());
        }

        BigDecimal[] upTo(String measure) {
            var sum = new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO};
            rows.getOrDefault(measure, Map.of()).values().forEach(v -> {
                sum[0] = sum[0].add(v[0]);
                sum[1] = sum[1].add(v[1]);
            });
            return sum;
        }
    }
}
