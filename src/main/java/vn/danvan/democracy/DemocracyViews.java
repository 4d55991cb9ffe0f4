package vn.danvan.democracy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import vn.danvan.democracy.BoardRules.ActivityKind;
import vn.danvan.democracy.BoardRules.BoardKind;
import vn.danvan.democracy.BoardRules.MemberRole;
import vn.danvan.democracy.DisclosureRules.Channel;
import vn.danvan.democracy.DisclosureRules.Frequency;
import vn.danvan.shared.InvalidInputException.Problem;

/** What the screens and the API show of grassroots-democracy records: records only, never rows. */
final class DemocracyViews {

    private DemocracyViews() {
    }

    record UnitRef(long id, String code, String name) {
    }

    /** A saved record and the warnings its input raised (saved all the same). */
    record Saved(long id, List<Problem> warnings) {
    }

    record MemberView(int position, String fullName, MemberRole role, String village, String phone, String address) {
    }

    record BoardRow(long id, BoardKind kind, UnitRef unit, String projectName, String investor, LocalDate termFrom, LocalDate termTo,
                    int members, String head) {
    }

    record PlanView(long id, String periodKey, String content, LocalDate adoptedOn) {
    }

    record RecommendationView(long id, long activityId, String content, String addressee, LocalDate madeOn, LocalDate dueOn,
                              LocalDate answeredOn, String answeredBy, String answeredByTitle, String answer, int version) {

        public boolean answered() {
            return answeredOn != null;
        }
    }

    record ActivityView(long id, long boardId, ActivityKind kind, String title, String subjects, LocalDate startsOn,
                        LocalDate sentFrontOn, LocalDate sentChairOn, LocalDate sentSubjectsOn, int noticeShortfall, String findings,
                        int version, List<RecommendationView> recommendations) {
    }

    record BoardDetail(long id, BoardKind kind, UnitRef unit, String projectName, String investor, Integer villageCount,
                       LocalDate termFrom, LocalDate termTo, Long electedCommunityMeetingId, String electedCommunityMeeting,
                       Long electedConferenceId, String findings, int version, List<MemberView> members, List<PlanView> plans,
                       List<ActivityView> activities) {
    }

    record ItemView(String code, String title, String titleEn, String legalBasis, Frequency frequency, int minDaysPosted) {
    }

    record DisclosureView(long id, UnitRef unit, String itemCode, String itemTitle, String periodKey, Channel channel, String title,
                          LocalDate postedOn, LocalDate postedUntil, int version) {
    }

    /** An item due for a period and not disclosed; overdue once the period has ended. */
    record DueRow(String itemCode, String itemTitle, String legalBasis, Frequency frequency, String periodKey, LocalDate periodEnd,
                  boolean overdue) {
    }

    record DueList(UnitRef unit, String period, int obligations, int made, List<DueRow> outstanding) {
    }

    record VoteView(int position, String item, int votesFor, int votesAgainst, int votesAbstain, int householdsTotal) {

        /** The share of the village's households agreeing, in per cent with one decimal. */
        public BigDecimal shareAgreeing() {
            return BigDecimal.valueOf(votesFor * 100L).divide(BigDecimal.valueOf(householdsTotal), 1, RoundingMode.HALF_UP);
        }

        /** Adopted when more than half of the village's households agree (Law 10/2022/QH15 Art. 22). */
        public boolean adopted() {
            return votesFor * 2L > householdsTotal;
        }
    }

    record CommunityMeetingView(long id, UnitRef unit, String village, LocalDate heldOn, int householdsTotal, int householdsPresent,
                                String agenda, int version, List<VoteView> votes) {
    }
}
