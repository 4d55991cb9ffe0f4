package vn.danvan.democracy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.calendar.WorkingCalendar;
import vn.danvan.democracy.BoardRules.ActivityKind;
import vn.danvan.democracy.BoardRules.BoardKind;
import vn.danvan.democracy.DemocracyViews.Saved;
import vn.danvan.identity.CurrentUser;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.NotFoundException;

/**
 * The inspections and supervisions a People's Inspection Board plans and holds, their findings, the
 * recommendations it makes and the answers received. A plan sent to the Front, the commune chair or the
 * subjects fewer than five working days before the start is saved with a warning naming the field and
 * the shortfall (the working-day calendar counts holidays and make-up days).
 * <p>A recommendation goes to a body that is not under the board (the commune People's Committee, a
 * village head): the board recommends, it does not assign, so a recommendation is closed by the answer
 * received, not as a task of module plan.
 */
@Service
@Transactional
class BoardActivities {

    record ActivityInput(ActivityKind kind, String title, String subjects, LocalDate startsOn, LocalDate sentFrontOn,
                         LocalDate sentChairOn, LocalDate sentSubjectsOn, String findings) {
    }

    record RecommendationInput(String content, String addressee, LocalDate madeOn, LocalDate dueOn) {
    }

    record AnswerInput(LocalDate answeredOn, String answeredBy, String answeredByTitle, String answer) {
    }

    private final JdbcClient jdbc;
    private final Boards boards;
    private final WorkingCalendar calendar;
    private final AuditTrail audit;

    BoardActivities(JdbcClient jdbc, Boards boards, WorkingCalendar calendar, AuditTrail audit) {
        this.jdbc = jdbc;
        this.boards = boards;
        this.calendar = calendar;
        this.audit = audit;
    }

    /** Plans an inspection or supervision; late notices are warned, not refused. */
    public Saved plan(long boardId, ActivityInput input, CurrentUser user) {
        var board = boards.loadForWrite(boardId, user);
        if (board.kind() != BoardKind.PEOPLES_INSPECTION) {
            throw new InvalidInputException("kind", "democracy.activity.inspection-board-only");
        }
        var warnings = check(input);
        var id = jdbc.sql("""
                        insert into democracy_activity (board_id, kind, title, subjects, starts_on, sent_front_on, sent_chair_on,
                                                        sent_subjects_on, notice_shortfall, findings, created_by)
                        values (:board, :kind, :title, :subjects, :starts, :front, :chair, :subjectsOn, :shortfall, :findings, :by)
                        returning id""")
                .param("board", boardId).params(columns(input, shortfall(input))).param("by", user.username())
                .query(Long.class).single();
        audit.record("democracy.activity-planned", "democracy_activity", id, board.unitId(), null,
                AuditTrail.fields("board", boardId, "kind", input.kind(), "title", input.title(), "startsOn", input.startsOn(),
                        "noticeShortfall", shortfall(input)));
        return new Saved(id, warnings);
    }

    /**
     * Changes an activity (its dates, findings…); {@code version} is the one the user read.
     *
     * @throws ConflictException when someone saved it meanwhile
     */
    public Saved update(long activityId, ActivityInput input, int version, CurrentUser user) {
        var a = activity(activityId, user);
        var warnings = check(input);
        int updated = jdbc.sql("""
                        update democracy_activity
                        set kind = :kind, title = :title, subjects = :subjects, starts_on = :starts, sent_front_on = :front,
                            sent_chair_on = :chair, sent_subjects_on = :subjectsOn, notice_shortfall = :shortfall, findings = :findings,
                            version = version + 1, updated_at = now()
                        where id = :id and version = :version""")
                .params(columns(input, shortfall(input))).param("id", activityId).param("version", version).update();
        if (updated == 0) {
            throw new ConflictException("democracy_activity", activityId);
        }
        audit.record("democracy.activity-updated", "democracy_activity", activityId, a.unitId(),
                AuditTrail.fields("title", a.title(), "findings", a.findings()),
                AuditTrail.fields("title", input.title(), "findings", input.findings()));
        return new Saved(activityId, warnings);
    }

