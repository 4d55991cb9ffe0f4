package vn.danvan.petition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.calendar.LegalDeadlines;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.identity.UserManagement;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.petition.PetitionViews.Due;
import vn.danvan.petition.PetitionViews.MatterDetail;
import vn.danvan.petition.PetitionViews.MatterSummary;
import vn.danvan.petition.PetitionViews.PetitionDetail;
import vn.danvan.petition.PetitionViews.PetitionRow;
import vn.danvan.petition.PetitionViews.PetitionSummary;
import vn.danvan.petition.PetitionViews.Step;
import vn.danvan.petition.PetitionViews.UnitRef;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.PageResult;

/**
 * The questions asked of petitions and matters: one case with its timeline, search, an officer's
 * queue, what is due soon or overdue. Everything is limited to the user's scope; identities of
 * protected petitions are masked unless the user was granted the case.
 */
@Service
@MatterStates.ReadsMatters
@Transactional(readOnly = true)
public class PetitionQueries {

    private final JdbcClient jdbc;
    private final CaseStore store;
    private final PetitionManagement petitions;
    private final LegalDeadlines deadlines;
    private final OrgScope scope;
    private final OrgUnits units;
    private final HotSpots hotSpots;
    private final PetitionSettings settings;
    private final UserManagement users;
    private final Clock clock;
    private final PetitionYearSearch yearSearch;

    PetitionQueries(JdbcClient jdbc, CaseStore store, PetitionManagement petitions, LegalDeadlines deadlines, OrgScope scope,
                    OrgUnits units, HotSpots hotSpots, PetitionSettings settings, UserManagement users, Clock clock,
                    PetitionYearSearch yearSearch) {
        this.jdbc = jdbc;
        this.yearSearch = yearSearch;
        this.store = store;
        this.petitions = petitions;
        this.deadlines = deadlines;
        this.scope = scope;
        this.units = units;
        this.hotSpots = hotSpots;
        this.settings = settings;
        this.users = users;
        this.clock = clock;
    }

    /** @throws NotFoundException when it does not exist or lies outside the user's scope */
    public PetitionDetail petition(long id, CurrentUser user) {
        var p = store.petition(id).orElseThrow(() -> new NotFoundException("petition", id));
        scope.requireRead(user, p.unitId, "petition", p.number);
        var visible = petitions.maySeeIdentity(p, user) && !p.protectedIdentity;
        var matter = p.matterId == null ? null : store.matter(p.matterId).map(this::summary).orElse(null);
        var from = p.forwardedFromId == null ? null : store.petition(p.forwardedFromId).map(x -> x.number).orElse(null);
        return new PetitionDetail(p.id, p.number, unit(p.unitId, p.receivedOn), p.receivedOn, p.channel, p.sourceName,
                p.sourceReference, p.petitionerKind, p.signersCount, p.subject, p.content, unit(p.placeUnitId, p.receivedOn),
                p.protectedIdentity, petitions.maySeeIdentity(p, user), petitions.persons(p, visible), p.status, p.contentKind,
                p.field, p.eligible, p.ineligibleReason, p.competence, p.handling, p.processedOn,
                unit(p.forwardedToId, p.processedOn), p.replyReceivedOn, from, matter,
                p.isProcessed() ? null : due(p.dueOn, p.dueRule, p.dueRuleVersion), steps("petition_id", p.id), p.visitId, p.version);
    }

