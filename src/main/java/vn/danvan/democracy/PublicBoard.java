package vn.danvan.democracy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.democracy.BoardRules.ActivityKind;
import vn.danvan.democracy.DisclosureRules.Channel;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.shared.VietnameseText;

/**
 * The public part of a province's or commune's grassroots democracy, read without login: the People's
 * Inspection Board (its head and deputies by name and role — officials acting in office), its
 * recommendations with the answers received (the answering office by title), and the disclosures made
 * and overdue in a year. Nothing else of a record leaves here: never a member's phone or address, the
 * subjects of an inspection, the name of a person who answered, nor who entered the record.
 */
@Service
@Transactional(readOnly = true)
class PublicBoard {

    enum Status { ANSWERED, WAITING, OVERDUE }

    record BoardHead(String commune, String head, List<String> deputies, LocalDate termFrom, LocalDate termTo) {
    }

    record Recommendation(String commune, ActivityKind kind, String activity, LocalDate startsOn, String content, String addressee,
                          LocalDate madeOn, LocalDate dueOn, Status status, LocalDate answeredOn, String answeredByTitle, String answer) {
    }

    record Disclosure(String commune, String item, String periodKey, Channel channel, String title, LocalDate postedOn,
                      LocalDate postedUntil) {
    }

    record Overdue(String commune, String item, String legalBasis, String periodKey, LocalDate periodEnd) {
    }

    /** The page: {@code communesWithoutRecords} communes of the unit keep no register in danvan yet. */
    record Page(String code, String name, int year, String q, List<BoardHead> boards, List<Recommendation> recommendations,
                List<Disclosure> disclosures, List<Overdue> overdue, int communes, int communesWithoutRecords) {
    }

    private final JdbcClient jdbc;
    private final Communes communes;
    private final Disclosures disclosures;
    private final Clock clock;

    PublicBoard(JdbcClient jdbc, Communes communes, Disclosures disclosures, Clock clock) {
        this.jdbc = jdbc;
        this.communes = communes;
        this.disclosures = disclosures;
        this.clock = clock;
    }

    /** The page of a province or commune valid today; empty when the code names neither. */
    Optional<Page> of(String code, Integer year, String q) {
        var unit = communes.publicUnit(code);
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        var today = LocalDate.now(clock);
        int y = year == null ? today.getYear() : year;
        var list = Communes.isCommune(unit.get()) ? List.of(unit.get()) : communes.communesOf(unit.get());
        var names = new HashMap<Long, String>();
        list.forEach(c -> names.put(c.id(), c.name()));
        var ids = list.stream().map(OrgUnit::id).toArray(Long[]::new);
        var key = q == null || q.isBlank() ? null : VietnameseText.searchKey(q.strip());

        var boards = boards(ids, names, today);
        var recommendations = recommendations(ids, names, y, today).stream()
                .filter(r -> matches(key, r.commune(), r.activity(), r.content(), r.addressee(), r.answer())).toList();
        var made = disclosuresMade(ids, names, y).stream().filter(d -> matches(key, d.commune(), d.item(), d.title())).toList();
        var withRecords = unitsWithRecords(ids, y);
        var overdue = new ArrayList<Overdue>();
        for (var c : list) {
            if (!withRecords.contains(c.id())) {
                continue;
            }
            disclosures.dueList(c, ReportingPeriod.of(y, ReportingPeriod.PeriodKind.YEAR, 1)).outstanding().stream()
                    .filter(DemocracyViews.DueRow::overdue)
                    .map(d -> new Overdue(c.name(), d.itemTitle(), d.legalBasis(), d.periodKey(), d.periodEnd()))
                    .filter(o -> matches(key, o.commune(), o.item()))
                    .forEach(overdue::add);
        }
        return Optional.of(new Page(unit.get().code(), unit.get().name(), y, q == null ? "" : q.strip(), boards, recommendations, made,
                overdue, list.size(), list.size() - withRecords.size()));
    }

    private static boolean matches(String key, String... texts) {
        if (key == null) {
            return true;
        }
        for (var t : texts) {
            if (t != null && VietnameseText.searchKey(t).contains(key)) {
                return true;
            }
        }
        return false;
    }

