package vn.danvan.dialogue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.dialogue.DialogueViews.CommitmentView;
import vn.danvan.dialogue.DialogueViews.DialogueDetail;
import vn.danvan.dialogue.DialogueViews.DialogueRow;
import vn.danvan.dialogue.DialogueViews.Figures;
import vn.danvan.dialogue.DialogueViews.Official;
import vn.danvan.dialogue.DialogueViews.OpinionView;
import vn.danvan.dialogue.DialogueViews.Participant;
import vn.danvan.dialogue.DialogueViews.UnitRef;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.person.People;
import vn.danvan.plan.OriginTasks;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.PageResult;
import vn.danvan.shared.VietnameseText;

/**
 * Reading dialogues for the officers: lists within the user's scope (accent-insensitive search, a unit's
 * subtree with the units that passed into it in 2025, a period) and a dialogue's page with its opinions,
 * answers and commitments (the tasks' status read from module plan). Outside scope: not found.
 */
@Service
@Transactional(readOnly = true)
public class DialogueQueries {

    /** Optional filters: words of the title, place, summary or topics; a unit's subtree; a period (inclusive). */
    public record Filter(String q, Long unitId, LocalDate from, LocalDate to) {
    }

    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final OrgUnits units;
    private final People people;
    private final OriginTasks originTasks;
    private final Clock clock;

    DialogueQueries(JdbcClient jdbc, OrgScope scope, OrgUnits units, People people, OriginTasks originTasks, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.scope = scope;
        this.units = units;
        this.people = people;
        this.originTasks = originTasks;
    }

    /** Dialogues the user may read, newest first, paged with the total. */
    public PageResult<DialogueRow> search(Filter filter, int page, int size, CurrentUser user) {
        var readable = scope.readableUnitIds(user);
        List<Long> subtree = null;
        if (filter.unitId() != null) {
            scope.requireRead(user, filter.unitId(), "unit", filter.unitId());
            subtree = units.idsWithin(units.scopePaths(filter.unitId()));
        }
        return page(filter.q(), readable, subtree, filter.from(), filter.to(), page, size);
    }

    /** As {@link #search} without a user: for the public page, which shows no personal detail. */
    PageResult<DialogueRow> page(String q, Collection<Long> readable, Collection<Long> subtree, LocalDate from, LocalDate to, int page,
                                 int size) {
        var where = """
                from dialogue d
                where (cast(:readable as bigint[]) is null or d.unit_id = any(:readable))
                  and (cast(:subtree as bigint[]) is null or d.unit_id = any(:subtree))
                  and (cast(:from as date) is null or d.held_on >= :from)
                  and (cast(:to as date) is null or d.held_on <= :to)
                  and (cast(:q as text) is null or d.search_text like '%' || :q || '%')
                """;
        var key = q == null || q.isBlank() ? null : VietnameseText.searchKey(q.strip());
        var r = readable == null ? null : readable.toArray(Long[]::new);
        var s = subtree == null ? null : subtree.toArray(Long[]::new);
        var total = jdbc.sql("select count(*) " + where).param("readable", r).param("subtree", s).param("from", from).param("to", to)
                .param("q", key).query(Long.class).single();
        record Head(long id, String title, LocalDate heldOn, String place, long unitId, Integer raisedCount, Integer answeredCount) {
        }
        var heads = jdbc.sql("select d.id, d.title, d.held_on as \"heldOn\", d.place, d.unit_id as \"unitId\", "
                        + "d.raised_count as \"raisedCount\", d.answered_count as \"answeredCount\" " + where
                        + " order by d.held_on desc, d.id desc limit :limit offset :offset")
                .param("readable", r).param("subtree", s).param("from", from).param("to", to).param("q", key)
                .param("limit", size).param("offset", (long) page * size).query(Head.class).list();
        var figures = figures(heads.stream().map(Head::id).toList());
        var names = units.findAll(heads.stream().map(Head::unitId).collect(java.util.stream.Collectors.toSet()), LocalDate.now(clock));
        var rows = heads.stream().map(h -> new DialogueRow(h.id(), h.title(), h.heldOn(), h.place(),
                names.containsKey(h.unitId()) ? new UnitRef(h.unitId(), names.get(h.unitId()).code(), names.get(h.unitId()).name())
                        : new UnitRef(h.unitId(), null, null),
                figures.getOrDefault(h.id(), Figures.ZERO))).toList();
        return new PageResult<>(rows, total, page, size);
    }

