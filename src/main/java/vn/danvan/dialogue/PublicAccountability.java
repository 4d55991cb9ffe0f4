package vn.danvan.dialogue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.dialogue.DialogueViews.Figures;
import vn.danvan.dialogue.DialogueViews.Official;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.orgunit.UnitCategory;
import vn.danvan.orgunit.UnitLevel;
import vn.danvan.orgunit.UnitQuery;
import vn.danvan.plan.OriginTasks;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.PageResult;
import vn.danvan.shared.VietnameseText;

/**
 * What the public accountability page of a province or commune shows, without login: the dialogues held
 * in its subtree (with the units that passed into it in 2025), the opinions' topics, the answers given on
 * the spot and the commitments with their deadlines and status. Every personal detail of citizens is left
 * out by construction: the records below carry no speaker, contact or place of an opinion, no follow-up
 * text; the only persons named are officials acting in office (the chair, the answering official), with
 * the title they held that day.
 */
@Service
@Transactional(readOnly = true)
public class PublicAccountability {

    static final int PAGE_SIZE = 10;
    /** Commitments per page of the list (overdue first): a commune keeps about 35 a year, a province thousands. */
    static final int COMMITMENTS_SHOWN = 50;

    public record Area(String code, String name, UnitLevel level) {
    }

    public record PublicCommitment(String title, String unitName, LocalDate dueOn, String status, long dialogueId, String dialogueTitle,
                                   LocalDate dialogueHeldOn) {
    }

    public record PublicOpinion(int ordinal, OpinionField field, String topic, String answer, Official answeredBy,
                                PublicCommitment commitment) {
    }

    public record PublicDialogue(long id, String title, LocalDate heldOn, String place, String unitName, Official chair, Figures figures,
                                 List<PublicOpinion> opinions) {
    }

    /** How many commitments stand where: done, in progress (not yet due), overdue. */
    public record Tally(long total, long done, long inProgress, long overdue) {
    }

    /**
     * @param commitments the page {@code commitmentPage} of the commitments matching the filters ({@code commitmentsMatching}),
     *                    {@link #COMMITMENTS_SHOWN} at most, overdue first, then by deadline
     */
    public record Page(Area area, Area province, String q, String status, Figures figures, Tally tally,
                       List<PublicCommitment> commitments, int commitmentPage, long commitmentsMatching,
                       PageResult<PublicDialogue> dialogues) {

        public int commitmentPages() {
            return (int) Math.max(1, (commitmentsMatching + COMMITMENTS_SHOWN - 1) / COMMITMENTS_SHOWN);
        }

        /** The 1-based number of the first commitment shown (0 when none). */
        public long firstCommitment() {
            return commitments.isEmpty() ? 0 : (long) commitmentPage * COMMITMENTS_SHOWN + 1;
        }

        public long lastCommitment() {
            return (long) commitmentPage * COMMITMENTS_SHOWN + commitments.size();
        }
    }

    private final JdbcClient jdbc;
    private final DialogueQueries queries;
    private final OriginTasks originTasks;
    private final OrgUnits units;
    private final Clock clock;

    PublicAccountability(JdbcClient jdbc, DialogueQueries queries, OriginTasks originTasks, OrgUnits units, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.originTasks = originTasks;
        this.units = units;
        this.clock = clock;
    }

    /** The provinces and cities valid today, in Vietnamese order. */
    public List<Area> provinces() {
        return units.list(new UnitQuery(UnitLevel.PROVINCE, null, UnitCategory.AREA, LocalDate.now(clock), null, null), 0, 200)
                .content().stream().map(PublicAccountability::area).toList();
    }

    /** The communes and wards of a province valid today whose name matches {@code q} (accents ignored). */
    public List<Area> communes(String provinceCode, String q) {
        var province = area(provinceCode).filter(u -> u.level() == UnitLevel.PROVINCE)
                .orElseThrow(() -> new NotFoundException("unit", provinceCode));
        return units.list(new UnitQuery(UnitLevel.COMMUNE, null, UnitCategory.AREA, LocalDate.now(clock), blankToNull(q), province.id()), 0, 500)
                .content().stream().map(PublicAccountability::area).toList();
    }

    /** Provinces and communes valid today whose name matches {@code q} (accents ignored), best first. */
    public List<Area> search(String q) {
        return units.search(q, LocalDate.now(clock), 60).stream()
                .filter(u -> u.category() == UnitCategory.AREA && (u.level() == UnitLevel.PROVINCE || u.level() == UnitLevel.COMMUNE))
                .limit(20).map(PublicAccountability::area).toList();
    }

    public Optional<Area> find(String code) {
        return area(code).map(PublicAccountability::area);
    }

    /**
     * The page of a province or commune: its figures, its commitments (optionally of one status: DONE,
     * IN_PROGRESS — open and not yet due — or OVERDUE) and its dialogues, newest first; {@code q} matches
     * the dialogues' titles, places and topics and the commitments' titles.
     *
     * @throws NotFoundException when the code names no province or commune valid today
     */
    public Page page(String code, String q, String status, int page) {
        return page(code, q, status, page, 0);
    }

