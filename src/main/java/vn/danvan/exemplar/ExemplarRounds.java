package vn.danvan.exemplar;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.danvan.audit.AuditTrail;
import vn.danvan.exemplar.ExemplarViews.UnitRef;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.NotFoundException;

/**
 * Rounds of the movement. A yearly assessment round of a unit lists the models of its subtree
 * being implemented that year, with the round's criteria; each is assessed in the round and the
 * result table shows who passed. A commendation ceremony for a period lists the models of the
 * subtree recognised in the period; the officer picks the typical ones, and closing the ceremony
 * marks them typical and commends them under the ceremony's decision — all of them or none.
 */
@Service
@Transactional
public class ExemplarRounds {

    public enum RoundKind {
        ASSESSMENT, CEREMONY
    }

    public record Criterion(String name, BigDecimal max) {
    }

    public record NewRound(RoundKind kind, Long unitId, String title, Integer fromYear, Integer toYear, List<Criterion> criteria,
                           LocalDate heldOn, String decisionNumber, String issuer, CommendationForm form) {

        public NewRound {
            criteria = criteria == null ? List.of() : List.copyOf(criteria);
        }
    }

    public record RoundRow(long id, RoundKind kind, UnitRef unit, String title, int fromYear, int toYear, String status, long items,
                           long done) {
    }

    /** A model in a round: for an assessment round its result in the round, for a ceremony whether it is picked. */
    public record RoundItem(long exemplarId, String number, String name, ExemplarKind kind, String personName, UnitRef unit,
                            ExemplarStatus status, LocalDate assessedOn, BigDecimal total, BigDecimal maxTotal, Boolean passed,
                            boolean selected, String recognitions) {
    }

