package vn.danvan.petition;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matters that may turn into hot spots (điểm nóng; no legal definition, brief §1.8): a crowd
 * delegation came about it, it was raised at several visits or again after an answer, many petitions
 * came about the same commune in the matter's field (land, policies …) or about the same matter (its own
 * petitions: many people, or the same people again, on the same subject), it is past its deadline, it is complex or prolonged (a second
 * complaint, a repeated denunciation), or an officer flagged it with a reason. Thresholds are
 * settings ({@code danvan.petition.hot-*}); the reasons are worked out from the records on each ask.
 */
@Component
@MatterStates.ReadsMatters
@Transactional(readOnly = true)
class HotSpots {

    /** Why a matter is flagged. Labels: {@code petition.hot.<NAME>}. */
    enum Reason { CROWD, REPEATED_VISITS, MANY_PETITIONS_IN_PLACE, MANY_PETITIONS_ON_MATTER, OVERDUE, COMPLEX_OR_PROLONGED, MANUAL }

    record Flagged(long matterId, String number, String title, long unitId, Long placeUnitId, MatterStatus status,
                   LocalDate dueOn, String manualReason, List<Reason> reasons) {
    }

    private final JdbcClient jdbc;
    private final PetitionSettings settings;
    private final Clock clock;

    HotSpots(JdbcClient jdbc, PetitionSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** Open matters of the units (null = all) with their reasons, most reasons first. */
    List<Flagged> flagged(List<Long> unitIds, LocalDate today) {
        // The condition is chosen here, not with "cast(:x as …) is null or …": a prepared statement's
        // generic plan would read every open matter for the one matter of a matter page.
        var spec = jdbc.sql(FLAGGED.replace("{which}", unitIds == null ? "true" : "m.unit_id = any(:units)"));
        return flagged(unitIds == null ? spec : spec.param("units", unitIds.toArray(Long[]::new)), today);
    }

    private List<Flagged> flagged(JdbcClient.StatementSpec spec, LocalDate today) {
        var since = today.minusDays(settings.hotWindowDays());
        var rows = spec
                .param("since", since).param("today", today)
                .param("repeatVisits", settings.hotRepeatVisits()).param("placePetitions", settings.hotPlacePetitions())
                .param("matterPetitions", settings.hotMatterPetitions())
                .query((rs, n) -> {
                    var reasons = new ArrayList<Reason>();
                    if (rs.getBoolean("crowd")) reasons.add(Reason.CROWD);
                    if (rs.getBoolean("repeated_visits")) reasons.add(Reason.REPEATED_VISITS);
                    if (rs.getBoolean("many_in_place")) reasons.add(Reason.MANY_PETITIONS_IN_PLACE);
                    if (rs.getBoolean("many_on_matter")) reasons.add(Reason.MANY_PETITIONS_ON_MATTER);
                    if (rs.getBoolean("overdue")) reasons.add(Reason.OVERDUE);
                    if (rs.getBoolean("complex")) reasons.add(Reason.COMPLEX_OR_PROLONGED);
                    if (rs.getBoolean("hot_manual")) reasons.add(Reason.MANUAL);
                    var place = rs.getLong("place_unit_id");
                    return new Flagged(rs.getLong("id"), rs.getString("number"), rs.getString("title"), rs.getLong("unit_id"),
                            rs.wasNull() ? null : place, MatterStatus.valueOf(rs.getString("status")),
                            rs.getObject("due_on", LocalDate.class), rs.getString("hot_reason"), List.copyOf(reasons));
                })
                .list();
        return rows.stream().filter(f -> isHot(f.reasons()))
                .sorted((a, b) -> Integer.compare(b.reasons().size(), a.reasons().size()))
                .toList();
    }

    /** Open matters ({which}: of the units, every one, or one matter) with the facts behind each reason. */
    private static final String FLAGGED = """
                with open_matter as (
                    select m.* from petition_matter m
                    where m.status in ('RECEIVED', 'ACCEPTED', 'VERIFYING', 'SUSPENDED')
                      and {which}
                ),
                visit_facts as (
                    select v.matter_id, bool_or(v.crowd) as crowd, count(*) as visits, bool_or(not v.first_time) as repeated
                    from petition_visit v join open_matter m on m.id = v.matter_id
                    where v.visited_on >= :since
                    group by v.matter_id
                ),
                place_load as (
                    select p.place_unit_id, p.field, count(*) as petitions
                    from petition p
                    where p.place_unit_id in (select place_unit_id from open_matter where place_unit_id is not null)
                      and p.received_on >= :since and p.field is not null
                    group by p.place_unit_id, p.field
                ),
                -- only the matters with enough petitions in all (their count, kept with them) can have enough in the
                -- window: a province's board probes a few matters, not each of its ~1,400 open ones (+48 ms p50 at 4.5 million)
                matter_load as (
                    select p.matter_id, count(*) as petitions
                    from petition p
                    where p.matter_id in (select id from open_matter where petitions >= :matterPetitions)
                      and p.received_on >= :since
                    group by p.matter_id
                )
                select m.id, m.number, m.title, m.unit_id, m.place_unit_id, m.status, m.due_on, m.hot_reason,
                       coalesce(vf.crowd, false) as crowd,
                       coalesce(vf.visits, 0) >= :repeatVisits or coalesce(vf.repeated, false) as repeated_visits,
                       coalesce(pl.petitions, 0) >= :placePetitions as many_in_place,
                       coalesce(ml.petitions, 0) >= :matterPetitions as many_on_matter,
                       m.status in ('ACCEPTED', 'VERIFYING') and m.due_on < :today as overdue,
                       m.complexity <> 'NORMAL' or m.round = 2 or m.follow_up as complex,
                       m.hot_manual
                from open_matter m
                left join visit_facts vf on vf.matter_id = m.id
                left join place_load pl on pl.place_unit_id = m.place_unit_id and pl.field = m.field
                left join matter_load ml on ml.matter_id = m.id
                """;

    /**
     * A matter is a hot spot when flagged by hand, when a crowd came, or when two signals meet
     * (e.g. overdue and raised again); a single overdue or complex matter is watched, not flagged.
     */
    static boolean isHot(List<Reason> reasons) {
        return reasons.contains(Reason.MANUAL) || reasons.contains(Reason.CROWD) || reasons.size() >= 2;
    }

    Set<Long> hotMatterIds(List<Long> unitIds, LocalDate today) {
        return flagged(unitIds, today).stream().map(Flagged::matterId).collect(Collectors.toSet());
    }

    /** The reasons a matter is flagged now (empty when it is not). */
    List<Reason> reasonsOf(long matterId) {
        // Only this matter's facts: the unit's whole board would be read for every matter page otherwise.
        var spec = jdbc.sql(FLAGGED.replace("{which}", "m.id = :matter")).param("matter", matterId);
        return flagged(spec, LocalDate.now(clock)).stream().findFirst().map(Flagged::reasons).orElse(List.of());
    }

    /** The board: flagged matters grouped by the commune they are about (null key: place unknown). */
    LinkedHashMap<Long, List<Flagged>> byPlace(List<Long> unitIds, LocalDate today) {
        var board = new LinkedHashMap<Long, List<Flagged>>();
        for (var f : flagged(unitIds, today)) {
            board.computeIfAbsent(f.placeUnitId(), k -> new ArrayList<>()).add(f);
        }
        return board;
    }
}
