package vn.danvan.petition;

import java.util.ArrayList;
import java.util.List;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;

/**
 * The rules of classifying and handling a petition (Thông tư 05/2021/TT-TTCP, Điều 6–14; Luật Tố
 * cáo 2018, Điều 25), as one check that names every field in error.
 */
final class ProcessingRules {

    private ProcessingRules() {
    }

    static void check(Processing p, PetitionerKind petitioner) {
        var problems = new ArrayList<Problem>();
        if (p.contentKind() == null) {
            problems.add(new Problem("contentKind", "validation.required"));
        }
        if (p.field() == null) {
            problems.add(new Problem("field", "validation.required"));
        }
        if (p.eligible() == null) {
            problems.add(new Problem("eligible", "validation.required"));
        } else if (!p.eligible()) {
            if (p.ineligibleReason() == null) {
                problems.add(new Problem("ineligibleReason", "petition.ineligible.reason-required"));
            }
            if (p.handling() != null && p.handling() != Handling.FILE && p.handling() != Handling.GUIDE) {
                problems.add(new Problem("handling", "petition.handling.ineligible-only-file-or-guide"));
            }
        } else {
            if (p.ineligibleReason() != null) {
                problems.add(new Problem("ineligibleReason", "petition.ineligible.reason-only-when-ineligible"));
            }
            // An anonymous denunciation is not handled as a denunciation (Luật Tố cáo 2018, Điều 25).
            if (petitioner == PetitionerKind.ANONYMOUS && p.contentKind() == ContentKind.DENUNCIATION) {
                problems.add(new Problem("eligible", "petition.eligible.anonymous-denunciation"));
            }
            if (p.competence() == null) {
                problems.add(new Problem("competence", "validation.required"));
            }
        }
        if (p.handling() == null) {
            problems.add(new Problem("handling", "validation.required"));
        } else if (Boolean.TRUE.equals(p.eligible()) && p.competence() != null) {
            if (p.competence() == Competence.WITHIN && p.handling() != Handling.ACCEPT) {
                problems.add(new Problem("handling", "petition.handling.within-must-accept"));
            }
            if (p.competence() == Competence.OUTSIDE && p.handling() == Handling.ACCEPT) {
                problems.add(new Problem("handling", "petition.handling.outside-cannot-accept"));
            }
            if (p.competence() == Competence.OUTSIDE && p.handling() == Handling.FILE) {
                problems.add(new Problem("handling", "petition.handling.outside-cannot-file"));
            }
            // A recommendation or reflection outside competence is forwarded to the competent body, not
            // answered with a guide (Thông tư 05/2021/TT-TTCP, Điều 8; biểu 04/XLD has no "hướng dẫn").
            if (p.competence() == Competence.OUTSIDE && p.handling() == Handling.GUIDE && p.contentKind() != null
                    && p.contentKind() != ContentKind.COMPLAINT && p.contentKind() != ContentKind.DENUNCIATION) {
                problems.add(new Problem("handling", "petition.handling.recommendation-outside-forward"));
            }
        }
        if ((p.handling() == Handling.FORWARD || p.handling() == Handling.URGE) && p.targetUnitId() == null) {
            problems.add(new Problem("targetUnitId", "petition.target.required"));
        }
        if (p.round() != null && p.round() == 2 && p.contentKind() != ContentKind.COMPLAINT) {
            problems.add(new Problem("round", "petition.round.only-complaints"));
        }
        if (Boolean.TRUE.equals(p.followUp()) && p.contentKind() != ContentKind.DENUNCIATION) {
            problems.add(new Problem("followUp", "petition.follow-up.only-denunciations"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Checks a new petition before it is saved: every field in error at once. */
    static void check(NewPetition p, int maxTextLength) {
        var problems = new ArrayList<Problem>();
        if (p.receivedOn() == null) {
            problems.add(new Problem("receivedOn", "validation.required"));
        }
        if (p.channel() == null) {
            problems.add(new Problem("channel", "validation.required"));
        }
        if (p.petitionerKind() == null) {
            problems.add(new Problem("petitionerKind", "validation.required"));
        }
        if (p.subject() == null || p.subject().isBlank()) {
            problems.add(new Problem("subject", "validation.required"));
        } else if (p.subject().length() > 500) {
            problems.add(new Problem("subject", "validation.too-long", 500));
        }
        if (p.content() != null && p.content().length() > maxTextLength) {
            problems.add(new Problem("content", "validation.too-long", maxTextLength));
        }
        if (p.signersCount() != null && p.signersCount() < 1) {
            problems.add(new Problem("signersCount", "petition.signers.at-least-one"));
        }
        var named = p.persons().stream().filter(x -> x.name() != null && !x.name().isBlank()).toList();
        if (p.petitionerKind() != null && p.petitionerKind() != PetitionerKind.ANONYMOUS && named.isEmpty()) {
            problems.add(new Problem("petitionerName", "petition.petitioner.name-required"));
        }
        if (p.petitionerKind() == PetitionerKind.GROUP) {
            problems.addAll(representativeProblems(p.signersCount() == null ? 1 : p.signersCount(),
                    (int) named.stream().filter(x -> x.role() == PersonRole.REPRESENTATIVE).count(), "persons"));
        }
        if (p.petitionerKind() == PetitionerKind.AUTHORISED
                && named.stream().noneMatch(x -> x.role() == PersonRole.AUTHORISED)) {
            problems.add(new Problem("persons", "petition.authorised.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /**
     * Representatives of many people with the same content (Luật Tiếp công dân, Điều 30; Nghị định
     * 124/2020, Điều 7): 5–10 people choose 1 or 2; more than 10 may choose more, but at most 5.
     */
    static List<Problem> representativeProblems(int persons, int representatives, String field) {
        if (persons < 5) {
            return List.of();
        }
        var max = persons <= 10 ? 2 : 5;
        if (representatives < 1 || representatives > max) {
            return List.of(new Problem(field, "petition.representatives.range", persons, max));
        }
        return List.of();
    }
}
