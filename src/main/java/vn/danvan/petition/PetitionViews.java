package vn.danvan.petition;

import java.time.LocalDate;
import java.util.List;
import vn.danvan.calendar.Complexity;

/** What the screens and the API show of petitions and matters: records, never the aggregates. */
public final class PetitionViews {

    private PetitionViews() {
    }

    /** A deadline as the officer sees it: the day, the rule version that set it, working days left (negative: overdue). */
    public record Due(LocalDate dueOn, String rule, Integer ruleVersion, Integer workingDaysLeft, boolean overdue, boolean dueSoon) {

        /** A deadline read with a list's row, its working days left counted later for the whole list ({@link #counted}). */
        static Due uncounted(LocalDate dueOn, String rule, Integer ruleVersion) {
            return dueOn == null ? null : new Due(dueOn, rule, ruleVersion, null, false, false);
        }

        /** An uncounted deadline with its working days left, from one walk over the calendar for the whole list. */
        static Due counted(Due uncounted, vn.danvan.calendar.DueDays days, int dueSoonWorkingDays) {
            if (uncounted == null) {
                return null;
            }
            var left = days.workingDaysLeft(uncounted.dueOn());
            return new Due(uncounted.dueOn(), uncounted.rule(), uncounted.ruleVersion(), left, left < 0,
                    left >= 0 && left <= dueSoonWorkingDays);
        }
    }

    public record Step(StepKind kind, LocalDate day, String actor, String note, String documentNumber, LocalDate dueOn,
                       String rule, Integer ruleVersion, Long petitionId, String petitionNumber) {
    }

    public record UnitRef(long id, String code, String name) {
    }

    public record PetitionDetail(long id, String number, UnitRef unit, LocalDate receivedOn, Channel channel, String sourceName,
                                 String sourceReference, PetitionerKind petitionerKind, int signersCount, String subject,
                                 String content, UnitRef place, boolean protectedIdentity, boolean identityVisible,
                                 List<PersonView> persons, String status, ContentKind contentKind, Field field, Boolean eligible,
                                 IneligibleReason ineligibleReason, Competence competence, Handling handling,
                                 LocalDate processedOn, UnitRef forwardedTo, LocalDate replyReceivedOn, String forwardedFrom,
                                 MatterSummary matter, Due due, List<Step> steps, Long visitId, int version) {
    }

    public record MatterSummary(long id, String number, String title, MatterStatus status, Due due) {
    }

    public record PetitionSummary(long id, String number, LocalDate receivedOn, Channel channel, String subject,
                                  ContentKind contentKind, Handling handling, String status) {
    }

    public record MatterDetail(long id, String number, UnitRef unit, String title, ContentKind contentKind, Field field,
                               UnitRef place, boolean remote, Complexity complexity, int round, boolean followUp,
                               MatterStatus status, LocalDate acceptedOn, String acceptanceNumber, Due due, int extensions,
                               Long handlerId, String handlerName, LocalDate decidedOn, String decisionNumber, MatterResult result,
                               LocalDate closedOn, boolean withdrawnPartly, boolean hotManual, String hotReason,
                               List<String> hotReasons, List<Suspension> suspensions, Outcome decided, Outcome enforced,
                               List<PetitionSummary> petitions, List<Step> steps, int visits, int version) {
    }

    /**
     * A line of a list: a petition waiting to be processed, or a matter being resolved; {@code assignedToMe}: a matter
     * whose handler is the user, which the queue lists first (shown, so that an item without a due date above overdue
     * ones is not a puzzle).
     */
    public record WorkItem(String type, long id, String number, String subject, UnitRef unit, ContentKind contentKind,
                           String status, LocalDate since, Due due, boolean assignedToMe) {
    }

    /** A line of the search results. */
    public record PetitionRow(long id, String number, LocalDate receivedOn, UnitRef unit, String subject, Channel channel,
                              ContentKind contentKind, Field field, String status, Handling handling, String matterNumber,
                              MatterStatus matterStatus, Due due, boolean hot) {
    }

    /** A matter on the hot-spot board with why it is flagged ({@code petition.hot.<REASON>}). */
    public record HotSpot(long matterId, String number, String title, UnitRef unit, MatterStatus status, LocalDate dueOn,
                          String manualReason, List<String> reasons) {
    }

    /** The flagged matters about one commune (place null: not recorded). */
    public record HotSpotGroup(UnitRef place, List<HotSpot> matters) {
    }
}