    public record RoundDetail(long id, RoundKind kind, UnitRef unit, String title, int fromYear, int toYear, List<Criterion> criteria,
                              LocalDate heldOn, String decisionNumber, String issuer, CommendationForm form, String status,
                              int version, List<RoundItem> items, boolean canWrite) {

        public long passed() {
            return items.stream().filter(i -> Boolean.TRUE.equals(i.passed())).count();
        }

        public long failed() {
            return items.stream().filter(i -> Boolean.FALSE.equals(i.passed())).count();
        }

        public long pending() {
            return items.stream().filter(i -> i.passed() == null).count();
        }

        public long selected() {
            return items.stream().filter(RoundItem::selected).count();
        }

        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final OrgUnits units;
    private final AuditTrail audit;
    private final ExemplarManagement management;
    private final ExemplarQueries queries;
    private final JsonMapper json;
    private final Clock clock;

    ExemplarRounds(JdbcClient jdbc, OrgScope scope, OrgUnits units, AuditTrail audit, ExemplarManagement management,
                   ExemplarQueries queries, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.units = units;
        this.audit = audit;
        this.management = management;
        this.queries = queries;
        this.json = json;
        this.clock = clock;
    }

    /** Opens a round and fills its list from the unit's subtree. */
    public long open(NewRound r, CurrentUser user) {
        validate(r);
        scope.requireWrite(user, r.unitId(), "unit", r.unitId());
        var toYear = r.kind() == RoundKind.ASSESSMENT ? r.fromYear() : r.toYear();
        var id = jdbc.sql("""
                insert into exemplar_round (kind, unit_id, title, from_year, to_year, criteria, held_on, decision_number, issuer, form, created_by)
                values (:kind, :unit, :title, :from, :to, cast(:criteria as jsonb), :heldOn, :decision, :issuer, :form, :actor)
                returning id
                """).param("kind", r.kind().name()).param("unit", r.unitId()).param("title", r.title().strip())
                .param("from", r.fromYear()).param("to", toYear)
                .param("criteria", r.kind() == RoundKind.ASSESSMENT ? json.writeValueAsString(r.criteria()) : null)
                .param("heldOn", r.heldOn()).param("decision", blank(r.decisionNumber())).param("issuer", blank(r.issuer()))
                .param("form", r.form() == null ? null : r.form().name()).param("actor", user.username())
                .query(Long.class).single();
        var covered = units.idsWithin(units.scopePaths(r.unitId())).toArray(Long[]::new);
        var listed = r.kind() == RoundKind.ASSESSMENT
                ? jdbc.sql("""
                        insert into exemplar_round_item (round_id, exemplar_id)
                        select :round, e.id from exemplar e
                        where e.unit_id = any(:units) and e.year <= :year
                          and e.status in ('IMPLEMENTING', 'ASSESSED', 'RECOGNISED', 'TYPICAL', 'COMMENDED', 'REPLICATED')
                        """).param("round", id).param("units", covered).param("year", r.fromYear()).update()
                : jdbc.sql("""
                        insert into exemplar_round_item (round_id, exemplar_id)
                        select distinct :round, e.id from exemplar e join exemplar_recognition x on x.exemplar_id = e.id
                        where e.unit_id = any(:units) and x.year between :from and :to and e.status <> 'DISCONTINUED'
                        """).param("round", id).param("units", covered).param("from", r.fromYear()).param("to", r.toYear()).update();
        audit.record("exemplar.round-opened", "exemplar_round", id, r.unitId(), null,
                AuditTrail.fields("kind", r.kind(), "title", r.title(), "from", r.fromYear(), "to", toYear, "models", listed));
        return id;
    }

    /** Assesses one model of an assessment round with the round's criteria. */
    public void assess(long roundId, long exemplarId, List<BigDecimal> scores, LocalDate day, String assessor, String note,
                       CurrentUser user) {
        var round = detail(roundId, user);
        requireOpen(round, user, RoundKind.ASSESSMENT);
        requireItem(round, exemplarId);
        var criteria = new ArrayList<ExemplarStep.Criterion>();
        for (int i = 0; i < round.criteria().size(); i++) {
            var c = round.criteria().get(i);
            criteria.add(new ExemplarStep.Criterion(c.name(), scores != null && i < scores.size() ? scores.get(i) : null, c.max()));
        }
        var on = day == null ? LocalDate.now(clock) : day;
        if (on.getYear() != round.fromYear()) {
            throw new InvalidInputException("day", "exemplar.round.day-in-year", String.valueOf(round.fromYear()));
        }
        var assessment = management.step(exemplarId, new ExemplarStep(ExemplarAction.ASSESS, on, note, null,
                assessor == null || assessor.isBlank() ? round.title() : assessor, criteria, null, null, null, null, null, null), user);
        jdbc.sql("update exemplar_assessment set round_id = :round where id = :id").param("round", roundId).param("id", assessment).update();
    }

    /** Picks the typical models of a ceremony (replacing the previous pick). */
    public void select(long roundId, Collection<Long> exemplarIds, int readVersion, CurrentUser user) {
        var round = detail(roundId, user);
        requireOpen(round, user, RoundKind.CEREMONY);
        var ids = new HashSet<>(exemplarIds);
        for (var id : ids) {
            requireItem(round, id);
        }
        bump(round, readVersion);
        jdbc.sql("update exemplar_round_item set selected = (exemplar_id = any(:ids)) where round_id = :round")
                .param("ids", ids.toArray(Long[]::new)).param("round", roundId).update();
        audit.record("exemplar.round-selected", "exemplar_round", roundId, round.unit().id(), null,
                AuditTrail.fields("selected", ids.stream().sorted().toList()));
    }

    /**
     * Closes a round. A ceremony first marks every picked model typical and commends it under the
     * ceremony's decision; if one of them cannot be (paused since, say), nothing is saved and the
     * message names it.
     */
    public void close(long roundId, int readVersion, CurrentUser user) {
        var round = detail(roundId, user);
        requireOpen(round, user, round.kind());
        if (round.kind() == RoundKind.CEREMONY) {
            var picked = round.items().stream().filter(RoundItem::selected).toList();
            if (picked.isEmpty()) {
                throw new InvalidInputException("selected", "exemplar.round.nothing-selected");
            }
            var problems = new ArrayList<Problem>();
            if (round.heldOn() == null) {
                problems.add(new Problem("ceremonyOn", "validation.required"));
            }
            if (round.form() == null) {
                problems.add(new Problem("form", "validation.required"));
            }
            if (round.decisionNumber() == null) {
                problems.add(new Problem("decisionNumber", "validation.required"));
            }
            if (round.issuer() == null) {
                problems.add(new Problem("issuer", "validation.required"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            for (var item : picked) {
                try {
                    if (!item.status().reached(ExemplarStatus.TYPICAL)) {
                        management.step(item.exemplarId(), ExemplarStep.simple(ExemplarAction.MARK_TYPICAL, round.heldOn(), round.title(), null), user);
                    }
                    var commendation = management.step(item.exemplarId(), new ExemplarStep(ExemplarAction.COMMEND, round.heldOn(), round.title(),
                            null, null, List.of(), null, null, null, round.decisionNumber(), round.issuer(), round.form()), user);
                    jdbc.sql("update exemplar_commendation set round_id = :round where id = :id")
                            .param("round", roundId).param("id", commendation).update();
                } catch (InvalidInputException refused) {
                    var named = new ArrayList<Problem>();
                    named.add(new Problem("selected", "exemplar.round.item-refused", item.number()));
                    named.addAll(refused.problems());
                    throw new InvalidInputException(named);
                }
            }
        }
        bump(round, readVersion);
        jdbc.sql("update exemplar_round set status = 'CLOSED' where id = :id").param("id", roundId).update();
        audit.record("exemplar.round-closed", "exemplar_round", roundId, round.unit().id(), null,
                AuditTrail.fields("passed", round.passed(), "failed", round.failed(), "selected", round.selected()));
    }

    @Transactional(readOnly = true)
    public List<RoundRow> list(CurrentUser user) {
        var readable = scope.readableUnitIds(user);
        var rows = jdbc.sql("""
                select r.id, r.kind, r.unit_id, r.title, r.from_year, r.to_year, r.status,
                       (select count(*) from exemplar_round_item i where i.round_id = r.id),
                       case when r.kind = 'ASSESSMENT'
                            then (select count(*) from exemplar_assessment a where a.round_id = r.id)
                            else (select count(*) from exemplar_round_item i where i.round_id = r.id and i.selected) end
                from exemplar_round r
                where (cast(:all as boolean) or r.unit_id = any(:units))
                order by r.to_year desc, r.id desc limit 200
                """).param("all", readable == null).param("units", readable == null ? new Long[0] : readable.toArray(Long[]::new))
                .query((rs, n) -> new RoundRow(rs.getLong(1), RoundKind.valueOf(rs.getString(2)), new UnitRef(rs.getLong(3), null, null),
                        rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getLong(8), rs.getLong(9))).list();
        var names = queries.names(rows.stream().map(r -> r.unit().id()).toList());
        return rows.stream().map(r -> new RoundRow(r.id(), r.kind(), names.get(r.unit().id()), r.title(), r.fromYear(), r.toYear(),
                r.status(), r.items(), r.done())).toList();
    }

    @Transactional(readOnly = true)
    public RoundDetail detail(long id, CurrentUser user) {
        var r = jdbc.sql("select * from exemplar_round where id = :id").param("id", id).query((rs, n) -> Map.<String, Object>of(
                        "kind", rs.getString("kind"), "unit", rs.getLong("unit_id"), "title", rs.getString("title"),
                        "from", rs.getInt("from_year"), "to", rs.getInt("to_year"),
                        "criteria", rs.getString("criteria") == null ? "[]" : rs.getString("criteria"),
                        "status", rs.getString("status"), "version", rs.getInt("version"),
                        "extra", new Object[] {rs.getObject("held_on", LocalDate.class), rs.getString("decision_number"),
                                rs.getString("issuer"), rs.getString("form")}))
                .optional().orElseThrow(() -> new NotFoundException("round", id));
        long unitId = (Long) r.get("unit");
        scope.requireRead(user, unitId, "round", id);
        var extra = (Object[]) r.get("extra");
        var items = jdbc.sql("""
                select e.id, e.number, e.name, e.kind, e.person_name, e.unit_id, e.status, a.assessed_on, a.total, a.max_total, a.passed,
                       i.selected,
                       (select string_agg(x.year || ' ' || x.level || case when x.typical then '*' else '' end, ', ' order by x.year)
                          from exemplar_recognition x where x.exemplar_id = e.id)
                from exemplar_round_item i join exemplar e on e.id = i.exemplar_id
                left join lateral (select assessed_on, total, max_total, passed from exemplar_assessment a
                                   where a.exemplar_id = e.id and a.round_id = i.round_id order by a.id desc limit 1) a on true
                where i.round_id = :id
                order by e.name collate vietnamese, e.id
                """).param("id", id).query((rs, n) -> new RoundItem(rs.getLong(1), rs.getString(2), rs.getString(3),
                        ExemplarKind.valueOf(rs.getString(4)), rs.getString(5), new UnitRef(rs.getLong(6), null, null),
                        ExemplarStatus.valueOf(rs.getString(7)), rs.getObject(8, LocalDate.class), rs.getBigDecimal(9), rs.getBigDecimal(10),
                        (Boolean) rs.getObject(11), rs.getBoolean(12), rs.getString(13))).list();
        var names = queries.names(items.stream().map(i -> i.unit().id()).distinct().toList());
        var named = items.stream().map(i -> new RoundItem(i.exemplarId(), i.number(), i.name(), i.kind(), i.personName(),
                names.get(i.unit().id()), i.status(), i.assessedOn(), i.total(), i.maxTotal(), i.passed(), i.selected(), i.recognitions()))
                .toList();
        return new RoundDetail(id, RoundKind.valueOf((String) r.get("kind")), queries.names(List.of(unitId)).get(unitId),
                (String) r.get("title"), (Integer) r.get("from"), (Integer) r.get("to"),
                json.readValue((String) r.get("criteria"), new TypeReference<List<Criterion>>() {
                }), (LocalDate) extra[0], (String) extra[1], (String) extra[2],
                extra[3] == null ? null : CommendationForm.valueOf((String) extra[3]), (String) r.get("status"), (Integer) r.get("version"),
                named, scope.canWrite(user, unitId));
    }

    private void validate(NewRound r) {
        var problems = new ArrayList<Problem>();
        var thisYear = LocalDate.now(clock).getYear();
        if (r.kind() == null) {
            problems.add(new Problem("kind", "validation.required"));
        }
        if (r.unitId() == null) {
            problems.add(new Problem("unitId", "validation.required"));
        }
        if (r.title() == null || r.title().isBlank()) {
            problems.add(new Problem("name", "validation.required"));
        }
        if (r.fromYear() == null) {
            problems.add(new Problem("fromYear", "validation.required"));
        } else if (r.fromYear() < 2009 || r.fromYear() > thisYear) {
            problems.add(new Problem("fromYear", "exemplar.validation.year-range", "2009", String.valueOf(thisYear)));
        }
        if (r.kind() == RoundKind.CEREMONY) {
            if (r.toYear() == null) {
                problems.add(new Problem("toYear", "validation.required"));
            } else if (r.fromYear() != null && (r.toYear() < r.fromYear() || r.toYear() > thisYear)) {
                problems.add(new Problem("toYear", "exemplar.round.bad-period"));
            }
            if (r.heldOn() != null && r.heldOn().isAfter(LocalDate.now(clock))) {
                problems.add(new Problem("ceremonyOn", "exemplar.validation.future-date"));
            }
        }
        if (r.kind() == RoundKind.ASSESSMENT) {
            if (r.criteria().isEmpty()) {
                problems.add(new Problem("criteria", "exemplar.validation.no-criteria"));
            }
            for (int i = 0; i < r.criteria().size(); i++) {
                var c = r.criteria().get(i);
                if (c.name() == null || c.name().isBlank() || c.max() == null || c.max().signum() <= 0) {
                    problems.add(new Problem("criteria", "exemplar.validation.criterion-max", c.name() == null ? "" : c.name()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private void requireOpen(RoundDetail round, CurrentUser user, RoundKind kind) {
        scope.requireWrite(user, round.unit().id(), "round", round.id());
        if (!round.open()) {
            throw new InvalidInputException("status", "exemplar.round.closed");
        }
        if (round.kind() != kind) {
            throw new InvalidInputException("kind", "exemplar.round.wrong-kind");
        }
    }

    private static void requireItem(RoundDetail round, long exemplarId) {
        if (round.items().stream().noneMatch(i -> i.exemplarId() == exemplarId)) {
            throw new InvalidInputException("exemplarId", "exemplar.round.not-listed", String.valueOf(exemplarId));
        }
    }

    private void bump(RoundDetail round, int readVersion) {
        var rows = jdbc.sql("update exemplar_round set version = version + 1 where id = :id and version = :version")
                .param("id", round.id()).param("version", readVersion).update();
        if (rows == 0) {
            throw new ConflictException("round", round.title());
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