    /** As {@link #page(String, String, String, int)}, with the page {@code commitmentPage} (from 0) of the commitments. */
    public Page page(String code, String q, String status, int page, int commitmentPage) {
        var unit = area(code).orElseThrow(() -> new NotFoundException("unit", code));
        var subtree = queries.subtree(unit.id());
        var key = q == null || q.isBlank() ? null : VietnameseText.searchKey(q.strip());
        var dialogues = queries.page(key == null ? null : q, null, subtree, null, null, Math.max(0, page), PAGE_SIZE);

        record Held(long id, String title, LocalDate heldOn, Long chairPersonId) {
        }
        var all = jdbc.sql("""
                        select id, title, held_on as "heldOn", chair_person_id as "chairPersonId"
                        from dialogue where unit_id = any(:units) order by held_on desc, id desc""")
                .param("units", subtree.toArray(Long[]::new)).query(Held.class).list();
        var byId = new HashMap<Long, Held>();
        all.forEach(h -> byId.put(h.id(), h));
        // the commitments of every dialogue, read once: for the figures, the list of commitments and the page's opinions
        var tasks = originTasks.byOrigins(Commitments.ORIGIN, byId.keySet());
        var figures = queries.figures(all.stream().map(Held::id).toList(), tasks).values().stream().reduce(Figures.ZERO, Figures::plus);
        var heldOn = new HashMap<Long, LocalDate>();
        dialogues.content().forEach(d -> heldOn.put(d.id(), d.heldOn()));
        var opinions = queries.publicOpinions(heldOn, tasks);
        var publicDialogues = dialogues.map(row -> publicDialogue(row, byId.containsKey(row.id()) ? byId.get(row.id()).chairPersonId() : null,
                opinions.getOrDefault(row.id(), List.of())));
        var commitments = new ArrayList<PublicCommitment>();
        tasks.forEach((dialogueId, list) -> list.stream()
                .filter(a -> !"CANCELLED".equals(a.task().status()))
                .forEach(a -> {
                    var h = byId.get(dialogueId);
                    commitments.add(new PublicCommitment(a.task().title(), a.task().responsibleUnitName(), a.task().dueOn(),
                            publicStatus(a.task().status()), dialogueId, h.title(), h.heldOn()));
                }));
        var tally = new Tally(commitments.size(), commitments.stream().filter(c -> c.status().equals("DONE")).count(),
                commitments.stream().filter(c -> c.status().equals("IN_PROGRESS")).count(),
                commitments.stream().filter(c -> c.status().equals("OVERDUE")).count());
        var matching = commitments.stream()
                .filter(c -> status == null || c.status().equals(status))
                .filter(c -> key == null || VietnameseText.searchKey(c.title() + " " + c.dialogueTitle()).contains(key))
                .sorted(Comparator.comparing((PublicCommitment c) -> !c.status().equals("OVERDUE"))
                        .thenComparing(PublicCommitment::dueOn, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        var lastPage = Math.max(0, (matching.size() - 1) / COMMITMENTS_SHOWN);
        var cp = Math.min(Math.max(0, commitmentPage), lastPage);
        var shown = matching.subList(Math.min(matching.size(), cp * COMMITMENTS_SHOWN),
                Math.min(matching.size(), (cp + 1) * COMMITMENTS_SHOWN));
        var province = unit.level() == UnitLevel.PROVINCE ? null
                : units.ancestors(unit.id(), LocalDate.now(clock)).stream()
                .filter(u -> u.level() == UnitLevel.PROVINCE && u.category() == UnitCategory.AREA).findFirst()
                .map(PublicAccountability::area).orElse(null);
        return new Page(area(unit), province, q, status, figures, tally, List.copyOf(shown), cp, matching.size(), publicDialogues);
    }

    /** Status as the public reads it: NOT_STARTED counts as in progress (the unit has it in hand). */
    static String publicStatus(String status) {
        return switch (status) {
            case "DONE" -> "DONE";
            case "OVERDUE" -> "OVERDUE";
            default -> "IN_PROGRESS";
        };
    }

    private PublicDialogue publicDialogue(DialogueViews.DialogueRow row, Long chairId, List<DialogueViews.OpinionView> opinionViews) {
        var chair = chairId != null ? queries.official(chairId, row.heldOn()) : null;
        var opinions = opinionViews.stream()
                .map(o -> new PublicOpinion(o.ordinal(), o.field(), o.topic(), o.answer(), o.answeredBy(),
                        o.commitment() == null || "CANCELLED".equals(o.commitment().status()) ? null
                                : new PublicCommitment(o.commitment().title(), o.commitment().unitName(), o.commitment().dueOn(),
                                publicStatus(o.commitment().status()), row.id(), row.title(), row.heldOn())))
                .toList();
        return new PublicDialogue(row.id(), row.title(), row.heldOn(), row.place(), row.unit().name(), chair, row.figures(), opinions);
    }

    private Optional<OrgUnit> area(String code) {
        if (code == null || !code.matches("[0-9A-Za-z.]{1,20}")) {
            return Optional.empty();
        }
        return units.findByCode(code, LocalDate.now(clock))
                .filter(u -> u.category() == UnitCategory.AREA && (u.level() == UnitLevel.PROVINCE || u.level() == UnitLevel.COMMUNE));
    }

    private static Area area(OrgUnit u) {
        return new Area(u.code(), u.name(), u.level());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
