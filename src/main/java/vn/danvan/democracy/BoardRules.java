package vn.danvan.democracy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import vn.danvan.shared.InvalidInputException.Problem;

/**
 * The rules of a board's composition and of an activity's notice (pure, no database).
 * <ul>
 * <li>People's Inspection Board: as many members as the commune has villages and residential groups,
 * and at least five (Law 10/2022/QH15 Art. 36 cl. 1): fewer than five is refused, a number other than
 * the villages' is warned; one head.</li>
 * <li>Community Investment Supervision Board: at most five resident representatives, at most two deputy
 * heads (Decree 59/2023/NĐ-CP Art. 17): more is refused; one head.</li>
 * <li>A planned inspection or supervision is sent to the commune's Front, the commune chair and the
 * subjects at least five working days before it starts (Decree 59/2023/NĐ-CP Art. 14): the working days
 * from the day it is sent up to the day before the start must be five or more.</li>
 * </ul>
 */
final class BoardRules {

    static final int MIN_INSPECTION_MEMBERS = 5;
    static final int MAX_REPRESENTATIVES = 5;
    static final int MAX_DEPUTIES = 2;
    static final int NOTICE_WORKING_DAYS = 5;

    enum BoardKind { PEOPLES_INSPECTION, INVESTMENT_SUPERVISION }

    enum MemberRole { HEAD, DEPUTY, MEMBER }

    enum ActivityKind { INSPECTION, SUPERVISION }

    /** What the rules say of a composition: refusals (nothing is saved) and warnings (saved, shown). */
    record Verdict(List<Problem> problems, List<Problem> warnings) {
    }

    private BoardRules() {
    }

    static Verdict composition(BoardKind kind, List<MemberRole> roles, Integer villageCount) {
        var problems = new ArrayList<Problem>();
        var warnings = new ArrayList<Problem>();
        long heads = roles.stream().filter(r -> r == MemberRole.HEAD).count();
        long deputies = roles.stream().filter(r -> r == MemberRole.DEPUTY).count();
        if (kind == BoardKind.PEOPLES_INSPECTION) {
            if (roles.size() < MIN_INSPECTION_MEMBERS) {
                problems.add(new Problem("members", "democracy.board.too-few", roles.size(), MIN_INSPECTION_MEMBERS));
            } else if (villageCount != null && roles.size() != Math.max(villageCount, MIN_INSPECTION_MEMBERS)) {
                warnings.add(new Problem("members", "democracy.board.village-mismatch", roles.size(), villageCount));
            }
        } else {
            if (roles.size() > MAX_REPRESENTATIVES) {
                problems.add(new Problem("members", "democracy.board.too-many", roles.size(), MAX_REPRESENTATIVES));
            }
            if (roles.isEmpty()) {
                problems.add(new Problem("members", "democracy.board.no-members"));
            }
            if (deputies > MAX_DEPUTIES) {
                problems.add(new Problem("members", "democracy.board.too-many-deputies", deputies, MAX_DEPUTIES));
            }
        }
        if (!roles.isEmpty() && heads != 1) {
            problems.add(new Problem("members", "democracy.board.one-head", heads));
        }
        return new Verdict(problems, warnings);
    }

    /**
     * How many working days the notice falls short of five: 0 when sent in time. The days counted are
     * the working days from {@code sentOn} (included) to {@code startsOn} (excluded); a notice sent on or
     * after the start counts none.
     */
    static int noticeShortfall(LocalDate sentOn, LocalDate startsOn, Predicate<LocalDate> isWorkingDay) {
        int counted = 0;
        for (var day = sentOn; day.isBefore(startsOn) && counted < NOTICE_WORKING_DAYS; day = day.plusDays(1)) {
            if (isWorkingDay.test(day)) {
                counted++;
            }
        }
        return NOTICE_WORKING_DAYS - counted;
    }
}