    /**
     * The commitments (tasks of origin DIALOGUE) whose responsible unit lies in the subtree of {@code unitId}, or all the
     * user may read when null; optionally of one effective status; by deadline, paged with the total.
     *
     * @throws NotFoundException when the user may not read {@code unitId}
     */
    public PageResult<DialogueViews.CommitmentRow> commitments(Long unitId, vn.danvan.plan.TaskStatus status, int page, int size,
                                                               CurrentUser user) {
        var tasks = originTasks.ofKind(Commitments.ORIGIN, unitId, status, page, size, user);
        record Held(long id, String title, LocalDate heldOn) {
        }
        var dialogues = new HashMap<Long, Held>();
        var ids = tasks.content().stream().map(OriginTasks.Assigned::originId).distinct().toArray(Long[]::new);
        if (ids.length > 0) {
            jdbc.sql("select id, title, held_on from dialogue where id = any(:ids)").param("ids", ids).query(Held.class).list()
                    .forEach(h -> dialogues.put(h.id(), h));
        }
        var names = units.findAll(tasks.content().stream().map(a -> a.task().responsibleUnitId()).distinct().toList(), LocalDate.now(clock));
        return tasks.map(a -> {
            var t = a.task();
            var h = dialogues.get(a.originId());
            var u = names.get(t.responsibleUnitId());
            return new DialogueViews.CommitmentRow(t.taskId(), t.title(), t.status(), t.dueOn(), t.progressPercent(),
                    new UnitRef(t.responsibleUnitId(), u == null ? null : u.code(), t.responsibleUnitName()), a.originId(),
                    h == null ? null : h.title(), h == null ? null : h.heldOn(), a.version());
        });
    }

    /** @throws NotFoundException when there is no such dialogue or it is outside the user's scope */
    public DialogueDetail detail(long id, CurrentUser user) {
        record Head(long id, long meetingId, String title, LocalDate heldOn, String place, long unitId, Long chairPersonId,
                    Integer raisedCount, Integer answeredCount, String summary, int version) {
        }
        var h = jdbc.sql("""
                        select id, meeting_id, title, held_on, place, unit_id, chair_person_id, raised_count, answered_count, summary, version
                        from dialogue where id = :id""")
                .param("id", id).query(Head.class).optional().orElseThrow(() -> new NotFoundException("dialogue", id));
        scope.requireRead(user, h.unitId(), "dialogue", id);
        var unit = units.find(h.unitId(), h.heldOn()).or(() -> units.find(h.unitId(), LocalDate.now(clock)))
                .orElseThrow(() -> new NotFoundException("unit", h.unitId()));
        var opinions = opinions(id, h.heldOn(), true);
        return new DialogueDetail(h.id(), h.meetingId(), h.title(), h.heldOn(), h.place(), new UnitRef(unit.id(), unit.code(), unit.name()),
                h.chairPersonId() == null ? null : official(h.chairPersonId(), h.heldOn()), participants(id), h.raisedCount(),
                h.answeredCount(), h.summary(), opinions, figuresOf(h.raisedCount(), h.answeredCount(), opinions), h.version(),
                scope.canWrite(user, h.unitId()));
    }

    // ---- parts shared with the public page --------------------------------------------------------

    private record OpinionRow(long id, long dialogueId, int ordinal, String speakerKind, String speakerName, String speakerContact,
                              String topic, String field, String place, String answer, Long answeredByPersonId, Long taskId,
                              LocalDate acceptedOn, Long petitionId) {
    }

    // columns named as the record's components: JdbcClient's record mapping looks a component up by its own name first and
    // pays a thrown SQLException for every row and every snake_case column before it tries the underscored name
    private static final String OPINION_COLUMNS = """
            select id, dialogue_id as "dialogueId", ordinal, speaker_kind as "speakerKind", speaker_name as "speakerName",
                   speaker_contact as "speakerContact", topic, field, place, answer, answered_by_person_id as "answeredByPersonId",
                   task_id as "taskId", accepted_on as "acceptedOn", petition_id as "petitionId"
            from dialogue_opinion""";

    /** The opinions of a dialogue in order; without the speaker's name and contact unless {@code withSpeaker}. */
    List<OpinionView> opinions(long dialogueId, LocalDate heldOn, boolean withSpeaker) {
        var rows = jdbc.sql(OPINION_COLUMNS + " where dialogue_id = :d order by ordinal")
                .param("d", dialogueId).query(OpinionRow.class).list();
        return views(rows, originTasks.byOrigins(Commitments.ORIGIN, List.of(dialogueId)).getOrDefault(dialogueId, List.of()), heldOn,
                withSpeaker);
    }

    /**
     * The opinions of many dialogues without the speakers (as {@link #opinions} with {@code withSpeaker} false), read in one
     * statement, with the commitments among {@code tasks} (the tasks of origin DIALOGUE of these dialogues, as
     * OriginTasks.byOrigins gives them): for the public page, which would otherwise read them dialogue by dialogue.
     */
    Map<Long, List<OpinionView>> publicOpinions(Map<Long, LocalDate> heldOn, Map<Long, List<OriginTasks.Assigned>> tasks) {
        if (heldOn.isEmpty()) {
            return Map.of();
        }
        var byDialogue = new HashMap<Long, List<OpinionRow>>();
        jdbc.sql(OPINION_COLUMNS + " where dialogue_id = any(:ids) order by dialogue_id, ordinal")
                .param("ids", heldOn.keySet().toArray(Long[]::new)).query(OpinionRow.class).list()
                .forEach(r -> byDialogue.computeIfAbsent(r.dialogueId(), k -> new ArrayList<>()).add(r));
        var out = new HashMap<Long, List<OpinionView>>();
        heldOn.forEach((id, day) -> out.put(id, views(byDialogue.getOrDefault(id, List.of()), tasks.getOrDefault(id, List.of()), day, false)));
        return out;
    }

