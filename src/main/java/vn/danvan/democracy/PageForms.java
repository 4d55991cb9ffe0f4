package vn.danvan.democracy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;
import vn.danvan.democracy.BoardRules.ActivityKind;
import vn.danvan.democracy.BoardRules.BoardKind;
import vn.danvan.democracy.BoardRules.MemberRole;
import vn.danvan.democracy.DisclosureRules.Channel;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;

/**
 * The HTML forms of the grassroots-democracy screens, bound as typed (so a refused form comes back as
 * the user left it), and the messages of refused fields, each keyed by its field.
 */
final class PageForms {

    private PageForms() {
    }

    /** Problems and warnings in words: field → message, in Vietnamese or English. */
    static Map<String, String> messages(List<Problem> problems, MessageSource messages) {
        var locale = LocaleContextHolder.getLocale();
        var map = new LinkedHashMap<String, String>();
        for (var p : problems) {
            map.merge(p.field(), messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale), (a, b) -> a + "; " + b);
        }
        return map;
    }

    /** The same, each prefixed with the field's label, for a list above a form or a flash message. */
    static List<String> labelled(List<Problem> problems, MessageSource messages) {
        var locale = LocaleContextHolder.getLocale();
        var list = new ArrayList<String>();
        for (var p : problems) {
            var field = p.field().replaceAll("\\[\\d+]", "");
            var label = messages.getMessage("field." + field, null, field, locale);
            list.add(label + ": " + messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale));
        }
        return list;
    }

    /** Binding failures (a date that is not one) as problems naming the field. */
    static InvalidInputException bindingProblems(BindingResult result) {
        return new InvalidInputException(result.getFieldErrors().stream()
                .map(e -> new Problem(e.getField(), "validation.bad-value", String.valueOf(e.getRejectedValue()))).toList());
    }

    static class MemberRow {
        private String fullName;
        private MemberRole role = MemberRole.MEMBER;
        private String village;
        private String phone;
        private String address;

        boolean blank() {
            return isBlank(fullName) && isBlank(village) && isBlank(phone) && isBlank(address);
        }

        public String getFullName() { return fullName; }
        public void setFullName(String v) { fullName = v; }
        public MemberRole getRole() { return role; }
        public void setRole(MemberRole v) { role = v; }
        public String getVillage() { return village; }
        public void setVillage(String v) { village = v; }
        public String getPhone() { return phone; }
        public void setPhone(String v) { phone = v; }
        public String getAddress() { return address; }
        public void setAddress(String v) { address = v; }
    }

    static class BoardForm {
        private BoardKind kind = BoardKind.PEOPLES_INSPECTION;
        private Long unitId;
        private String projectName;
        private String investor;
        private Integer villageCount;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate termFrom;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate termTo;
        private Long electedCommunityMeetingId;
        private Long electedConferenceId;
        private String findings;
        private Integer version;
        private List<MemberRow> members = new ArrayList<>();

        /** Enough empty rows to type a full board (at least two spare). */
        void padMembers() {
            int rows = Math.max(Math.max(members.size() + 2, villageCount == null ? 0 : villageCount),
                    kind == BoardKind.PEOPLES_INSPECTION ? 9 : 5);
            while (members.size() < rows) {
                members.add(new MemberRow());
            }
        }

        /** The members typed, blank rows removed (so that a problem's row number is the row shown). */
        Boards.BoardInput input() {
            members.removeIf(MemberRow::blank);
            var filled = members.stream()
                    .map(m -> new Boards.MemberInput(m.getFullName(), m.getRole(), m.getVillage(), m.getPhone(), m.getAddress())).toList();
            return new Boards.BoardInput(kind, unitId, projectName, investor, villageCount, termFrom, termTo, electedCommunityMeetingId,
                    electedConferenceId, findings, filled);
        }

        public BoardKind getKind() { return kind; }
        public void setKind(BoardKind v) { kind = v; }
        public Long getUnitId() { return unitId; }
        public void setUnitId(Long v) { unitId = v; }
        public String getProjectName() { return projectName; }
        public void setProjectName(String v) { projectName = v; }
        public String getInvestor() { return investor; }
        public void setInvestor(String v) { investor = v; }
        public Integer getVillageCount() { return villageCount; }
        public void setVillageCount(Integer v) { villageCount = v; }
        public LocalDate getTermFrom() { return termFrom; }
        public void setTermFrom(LocalDate v) { termFrom = v; }
        public LocalDate getTermTo() { return termTo; }
        public void setTermTo(LocalDate v) { termTo = v; }
        public Long getElectedCommunityMeetingId() { return electedCommunityMeetingId; }
        public void setElectedCommunityMeetingId(Long v) { electedCommunityMeetingId = v; }
        public Long getElectedConferenceId() { return electedConferenceId; }
        public void setElectedConferenceId(Long v) { electedConferenceId = v; }
        public String getFindings() { return findings; }
        public void setFindings(String v) { findings = v; }
        public Integer getVersion() { return version; }
        public void setVersion(Integer v) { version = v; }
        public List<MemberRow> getMembers() { return members; }
        public void setMembers(List<MemberRow> v) { members = v; }
    }

    static class ActivityForm {
        private ActivityKind kind = ActivityKind.SUPERVISION;
        private String activityTitle;
        private String subjects;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate startsOn;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate sentFrontOn;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate sentChairOn;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate sentSubjectsOn;
        private String findings;

        BoardActivities.ActivityInput input() {
            return new BoardActivities.ActivityInput(kind, activityTitle, subjects, startsOn, sentFrontOn, sentChairOn, sentSubjectsOn, findings);
        }

        public ActivityKind getKind() { return kind; }
        public void setKind(ActivityKind v) { kind = v; }
        public String getActivityTitle() { return activityTitle; }
        public void setActivityTitle(String v) { activityTitle = v; }
        public String getSubjects() { return subjects; }
        public void setSubjects(String v) { subjects = v; }
        public LocalDate getStartsOn() { return startsOn; }
        public void setStartsOn(LocalDate v) { startsOn = v; }
        public LocalDate getSentFrontOn() { return sentFrontOn; }
        public void setSentFrontOn(LocalDate v) { sentFrontOn = v; }
        public LocalDate getSentChairOn() { return sentChairOn; }
        public void setSentChairOn(LocalDate v) { sentChairOn = v; }
        public LocalDate getSentSubjectsOn() { return sentSubjectsOn; }
        public void setSentSubjectsOn(LocalDate v) { sentSubjectsOn = v; }
        public String getFindings() { return findings; }
        public void setFindings(String v) { findings = v; }
    }

    static class DisclosureForm {
        private Long unitId;
        private String itemCode;
        private String periodKey;
        private Channel disclosureChannel = Channel.NOTICE_BOARD;
        private String disclosureTitle;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate postedOn;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate postedUntil;

        Disclosures.DisclosureInput input() {
            return new Disclosures.DisclosureInput(unitId, itemCode, periodKey, disclosureChannel, disclosureTitle, postedOn, postedUntil);
        }

        public Long getUnitId() { return unitId; }
        public void setUnitId(Long v) { unitId = v; }
        public String getItemCode() { return itemCode; }
        public void setItemCode(String v) { itemCode = v; }
        public String getPeriodKey() { return periodKey; }
        public void setPeriodKey(String v) { periodKey = v; }
        public Channel getDisclosureChannel() { return disclosureChannel; }
        public void setDisclosureChannel(Channel v) { disclosureChannel = v; }
        public String getDisclosureTitle() { return disclosureTitle; }
        public void setDisclosureTitle(String v) { disclosureTitle = v; }
        public LocalDate getPostedOn() { return postedOn; }
        public void setPostedOn(LocalDate v) { postedOn = v; }
        public LocalDate getPostedUntil() { return postedUntil; }
        public void setPostedUntil(LocalDate v) { postedUntil = v; }
    }

    static class VoteRow {
        private String item;
        private Integer votesFor;
        private Integer votesAgainst;
        private Integer votesAbstain;

        boolean blank() {
            return isBlank(item) && votesFor == null && votesAgainst == null && votesAbstain == null;
        }

        public String getItem() { return item; }
        public void setItem(String v) { item = v; }
        public Integer getVotesFor() { return votesFor; }
        public void setVotesFor(Integer v) { votesFor = v; }
        public Integer getVotesAgainst() { return votesAgainst; }
        public void setVotesAgainst(Integer v) { votesAgainst = v; }
        public Integer getVotesAbstain() { return votesAbstain; }
        public void setVotesAbstain(Integer v) { votesAbstain = v; }
    }

    static class CommunityMeetingForm {
        private Long unitId;
        private String village;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate meetingOn;
        private Integer householdsTotal;
        private Integer householdsPresent;
        private String agenda;
        private List<VoteRow> votes = new ArrayList<>();

        void padVotes() {
            int rows = Math.max(3, votes.size() + 1);
            while (votes.size() < rows) {
                votes.add(new VoteRow());
            }
        }

        CommunityMeetings.MeetingInput input() {
            votes.removeIf(VoteRow::blank);
            var filled = votes.stream()
                    .map(v -> new CommunityMeetings.VoteInput(v.getItem(), v.getVotesFor(), v.getVotesAgainst(), v.getVotesAbstain()))
                    .toList();
            return new CommunityMeetings.MeetingInput(unitId, village, meetingOn, householdsTotal, householdsPresent, agenda, filled);
        }

        public Long getUnitId() { return unitId; }
        public void setUnitId(Long v) { unitId = v; }
        public String getVillage() { return village; }
        public void setVillage(String v) { village = v; }
        public LocalDate getMeetingOn() { return meetingOn; }
        public void setMeetingOn(LocalDate v) { meetingOn = v; }
        public Integer getHouseholdsTotal() { return householdsTotal; }
        public void setHouseholdsTotal(Integer v) { householdsTotal = v; }
        public Integer getHouseholdsPresent() { return householdsPresent; }
        public void setHouseholdsPresent(Integer v) { householdsPresent = v; }
        public String getAgenda() { return agenda; }
        public void setAgenda(String v) { agenda = v; }
        public List<VoteRow> getVotes() { return votes; }
        public void setVotes(List<VoteRow> v) { votes = v; }
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
