package vn.danvan.democracy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.democracy.BoardRules.BoardKind;
import vn.danvan.democracy.BoardRules.MemberRole;
import vn.danvan.democracy.DemocracyViews.Saved;
import vn.danvan.identity.CurrentUser;
import vn.danvan.meeting.MeetingQueries;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.NotFoundException;

/**
 * Electing and changing a commune's boards (Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng
 * đồng) and recording the People's Inspection Board's activity plans. Every write needs a writing role
 * covering the commune (outside it: not found), is checked whole before anything is saved, and is
 * audited in the same transaction.
 */
@Service
@Transactional
class Boards {

    static final int MAX_TEXT = 2_000;

    /** A board as entered; blank member rows are left out by the caller. */
    record BoardInput(BoardKind kind, Long unitId, String projectName, String investor, Integer villageCount, LocalDate termFrom,
                      LocalDate termTo, Long electedCommunityMeetingId, Long electedConferenceId, String findings,
                      List<MemberInput> members) {
    }

    record MemberInput(String fullName, MemberRole role, String village, String phone, String address) {
    }

    private final JdbcClient jdbc;
    private final Communes communes;
    private final MeetingQueries conferences;
    private final AuditTrail audit;

    Boards(JdbcClient jdbc, Communes communes, MeetingQueries conferences, AuditTrail audit) {
        this.jdbc = jdbc;
        this.communes = communes;
        this.conferences = conferences;
        this.audit = audit;
    }

    /**
     * Records a board elected for a commune.
     *
     * @throws InvalidInputException naming each field in error: fewer than five members of a People's
     *                               Inspection Board, more than five representatives on a supervision board…
     */
    public Saved create(BoardInput input, CurrentUser user) {
        input = withMembers(input);
        var unit = communes.forWrite(input.unitId(), "unitId", user);
        var warnings = check(input, unit.id(), user);
        var id = jdbc.sql("""
                        insert into democracy_board (unit_id, kind, project_name, investor, village_count, term_from, term_to,
                                                     elected_community_meeting_id, elected_conference_id, findings, created_by)
                        values (:unit, :kind, :project, :investor, :villages, :from, :to, :community, :conference, :findings, :by)
                        returning id""")
                .param("unit", unit.id()).param("kind", input.kind().name()).params(columns(input)).param("by", user.username())
                .query(Long.class).single();
        saveMembers(id, input.members());
        audit.record("democracy.board-created", "democracy_board", id, unit.id(), null, auditFields(input));
        return new Saved(id, warnings);
    }

    /**
     * Changes a board; {@code version} is the one the user read.
     *
     * @throws ConflictException when someone saved the board meanwhile
     */
    public Saved update(long boardId, BoardInput input, int version, CurrentUser user) {
        input = withMembers(input);
        var before = loadForWrite(boardId, user);
        var in = new BoardInput(before.kind(), before.unitId(), input.projectName(), input.investor(), input.villageCount(),
                input.termFrom(), input.termTo(), input.electedCommunityMeetingId(), input.electedConferenceId(), input.findings(),
                input.members());
        var warnings = check(in, before.unitId(), user);
        int updated = jdbc.sql("""
                        update democracy_board
                        set project_name = :project, investor = :investor, village_count = :villages, term_from = :from, term_to = :to,
                            elected_community_meeting_id = :community, elected_conference_id = :conference, findings = :findings,
                            version = version + 1, updated_at = now()
                        where id = :id and version = :version""")
                .params(columns(in)).param("id", boardId).param("version", version).update();
        if (updated == 0) {
            throw new ConflictException("democracy_board", boardId);
        }
        jdbc.sql("delete from democracy_board_member where board_id = :id").param("id", boardId).update();
        saveMembers(boardId, in.members());
        audit.record("democracy.board-updated", "democracy_board", boardId, before.unitId(),
                AuditTrail.fields("termFrom", before.termFrom(), "termTo", before.termTo(), "members", before.members()), auditFields(in));
        return new Saved(boardId, warnings);
    }

    /** Adds a quarterly, six-month or yearly activity plan to a People's Inspection Board. */
    public long addPlan(long boardId, String periodKey, String content, LocalDate adoptedOn, CurrentUser user) {
        var board = loadForWrite(boardId, user);
        var problems = new ArrayList<Problem>();
        String key = null;
        try {
            key = ReportingPeriod.parse(periodKey, "periodKey").key();
        } catch (InvalidInputException invalid) {
            problems.addAll(invalid.problems());
        }
        if (board.kind() != BoardKind.PEOPLES_INSPECTION) {
            problems.add(new Problem("periodKey", "democracy.plan.inspection-board-only"));
        }
        requireText(problems, "planContent", content);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var id = jdbc.sql("""
                        insert into democracy_board_plan (board_id, period_key, content, adopted_on, created_by)
                        values (:board, :key, :content, :adopted, :by) returning id""")
                .param("board", boardId).param("key", key).param("content", content.strip()).param("adopted", adoptedOn)
                .param("by", user.username()).query(Long.class).single();
        audit.record("democracy.plan-added", "democracy_board", boardId, board.unitId(), null,
                AuditTrail.fields("plan", id, "period", key));
        return id;
    }

    record BoardHead(long id, long unitId, BoardKind kind, LocalDate termFrom, LocalDate termTo, int version, int members) {
    }