    public PetitionDetail petitionByNumber(String number, CurrentUser user) {
        var id = jdbc.sql("select id from petition where number = :n").param("n", number).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("petition", number));
        return petition(id, user);
    }

    public MatterDetail matter(long id, CurrentUser user) {
        var m = store.matter(id).orElseThrow(() -> new NotFoundException("matter", id));
        scope.requireRead(user, m.unitId, "matter", m.number);
        var day = m.acceptedOn != null ? m.acceptedOn : LocalDate.now(clock);
        var list = jdbc.sql("""
                select id, number, received_on, channel, subject, content_kind, handling, status
                from petition where matter_id = :m order by received_on, id
                """).param("m", m.id).query(PetitionSummary.class).list();
        var visits = jdbc.sql("select count(*) from petition_visit where matter_id = :m").param("m", m.id).query(Integer.class).single();
        var handler = m.handlerId == null ? null : users.displayName(m.handlerId).orElse(null);
        return new MatterDetail(m.id, m.number, unit(m.unitId, day), m.title, m.contentKind, m.field, unit(m.placeUnitId, day),
                m.remote, m.complexity, m.round, m.followUp, m.status, m.acceptedOn, m.acceptanceNumber,
                m.status.isBeingResolved() && m.status != MatterStatus.SUSPENDED ? due(m.dueOn, m.dueRule, m.dueRuleVersion)
                        : (m.dueOn == null ? null : new Due(m.dueOn, m.dueRule, m.dueRuleVersion, null, false, false)),
                m.extensions, m.handlerId, handler, m.decidedOn, m.decisionNumber, m.result, m.closedOn, m.withdrawnPartly,
                m.hotManual, m.hotReason, hotSpots.reasonsOf(m.id).stream().map(Enum::name).toList(), store.suspensions(m.id),
                store.outcome(m.id, "DECIDED").orElse(null), store.outcome(m.id, "ENFORCED").orElse(null), list,
                steps("matter_id", m.id), visits, m.version);
    }

    /**
     * The id of a petition the user may read, by its number, without reading the whole case (the
     * services that change it check the write scope themselves).
     *
     * @throws NotFoundException when it does not exist or lies outside the user's scope
     */
    public long petitionId(String number, CurrentUser user) {
        var found = jdbc.sql("select id, unit_id from petition where number = :n").param("n", number)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional()
                .orElseThrow(() -> new NotFoundException("petition", number));
        scope.requireRead(user, found[1], "petition", number);
        return found[0];
    }

    /** The id of a matter the user may read, by its number, without reading the whole case. */
    public long matterId(String number, CurrentUser user) {
        var found = jdbc.sql("select id, unit_id from petition_matter where number = :n").param("n", number)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional()
                .orElseThrow(() -> new NotFoundException("matter", number));
        scope.requireRead(user, found[1], "matter", number);
        return found[0];
    }

    public MatterDetail matterByNumber(String number, CurrentUser user) {
        var m = store.matterByNumber(number).orElseThrow(() -> new NotFoundException("matter", number));
        return matter(m.id, user);
    }

    /**
     * Search in the user's scope. Results sorted by day of receipt, newest first.
     */
    public PageResult<PetitionRow> search(PetitionFilter f, int page, int size, CurrentUser user) {
        var unitIds = unitsFor(f.unitId(), user);
        var today = LocalDate.now(clock);
        var hotIds = Boolean.TRUE.equals(f.hot()) ? hotSpots.hotMatterIds(unitIds, today) : Set.<Long>of();
        // Only the conditions asked for: one statement per combination, so the planner sees each as it is
        // (a generic "param is null or …" plan cannot use the trigram or date indexes well).
        var where = new StringBuilder("where true");
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        if (unitIds != null) {
            where.append(" and p.unit_id = any(:units)");
            params.put("units", unitIds.toArray(Long[]::new));
        }
        // A search by whole words: the year words index narrows to the petitions holding them, year by year
        // (PetitionSearchWords.terms, PetitionYearSearch), the containment check keeps the exact hits; the page leaves
        // the index's condition out when the hits are many.
        var terms = f.text() == null || f.text().isBlank() ? null : PetitionSearchWords.terms(f.text());
        if (terms != null) {
            // the words index alone: offering the trigram condition beside it let the planner pick the trigrams or
            // both for a province's search (p95 118 → 1,169 ms at 100,000 petitions under load)
            where.append(PetitionSearchConditions.WORDS);
            params.put("text", f.text().strip());
        } else if (f.text() != null && !f.text().isBlank()) {
            where.append(" and t.search_text like '%' || search_key(:text) || '%'");
            params.put("text", f.text().strip());
        }
        if (f.kind() != null) {
            where.append(" and p.content_kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (f.field() != null) {
            where.append(" and p.field = :field");
            params.put("field", f.field().name());
        }
        if (f.state() != null && !f.state().isBlank()) {
            where.append(" and ").append(PetitionSearchConditions.state(f.state()));
            params.put("state", f.state());
        }
        if (f.from() != null) {
            where.append(" and p.received_on >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            where.append(" and p.received_on <= :to");
            params.put("to", f.to());
        }
        if (Boolean.TRUE.equals(f.overdue())) {
            // (p.status = 'RECEIVED' and p.due_on < :today) or (m.status in ('ACCEPTED', 'VERIFYING') and m.due_on < :today),
            // as the ids of the overdue petitions and of the petitions of overdue matters: each part walks its own
            // partial index, instead of every petition of the units being read to test the "or" across two tables.
            // A matter is at its petitions' unit (V42 holds the rule), so the matters' half filters on the matter's unit.
            var inUnits = unitIds == null ? "" : " and r.unit_id = any(:units)";
            var matterInUnits = unitIds == null ? "" : " and o.unit_id = any(:units)";
            where.append(" and p.id in (select r.id from petition r where r.status = 'RECEIVED' and r.due_on < :today" + inUnits
                    + " union all select r.id from petition_matter o join petition r on r.matter_id = o.id"
                    + " where o.status in ('ACCEPTED', 'VERIFYING') and o.due_on < :today" + matterInUnits + ")");
            params.put("today", today);
        }
        if (Boolean.TRUE.equals(f.hot())) {
            where.append(" and m.id = any(:hotIds)");
            params.put("hotIds", hotIds.toArray(Long[]::new));
        }
        // The text searched is in petition_text (V101), one row per petition.
        var source = "from petition p" + (params.containsKey("text") ? " join petition_text t on t.petition_id = p.id" : "")
                + " left join petition_matter m on m.id = p.matter_id ";
        // Counting stops past COUNT_CAP: a common word matches hundreds of thousands of petitions nationwide.
        long total;
        String which;
        long offset = (long) page * size;
        long end = (long) (page + 1) * size;
        if (terms != null) {
            // The year words index, newest year first, until more than SEARCH_COUNT_CAP hits (PetitionYearSearch): the
            // hits are the count; the page is read by id among the years read whole when they hold it, else it walks
            // the petitions newest first (from the oldest year read when the hits read hold the page).
            var cap = countCap(f);
            // words alone (within units, between days): the hits are read from petition_text alone, which holds the
            // unit and day; a condition on what processing changes (kind, field, state, overdue, hot) reads the petition
            var textOnly = f.kind() == null && f.field() == null && (f.state() == null || f.state().isBlank())
                    && !Boolean.TRUE.equals(f.overdue()) && !Boolean.TRUE.equals(f.hot());
            var textWhere = where.toString().replace("p.unit_id", "t.unit_id").replace("p.received_on", "t.received_on");
            var found = yearSearch.hits(textOnly ? textWhere : where.toString(), params, terms, unitIds, f.from(), f.to(), cap, textOnly);
            total = found.hits().size();
            var among = found.pageAmong(cap, end);
            if (among != null) {
                which = "where p.id = any(:matched)";
                params = new java.util.LinkedHashMap<>(Map.of("matched", among.toArray(Long[]::new)));
            } else {
                var pageFrom = found.pageFrom(end);
                if (textOnly && pageFrom != null) {
                    // the newest hits in widening windows of days (PetitionYearSearch.newest), the page among them by
                    // id: a walk over the petitions newest first read every petition until the page was full, one page
                    // of the table per row once updates had scattered a day's rows (at 4.5 million petitions, "ho ngheo"
                    // read 11,068 petitions, 21,699 pages, 158 ms)
                    var newestDay = f.to() != null && f.to().isBefore(today) ? f.to() : today;
                    var newest = yearSearch.newest(textWhere, params, terms, unitIds, pageFrom, newestDay, end);
                    which = "where p.id = any(:matched)";
                    params = new java.util.LinkedHashMap<>(Map.of("matched",
                            newest.stream().skip(offset).map(PetitionYearSearch.Hit::id).toArray(Long[]::new)));
                    offset = 0;
                } else {
                    which = where + (pageFrom == null ? "" : " and p.received_on >= :pageFrom");
                    if (pageFrom != null) {
                        params.put("pageFrom", pageFrom);
                    }
                }
            }
        } else if (params.containsKey("text")) {
            // A text search reads its index once: the ids found (at most SEARCH_COUNT_CAP + 1) are the count and,
            // when they are all the matches, the page is read by id. When there are more, the page is its own
            // query, which the index on the day of receipt serves by reading the newest rows until the page is full.
            var cap = countCap(f);
            var matched = jdbc.sql("select p.id " + source
                    + where + " limit " + (cap + 1))
                    .params(params).query(Long.class).list();
            total = matched.size();
            if (total <= cap) {
                which = "where p.id = any(:matched)";
                params = new java.util.LinkedHashMap<>(Map.of("matched", matched.toArray(Long[]::new)));
            } else {
                which = where.toString();
            }
        } else {
            // The petitions found (at most COUNT_CAP + 1) are read once with their day of receipt, from indexes alone
            // (V106: the units' index holds the kind, field, state and matter the filters ask; the matters' states their
            // own): they are the count, the page is chosen among them here and only its rows are read. A count and a
            // page each worked out the set, and the page read every candidate's row to sort it (the overdue list since
            // session 11; a filtered search since session 15: at 4.5 million petitions, Hà Nội's decided complaints of
            // a year read 6,534 rows for a page of 20, 550 ms).
            var matched = jdbc.sql("select p.id, p.received_on " + source
                    + where + " limit " + (COUNT_CAP + 1)).params(params)
                    .query((rs, n) -> new PetitionYearSearch.Hit(rs.getLong(1), rs.getObject(2, LocalDate.class))).list();
            total = matched.size();
            if (total <= COUNT_CAP) {
                var chosen = matched.stream().sorted(PetitionYearSearch.Hit.NEWEST_FIRST).skip(offset).limit(size).map(PetitionYearSearch.Hit::id).toArray(Long[]::new);
                which = "where p.id = any(:chosen)";
                params = new java.util.LinkedHashMap<>(Map.of("chosen", chosen));
                offset = 0;
            } else {
                which = where.toString();
            }
        }
        var found = total == 0 ? List.<PetitionRow>of() : jdbc.sql("""
                select p.id, p.number, p.received_on, p.unit_id, p.subject, p.channel, p.content_kind, p.field, p.status,
                       p.handling, m.number as matter_number, m.status as matter_status, m.id as matter_id, m.hot_manual,
                       case when p.status = 'RECEIVED' then p.due_on else m.due_on end as due_on,
                       case when p.status = 'RECEIVED' then p.due_rule else m.due_rule end as due_rule,
                       case when p.status = 'RECEIVED' then p.due_rule_version else m.due_rule_version end as due_rule_version
                """ + source + which + """

                order by p.received_on desc, p.id desc
                limit :size offset :offset
                """).params(params)
                .param("size", size).param("offset", offset)
                .query((rs, n) -> row(rs, hotIds)).list();
        // Units named in one query for the page.
        var named = units.findAll(found.stream().map(r -> r.unit().id()).collect(Collectors.toSet()), today);
        // The working days left of the page's deadlines in one walk over the calendar.
        var days = deadlines.dueDays(today, found.stream().filter(r -> r.due() != null).map(r -> r.due().dueOn()).toList());
        var rows = found.stream().map(r -> {
            var u = named.get(r.unit().id());
            return new PetitionRow(r.id(), r.number(), r.receivedOn(), u == null ? r.unit() : new UnitRef(u.id(), u.code(), u.name()),
                    r.subject(), r.channel(), r.contentKind(), r.field(), r.status(), r.handling(), r.matterNumber(),
                    r.matterStatus(), Due.counted(r.due(), days, settings.dueSoonWorkingDays()), r.hot());
        }).toList();
        return new PageResult<>(rows, total, page, size);
    }

    /** Search results are counted up to this many; the count says "more than" beyond it. */
    public static final int COUNT_CAP = 10_000;
    /**
     * A search by text is counted up to this many: "hơn 1.000 đơn" for a common word, not the reading of
     * ten thousand matches (every one rechecked against its text) to say "more than 10.000".
     */
    public static final int SEARCH_COUNT_CAP = 1_000;

    /** Where the count of this filter stops: lower for a search by text. */
    public static int countCap(PetitionFilter f) {
        return f.text() == null || f.text().isBlank() ? COUNT_CAP : SEARCH_COUNT_CAP;
    }

    private PetitionRow row(ResultSet rs, Set<Long> hotIds) throws SQLException {
        var received = rs.getObject("received_on", LocalDate.class);
        var matterStatus = rs.getString("matter_status");
        var status = rs.getString("status");
        var running = "RECEIVED".equals(status) || "ACCEPTED".equals(matterStatus) || "VERIFYING".equals(matterStatus);
        var dueOn = rs.getObject("due_on", LocalDate.class);
        var matterId = rs.getLong("matter_id");
        var ruleVersion = rs.getInt("due_rule_version");
        return new PetitionRow(rs.getLong("id"), rs.getString("number"), received, new UnitRef(rs.getLong("unit_id"), null, null),
                rs.getString("subject"), Channel.valueOf(rs.getString("channel")),
                rs.getString("content_kind") == null ? null : ContentKind.valueOf(rs.getString("content_kind")),
                rs.getString("field") == null ? null : Field.valueOf(rs.getString("field")), status,
                rs.getString("handling") == null ? null : Handling.valueOf(rs.getString("handling")),
                rs.getString("matter_number"), matterStatus == null ? null : MatterStatus.valueOf(matterStatus),
                running ? Due.uncounted(dueOn, rs.getString("due_rule"), ruleVersion) : null,
                rs.getBoolean("hot_manual") || hotIds.contains(matterId));
    }

    /** The hot-spot board of a unit's subtree (the user's whole scope when none is asked), grouped by commune. */
    public List<PetitionViews.HotSpotGroup> hotSpotBoard(Long unitId, CurrentUser user) {
        var today = LocalDate.now(clock);
        var board = hotSpots.byPlace(unitsFor(unitId, user), today);
        // Places and units named in one query for the whole board, not two per matter.
        var ids = new java.util.HashSet<Long>();
        board.forEach((place, flagged) -> {
            if (place != null) {
                ids.add(place);
            }
            flagged.forEach(f -> ids.add(f.unitId()));
        });
        var named = units.findAll(ids, today);
        java.util.function.Function<Long, UnitRef> ref = id -> {
            var u = id == null ? null : named.get(id);
            return u == null ? unit(id, today) : new UnitRef(u.id(), u.code(), u.name());
        };
        var groups = new ArrayList<PetitionViews.HotSpotGroup>();
        board.forEach((place, flagged) -> groups.add(new PetitionViews.HotSpotGroup(
                ref.apply(place), flagged.stream().map(f -> new PetitionViews.HotSpot(f.matterId(), f.number(), f.title(),
                        ref.apply(f.unitId()), f.status(), f.dueOn(), f.manualReason(),
                        f.reasons().stream().map(Enum::name).toList())).toList())));
        groups.sort(java.util.Comparator.comparing((PetitionViews.HotSpotGroup g) -> -g.matters().size()));
        return groups;
    }

    /** The units of a subtree the user may read; null = every unit (system administrator, no unit asked). */
    List<Long> unitsFor(Long unitId, CurrentUser user) {
        var readable = scope.readableUnitIds(user);
        if (unitId == null) {
            return readable;
        }
        scope.requireRead(user, unitId, "unit", unitId);
        // the subtree and the subtrees of the units that passed into it (the 2025 reform): the records of the old Bắc
        // Kạn are within today's Thái Nguyên, as in the forms and the officers' scopes
        var covered = units.idsWithin(units.scopePaths(unitId));
        if (readable == null) {
            return covered;
        }
        var subtree = new java.util.HashSet<>(covered);
        return readable.stream().filter(subtree::contains).toList();
    }

    Due due(LocalDate dueOn, String rule, Integer ruleVersion) {
        if (dueOn == null) {
            return null;
        }
        var left = deadlines.workingDaysLeft(LocalDate.now(clock), dueOn);
        return new Due(dueOn, rule, ruleVersion, left, left < 0, left >= 0 && left <= settings.dueSoonWorkingDays());
    }

    private MatterSummary summary(Matter m) {
        var running = m.status == MatterStatus.ACCEPTED || m.status == MatterStatus.VERIFYING;
        return new MatterSummary(m.id, m.number, m.title, m.status, running ? due(m.dueOn, m.dueRule, m.dueRuleVersion) : null);
    }

    /**
     * A case's timeline, each step with the number of the petition it belongs to (a matter's timeline holds the steps of
     * all its petitions). A matter's first step written before session 21 as LINKED_TO_MATTER without a petition is the
     * matter's opening (MATTER_OPENED), not a second "put into the matter". The opening names the petition that opened
     * the matter (its note is that petition's number): its petition is that one.
     */
    private List<Step> steps(String column, long id) {
        return jdbc.sql("""
                        select case when s.kind = 'LINKED_TO_MATTER' and s.petition_id is null then 'MATTER_OPENED' else s.kind end as kind,
                               s.on_day as day, s.actor, s.note, s.document_number, s.due_on, s.rule, s.rule_version,
                               coalesce(s.petition_id, o.id) as petition_id, coalesce(p.number, o.number) as petition_number
                        from petition_step s left join petition p on p.id = s.petition_id
                        left join petition o on s.petition_id is null and s.kind in ('MATTER_OPENED', 'LINKED_TO_MATTER')
                                            and o.number = s.note
                        where s.""" + column + " = :id order by s.on_day, s.id")
                .param("id", id).query(Step.class).list();
    }

    UnitRef unit(Long unitId, LocalDate on) {
        if (unitId == null || unitId == 0) {
            return null;
        }
        var day = on == null ? LocalDate.now(clock) : on;
        return units.find(unitId, day).or(() -> units.find(unitId, LocalDate.now(clock)))
                .or(() -> units.versions(unitId).stream().reduce((a, b) -> b).flatMap(v -> units.find(unitId, v.validFrom())))
                .map(u -> new UnitRef(u.id(), u.code(), u.name()))
                .orElse(new UnitRef(unitId, String.valueOf(unitId), String.valueOf(unitId)));
    }

}
