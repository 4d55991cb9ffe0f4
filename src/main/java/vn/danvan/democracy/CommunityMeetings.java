package vn.danvan.democracy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.democracy.DemocracyViews.Saved;
import vn.danvan.identity.CurrentUser;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;

/**
 * Community meetings of a village or residential group (hội nghị thôn, tổ dân phố): households present
 * of the total — never more —, the agenda, and the votes per item. Votes cast on an item cannot exceed
 * the households present.
 */
@Service
@Transactional
class CommunityMeetings {

    record MeetingInput(Long unitId, String village, LocalDate heldOn, Integer householdsTotal, Integer householdsPresent, String agenda,
                        List<VoteInput> votes) {
    }

    record VoteInput(String item, Integer votesFor, Integer votesAgainst, Integer votesAbstain) {
    }

    private final JdbcClient jdbc;
    private final Communes communes;
    private final AuditTrail audit;

    CommunityMeetings(JdbcClient jdbc, Communes communes, AuditTrail audit) {
        this.jdbc = jdbc;
        this.communes = communes;
        this.audit = audit;
    }

    /**
     * Records a community meeting and its votes.
     *
     * @throws InvalidInputException naming each field: households present above the total, votes above those present…
     */
    public Saved record(MeetingInput input, CurrentUser user) {
        var unit = communes.forWrite(input.unitId(), "unitId", user);
        var problems = new ArrayList<Problem>();
        Boards.requireText(problems, "village", input.village());
        Boards.requireText(problems, "agenda", input.agenda());
        if (input.heldOn() == null) {
            problems.add(new Problem("meetingOn", "validation.required"));
        }
        if (input.householdsTotal() == null) {
            problems.add(new Problem("householdsTotal", "validation.required"));
        } else if (input.householdsTotal() < 1) {
            problems.add(new Problem("householdsTotal", "democracy.households.positive"));
        }
        if (input.householdsPresent() == null) {
            problems.add(new Problem("householdsPresent", "validation.required"));
        } else if (input.householdsPresent() < 0) {
            problems.add(new Problem("householdsPresent", "democracy.households.positive"));
        } else if (input.householdsTotal() != null && input.householdsPresent() > input.householdsTotal()) {
            problems.add(new Problem("householdsPresent", "democracy.households.present-above-total", input.householdsPresent(),
                    input.householdsTotal()));
        }
        var votes = input.votes() == null ? List.<VoteInput>of() : input.votes();
        for (int i = 0; i < votes.size(); i++) {
            var v = votes.get(i);
            var prefix = "votes[" + i + "].";
            if (v.item() == null || v.item().isBlank()) {
                problems.add(new Problem(prefix + "item", "validation.required"));
            }
            int cast = 0;
            for (var count : new Object[][] {{"votesFor", v.votesFor()}, {"votesAgainst", v.votesAgainst()}, {"votesAbstain", v.votesAbstain()}}) {
                var n = (Integer) count[1];
                if (n == null) {
                    problems.add(new Problem(prefix + count[0], "validation.required"));
                } else if (n < 0) {
                    problems.add(new Problem(prefix + count[0], "democracy.households.positive"));
                } else {
                    cast += n;
                }
            }
            if (input.householdsPresent() != null && cast > input.householdsPresent()) {
                problems.add(new Problem(prefix + "votesFor", "democracy.vote.above-present", cast, input.householdsPresent()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var id = jdbc.sql("""
                        insert into democracy_community_meeting (unit_id, village, held_on, households_total, households_present, agenda,
                                                                 created_by)
                        values (:unit, :village, :on, :total, :present, :agenda, :by) returning id""")
                .param("unit", unit.id()).param("village", input.village().strip()).param("on", input.heldOn())
                .param("total", input.householdsTotal()).param("present", input.householdsPresent()).param("agenda", input.agenda().strip())
                .param("by", user.username()).query(Long.class).single();
        for (int i = 0; i < votes.size(); i++) {
            var v = votes.get(i);
            jdbc.sql("""
                            insert into democracy_vote (community_meeting_id, position, item, votes_for, votes_against, votes_abstain)
                            values (:meeting, :position, :item, :for, :against, :abstain)""")
                    .param("meeting", id).param("position", i + 1).param("item", v.item().strip()).param("for", v.votesFor())
                    .param("against", v.votesAgainst()).param("abstain", v.votesAbstain()).update();
        }
        audit.record("democracy.community-meeting-recorded", "democracy_community_meeting", id, unit.id(), null,
                AuditTrail.fields("village", input.village(), "heldOn", input.heldOn(), "householdsPresent", input.householdsPresent(),
                        "householdsTotal", input.householdsTotal(), "votes", votes.size()));
        return new Saved(id, List.of());
    }
}