    private List<OpinionView> views(List<OpinionRow> rows, List<OriginTasks.Assigned> assigned, LocalDate heldOn, boolean withSpeaker) {
        var tasks = new HashMap<Long, OriginTasks.Assigned>();
        assigned.forEach(a -> tasks.put(a.task().taskId(), a));
        var ids = rows.stream().map(OpinionRow::answeredByPersonId).filter(java.util.Objects::nonNull).distinct().toList();
        var answerers = people.titlesOn(ids, heldOn);
        var views = new ArrayList<OpinionView>();
        for (var r : rows) {
            var a = r.taskId() == null ? null : tasks.get(r.taskId());
            var t = r.answeredByPersonId() == null ? null : answerers.get(r.answeredByPersonId());
            views.add(new OpinionView(r.id(), r.ordinal(), SpeakerKind.valueOf(r.speakerKind()), withSpeaker ? r.speakerName() : null,
                    withSpeaker ? r.speakerContact() : null, r.topic(), OpinionField.valueOf(r.field()), withSpeaker ? r.place() : null,
                    r.answer(), t == null ? null : new Official(t.personId(), t.name(), t.title()),
                    a == null ? null : commitment(a, r.acceptedOn()), withSpeaker ? r.petitionId() : null));
        }
        return views;
    }

    static CommitmentView commitment(OriginTasks.Assigned a, LocalDate acceptedOn) {
        var t = a.task();
        return new CommitmentView(t.taskId(), t.title(), t.responsibleUnitName(), t.dueOn(), t.status(), t.progressPercent(),
                t.lastUpdateOn(), t.lastUpdateText(), a.version(), acceptedOn);
    }

    Official official(long personId, LocalDate day) {
        return people.titleOn(personId, day).map(t -> new Official(t.personId(), t.name(), t.title())).orElse(null);
    }

    List<Participant> participants(long dialogueId) {
        return jdbc.sql("select audience, count from dialogue_participant where dialogue_id = :d")
                .param("d", dialogueId)
                .query((rs, n) -> new Participant(Audience.valueOf(rs.getString(1)), rs.getInt(2))).list().stream()
                .sorted(java.util.Comparator.comparing(Participant::audience)).toList();
    }

    /** The figures of many dialogues at once: the numbers entered, else the opinions recorded; tasks from module plan. */
    Map<Long, Figures> figures(List<Long> dialogueIds) {
        if (dialogueIds.isEmpty()) {
            return Map.of();
        }
        var counts = counts(dialogueIds);
        return figuresOf(counts, originTasks.byOrigins(Commitments.ORIGIN, dialogueIds));
    }

    /** As {@link #figures(List)}, with the dialogues' tasks of origin DIALOGUE already read (OriginTasks.byOrigins). */
    Map<Long, Figures> figures(List<Long> dialogueIds, Map<Long, List<OriginTasks.Assigned>> tasks) {
        return dialogueIds.isEmpty() ? Map.of() : figuresOf(counts(dialogueIds), tasks);
    }

    private record Counts(long id, Integer raisedCount, Integer answeredCount, long opinions, long answered) {
    }

    private List<Counts> counts(List<Long> dialogueIds) {
        return jdbc.sql("""
                        select d.id, d.raised_count as "raisedCount", d.answered_count as "answeredCount",
                               (select count(*) from dialogue_opinion o where o.dialogue_id = d.id) as opinions,
                               (select count(*) from dialogue_opinion o where o.dialogue_id = d.id and o.answer is not null) as answered
                        from dialogue d where d.id = any(:ids)""")
                .param("ids", dialogueIds.toArray(Long[]::new)).query(Counts.class).list();
    }

    private static Map<Long, Figures> figuresOf(List<Counts> counts, Map<Long, List<OriginTasks.Assigned>> tasks) {
        var result = new HashMap<Long, Figures>();
        for (var c : counts) {
            var live = tasks.getOrDefault(c.id(), List.of()).stream().filter(a -> !"CANCELLED".equals(a.task().status())).toList();
            long resolved = live.stream().filter(a -> "DONE".equals(a.task().status())).count();
            result.put(c.id(), new Figures(c.raisedCount() != null ? c.raisedCount() : c.opinions(),
                    c.answeredCount() != null ? c.answeredCount() : c.answered(), live.size(), resolved));
        }
        return result;
    }

    static Figures figuresOf(Integer raisedCount, Integer answeredCount, List<OpinionView> opinions) {
        var live = opinions.stream().filter(o -> o.commitment() != null && !"CANCELLED".equals(o.commitment().status())).toList();
        return new Figures(raisedCount != null ? raisedCount : opinions.size(),
                answeredCount != null ? answeredCount : opinions.stream().filter(o -> o.answer() != null).count(),
                live.size(), live.stream().filter(o -> o.commitment().done()).count());
    }

    /** Ids of every unit in the subtree of {@code unitId} and of the units that passed into it. */
    List<Long> subtree(long unitId) {
        return units.idsWithin(units.scopePaths(unitId));
    }
}