    /** The board, when the user may write for its commune; otherwise not found. */
    BoardHead loadForWrite(long boardId, CurrentUser user) {
        var board = head(boardId);
        communes.forWrite(board.unitId(), "unitId", user);
        return board;
    }

    BoardHead head(long boardId) {
        return jdbc.sql("""
                        select b.id, b.unit_id, b.kind, b.term_from, b.term_to, b.version,
                               (select count(*) from democracy_board_member m where m.board_id = b.id) as members
                        from democracy_board b where b.id = :id""")
                .param("id", boardId).query(BoardHead.class).optional()
                .orElseThrow(() -> new NotFoundException("democracy_board", boardId));
    }

    private List<Problem> check(BoardInput input, long unitId, CurrentUser user) {
        var problems = new ArrayList<Problem>();
        if (input.kind() == null) {
            throw new InvalidInputException("kind", "validation.required");
        }
        if (input.termFrom() == null) {
            problems.add(new Problem("termFrom", "validation.required"));
        }
        if (input.termTo() == null) {
            problems.add(new Problem("termTo", "validation.required"));
        } else if (input.termFrom() != null && input.termTo().isBefore(input.termFrom())) {
            problems.add(new Problem("termTo", "democracy.term.order"));
        }
        if (input.kind() == BoardKind.PEOPLES_INSPECTION) {
            if (input.villageCount() == null) {
                problems.add(new Problem("villageCount", "validation.required"));
            } else if (input.villageCount() < 1 || input.villageCount() > 500) {
                problems.add(new Problem("villageCount", "democracy.board.village-count", 1, 500));
            }
        } else {
            requireText(problems, "projectName", input.projectName());
            requireText(problems, "investor", input.investor());
        }
        var members = input.members() == null ? List.<MemberInput>of() : input.members();
        for (int i = 0; i < members.size(); i++) {
            var m = members.get(i);
            if (m.fullName() == null || m.fullName().isBlank()) {
                problems.add(new Problem("members[" + i + "].fullName", "validation.required"));
            } else if (m.fullName().length() > 200) {
                problems.add(new Problem("members[" + i + "].fullName", "validation.too-long", 200));
            }
            if (m.role() == null) {
                problems.add(new Problem("members[" + i + "].role", "validation.required"));
            }
        }
        var verdict = BoardRules.composition(input.kind(),
                members.stream().map(m -> m.role() == null ? MemberRole.MEMBER : m.role()).toList(), input.villageCount());
        problems.addAll(verdict.problems());
        if (input.findings() != null && input.findings().length() > 20_000) {
            problems.add(new Problem("findings", "validation.too-long", 20_000));
        }
        if (input.electedCommunityMeetingId() != null) {
            var held = jdbc.sql("select unit_id from democracy_community_meeting where id = :id")
                    .param("id", input.electedCommunityMeetingId()).query(Long.class).optional();
            if (held.isEmpty() || held.get() != unitId) {
                problems.add(new Problem("electedCommunityMeetingId", "democracy.board.meeting-elsewhere"));
            }
        }
        if (input.electedConferenceId() != null) {
            try {
                conferences.detail(input.electedConferenceId(), user);
            } catch (NotFoundException unknown) {
                problems.add(new Problem("electedConferenceId", "democracy.board.conference-unknown", input.electedConferenceId()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return verdict.warnings();
    }

    private static BoardInput withMembers(BoardInput i) {
        return i.members() != null ? i : new BoardInput(i.kind(), i.unitId(), i.projectName(), i.investor(), i.villageCount(), i.termFrom(),
                i.termTo(), i.electedCommunityMeetingId(), i.electedConferenceId(), i.findings(), List.of());
    }

    static void requireText(List<Problem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(field, "validation.required"));
        } else if (value.length() > MAX_TEXT) {
            problems.add(new Problem(field, "validation.too-long", MAX_TEXT));
        }
    }

    private static java.util.Map<String, Object> columns(BoardInput input) {
        var map = new java.util.HashMap<String, Object>();
        map.put("project", blankToNull(input.projectName()));
        map.put("investor", blankToNull(input.investor()));
        map.put("villages", input.villageCount());
        map.put("from", input.termFrom());
        map.put("to", input.termTo());
        map.put("community", input.electedCommunityMeetingId());
        map.put("conference", input.electedConferenceId());
        map.put("findings", blankToNull(input.findings()));
        return map;
    }

    private void saveMembers(long boardId, List<MemberInput> members) {
        for (int i = 0; i < members.size(); i++) {
            var m = members.get(i);
            jdbc.sql("""
                            insert into democracy_board_member (board_id, position, full_name, role, village, phone, address)
                            values (:board, :position, :name, :role, :village, :phone, :address)""")
                    .param("board", boardId).param("position", i + 1).param("name", m.fullName().strip()).param("role", m.role().name())
                    .param("village", blankToNull(m.village())).param("phone", blankToNull(m.phone()))
                    .param("address", blankToNull(m.address())).update();
        }
    }

    /** What the audit keeps: the composition's size and term, never members' phones or addresses. */
    private static java.util.Map<String, Object> auditFields(BoardInput input) {
        return AuditTrail.fields("kind", input.kind(), "termFrom", input.termFrom(), "termTo", input.termTo(),
                "villageCount", input.villageCount(), "members", input.members().size(), "projectName", input.projectName());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