    /** The People's Inspection Boards in office today, head and deputies by name. */
    private List<BoardHead> boards(Long[] ids, Map<Long, String> names, LocalDate today) {
        var heads = new LinkedHashMap<Long, BoardHead>();
        jdbc.sql("""
                        select b.id, b.unit_id, b.term_from, b.term_to, m.full_name, m.role
                        from democracy_board b
                        join democracy_board_member m on m.board_id = b.id and m.role in ('HEAD', 'DEPUTY')
                        where b.unit_id = any(:units)
                          and b.kind = 'PEOPLES_INSPECTION'
                          and b.term_from <= :today and b.term_to >= :today
                        order by b.unit_id, b.id, m.position""")
                .param("units", ids).param("today", today)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    var h = heads.computeIfAbsent(rs.getLong("id"), id -> {
                        try {
                            return new BoardHead(names.get(rs.getLong("unit_id")), null, new ArrayList<>(),
                                    rs.getObject("term_from", LocalDate.class), rs.getObject("term_to", LocalDate.class));
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    if ("HEAD".equals(rs.getString("role"))) {
                        heads.put(rs.getLong("id"), new BoardHead(h.commune(), rs.getString("full_name"), h.deputies(), h.termFrom(), h.termTo()));
                    } else {
                        h.deputies().add(rs.getString("full_name"));
                    }
                });
        return List.copyOf(heads.values());
    }

    private List<Recommendation> recommendations(Long[] ids, Map<Long, String> names, int year, LocalDate today) {
        return jdbc.sql("""
                        select b.unit_id, a.kind, a.title, a.starts_on, r.content, r.addressee, r.made_on, r.due_on, r.answered_on,
                               r.answered_by_title, r.answer
                        from democracy_recommendation r
                        join democracy_activity a on a.id = r.activity_id
                        join democracy_board b on b.id = a.board_id
                        where b.unit_id = any(:units)
                          and (extract(year from r.made_on) = :year or extract(year from r.answered_on) = :year
                               or (r.answered_on is null and extract(year from r.made_on) < :year))
                        order by r.made_on desc, r.id desc""")
                .param("units", ids).param("year", year)
                .query((rs, n) -> {
                    var answeredOn = rs.getObject("answered_on", LocalDate.class);
                    var dueOn = rs.getObject("due_on", LocalDate.class);
                    var status = answeredOn != null ? Status.ANSWERED
                            : dueOn != null && dueOn.isBefore(today) ? Status.OVERDUE : Status.WAITING;
                    return new Recommendation(names.get(rs.getLong("unit_id")), ActivityKind.valueOf(rs.getString("kind")),
                            rs.getString("title"), rs.getObject("starts_on", LocalDate.class), rs.getString("content"),
                            rs.getString("addressee"), rs.getObject("made_on", LocalDate.class), dueOn, status, answeredOn,
                            rs.getString("answered_by_title"), rs.getString("answer"));
                })
                .list();
    }

    private List<Disclosure> disclosuresMade(Long[] ids, Map<Long, String> names, int year) {
        return jdbc.sql("""
                        select d.unit_id, i.title as item, d.period_key, d.channel, d.title, d.posted_on, d.posted_until
                        from democracy_disclosure d join democracy_disclosure_item i on i.code = d.item_code
                        where d.unit_id = any(:units)
                          and d.period_key like :year || '%'
                        order by d.posted_on desc, d.id desc""")
                .param("units", ids).param("year", String.valueOf(year))
                .query((rs, n) -> new Disclosure(names.get(rs.getLong("unit_id")), rs.getString("item"), rs.getString("period_key"),
                        Channel.valueOf(rs.getString("channel")), rs.getString("title"), rs.getObject("posted_on", LocalDate.class),
                        rs.getObject("posted_until", LocalDate.class)))
                .list();
    }

    /** The communes that keep their register in danvan: a board in office during the year, or a disclosure of the year. */
    private java.util.Set<Long> unitsWithRecords(Long[] ids, int year) {
        return new java.util.HashSet<>(jdbc.sql("""
                        select unit_id from democracy_disclosure where unit_id = any(:units) and period_key like :year || '%'
                        union
                        select unit_id from democracy_board
                        where unit_id = any(:units)
                          and kind = 'PEOPLES_INSPECTION'
                          and extract(year from term_from) <= :y and extract(year from term_to) >= :y""")
                .param("units", ids).param("year", String.valueOf(year)).param("y", year).query(Long.class).list());
    }
}