    /** Records a recommendation the board made after an activity. */
    public long recommend(long activityId, RecommendationInput input, CurrentUser user) {
        var a = activity(activityId, user);
        var problems = new ArrayList<Problem>();
        Boards.requireText(problems, "content", input.content());
        Boards.requireText(problems, "addressee", input.addressee());
        if (input.madeOn() == null) {
            problems.add(new Problem("madeOn", "validation.required"));
        } else if (input.dueOn() != null && input.dueOn().isBefore(input.madeOn())) {
            problems.add(new Problem("dueOn", "democracy.recommendation.due-before"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var id = jdbc.sql("""
                        insert into democracy_recommendation (activity_id, unit_id, content, addressee, made_on, due_on, created_by)
                        values (:activity, :unit, :content, :addressee, :made, :due, :by) returning id""")
                .param("activity", activityId).param("unit", a.unitId()).param("content", input.content().strip()).param("addressee", input.addressee().strip())
                .param("made", input.madeOn()).param("due", input.dueOn()).param("by", user.username()).query(Long.class).single();
        audit.record("democracy.recommendation-made", "democracy_recommendation", id, a.unitId(), null,
                AuditTrail.fields("activity", activityId, "addressee", input.addressee(), "dueOn", input.dueOn()));
        return id;
    }

    /**
     * Records the answer received to a recommendation (who answered, when, what); {@code version} is the
     * one the user read, so two officers cannot overwrite each other.
     *
     * @throws ConflictException when someone saved it meanwhile
     */
    public void answer(long recommendationId, AnswerInput input, int version, CurrentUser user) {
        record Rec(long activityId, LocalDate madeOn, LocalDate answeredOn, String answer) {
        }
        var rec = jdbc.sql("select activity_id, made_on, answered_on, answer from democracy_recommendation where id = :id")
                .param("id", recommendationId).query(Rec.class).optional()
                .orElseThrow(() -> new NotFoundException("democracy_recommendation", recommendationId));
        var a = activity(rec.activityId(), user);
        var problems = new ArrayList<Problem>();
        if (input.answeredOn() == null) {
            problems.add(new Problem("answeredOn", "validation.required"));
        } else if (input.answeredOn().isBefore(rec.madeOn())) {
            problems.add(new Problem("answeredOn", "democracy.answer.before-recommendation"));
        }
        Boards.requireText(problems, "answeredBy", input.answeredBy());
        Boards.requireText(problems, "answer", input.answer());
        if (input.answeredByTitle() != null && input.answeredByTitle().length() > Boards.MAX_TEXT) {
            problems.add(new Problem("answeredByTitle", "validation.too-long", Boards.MAX_TEXT));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int updated = jdbc.sql("""
                        update democracy_recommendation
                        set answered_on = :on, answered_by = :by, answered_by_title = :title, answer = :answer,
                            version = version + 1, updated_at = now()
                        where id = :id and version = :version""")
                .param("on", input.answeredOn()).param("by", input.answeredBy().strip())
                .param("title", Boards.blankToNull(input.answeredByTitle())).param("answer", input.answer().strip())
                .param("id", recommendationId).param("version", version).update();
        if (updated == 0) {
            throw new ConflictException("democracy_recommendation", recommendationId);
        }
        audit.record("democracy.recommendation-answered", "democracy_recommendation", recommendationId, a.unitId(),
                AuditTrail.fields("answeredOn", rec.answeredOn(), "answer", rec.answer()),
                AuditTrail.fields("answeredOn", input.answeredOn(), "answeredBy", input.answeredBy(), "answer", input.answer()));
    }

    private record ActivityHead(long id, long boardId, long unitId, String title, String findings) {
    }

    private ActivityHead activity(long activityId, CurrentUser user) {
        var a = jdbc.sql("""
                        select a.id, a.board_id, b.unit_id, a.title, a.findings
                        from democracy_activity a join democracy_board b on b.id = a.board_id
                        where a.id = :id""")
                .param("id", activityId).query(ActivityHead.class).optional()
                .orElseThrow(() -> new NotFoundException("democracy_activity", activityId));
        boards.loadForWrite(a.boardId(), user);
        return a;
    }

    /** Refuses what cannot be saved; returns a warning per notice sent late. */
    private List<Problem> check(ActivityInput input) {
        var problems = new ArrayList<Problem>();
        if (input.kind() == null) {
            problems.add(new Problem("kind", "validation.required"));
        }
        Boards.requireText(problems, "activityTitle", input.title());
        Boards.requireText(problems, "subjects", input.subjects());
        if (input.startsOn() == null) {
            problems.add(new Problem("startsOn", "validation.required"));
        }
        if (input.findings() != null && input.findings().length() > 20_000) {
            problems.add(new Problem("findings", "validation.too-long", 20_000));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var warnings = new ArrayList<Problem>();
        late("sentFrontOn", input.sentFrontOn(), input.startsOn(), warnings);
        late("sentChairOn", input.sentChairOn(), input.startsOn(), warnings);
        late("sentSubjectsOn", input.sentSubjectsOn(), input.startsOn(), warnings);
        return warnings;
    }

    private void late(String field, LocalDate sentOn, LocalDate startsOn, List<Problem> warnings) {
        if (sentOn == null) {
            return;
        }
        int shortfall = BoardRules.noticeShortfall(sentOn, startsOn, calendar::isWorkingDay);
        if (shortfall > 0) {
            warnings.add(new Problem(field, "democracy.activity.notice-late", shortfall, BoardRules.NOTICE_WORKING_DAYS));
        }
    }

    /** The largest shortfall of the notices sent (0 when none is late or none is sent yet). */
    private int shortfall(ActivityInput input) {
        int worst = 0;
        for (var sent : new LocalDate[] {input.sentFrontOn(), input.sentChairOn(), input.sentSubjectsOn()}) {
            if (sent != null) {
                worst = Math.max(worst, BoardRules.noticeShortfall(sent, input.startsOn(), calendar::isWorkingDay));
            }
        }
        return worst;
    }

    private static java.util.Map<String, Object> columns(ActivityInput input, int shortfall) {
        var map = new java.util.HashMap<String, Object>();
        map.put("kind", input.kind().name());
        map.put("title", input.title().strip());
        map.put("subjects", input.subjects().strip());
        map.put("starts", input.startsOn());
        map.put("front", input.sentFrontOn());
        map.put("chair", input.sentChairOn());
        map.put("subjectsOn", input.sentSubjectsOn());
        map.put("shortfall", shortfall);
        map.put("findings", Boards.blankToNull(input.findings()));
        return map;
    }
}
