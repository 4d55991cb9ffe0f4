package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.danvan.shared.InvalidInputException;

/** The classification and handling rules of Circular 05/2021/TT-TTCP, one row per case. */
class ProcessingRulesTests {

    @ParameterizedTest(name = "{0} {1} eligible={2} reason={3} {4} {5} target={6} → {7}")
    @CsvSource(nullValues = "-", textBlock = """
            # petitioner, content,      eligible, reason,        competence, handling, target, error field (- = allowed)
            PERSON,     COMPLAINT,      true,  -,                WITHIN,  ACCEPT,  -,  -
            PERSON,     COMPLAINT,      true,  -,                WITHIN,  FORWARD, 7,  handling
            PERSON,     COMPLAINT,      true,  -,                OUTSIDE, ACCEPT,  -,  handling
            PERSON,     COMPLAINT,      true,  -,                OUTSIDE, FILE,    -,  handling
            PERSON,     RECOMMENDATION, true,  -,                OUTSIDE, GUIDE,   -,  handling
            PERSON,     REFLECTION,     true,  -,                OUTSIDE, FORWARD, 7,  -
            PERSON,     COMPLAINT,      true,  -,                OUTSIDE, GUIDE,   -,  -
            PERSON,     RECOMMENDATION, false, ILLEGIBLE,        -,       GUIDE,   -,  -
            PERSON,     DENUNCIATION,   true,  -,                OUTSIDE, FORWARD, 7,  -
            PERSON,     DENUNCIATION,   true,  -,                OUTSIDE, FORWARD, -,  targetUnitId
            PERSON,     COMPLAINT,      true,  -,                OUTSIDE, URGE,    -,  targetUnitId
            PERSON,     COMPLAINT,      false, -,                -,       FILE,    -,  ineligibleReason
            PERSON,     COMPLAINT,      false, ILLEGIBLE,        -,       FILE,    -,  -
            PERSON,     COMPLAINT,      false, ILLEGIBLE,        -,       GUIDE,   -,  -
            PERSON,     COMPLAINT,      false, ILLEGIBLE,        -,       ACCEPT,  -,  handling
            PERSON,     COMPLAINT,      true,  ILLEGIBLE,        WITHIN,  ACCEPT,  -,  ineligibleReason
            PERSON,     COMPLAINT,      true,  -,                -,       ACCEPT,  -,  competence
            ANONYMOUS,  DENUNCIATION,   true,  -,                WITHIN,  ACCEPT,  -,  eligible
            ANONYMOUS,  DENUNCIATION,   false, ANONYMOUS,        -,       FILE,    -,  -
            ANONYMOUS,  REFLECTION,     true,  -,                WITHIN,  ACCEPT,  -,  -
            """)
    void classificationAndHandlingFollowCircular05(PetitionerKind petitioner, ContentKind content, Boolean eligible,
                                                    IneligibleReason reason, Competence competence, Handling handling,
                                                    Long target, String errorField) {
        var processing = new Processing(content, Field.ADMIN_LAND, eligible, reason, competence, handling, target, null, 1, false,
                null, null, null);
        if (errorField == null) {
            assertThatCode(() -> ProcessingRules.check(processing, petitioner)).doesNotThrowAnyException();
        } else {
            var error = catchThrowableOfType(InvalidInputException.class, () -> ProcessingRules.check(processing, petitioner));
            assertThat(error.problems()).extracting(InvalidInputException.Problem::field).contains(errorField);
        }
    }

    @ParameterizedTest(name = "{0} persons, {1} representatives → allowed={2}")
    @CsvSource(textBlock = """
            4,  0, true
            5,  0, false
            5,  1, true
            10, 2, true
            10, 3, false
            11, 5, true
            11, 6, false
            40, 5, true
            """)
    void aCrowdChoosesOneOrTwoRepresentativesUpToTenPersonsAndAtMostFiveBeyond(int persons, int representatives, boolean allowed) {
        assertThat(ProcessingRules.representativeProblems(persons, representatives, "representativesCount").isEmpty()).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "second time for {0} → error={1}")
    @CsvSource(nullValues = "-", textBlock = """
            COMPLAINT,    -
            DENUNCIATION, round
            """)
    void onlyComplaintsHaveASecondTimeResolution(ContentKind content, String errorField) {
        var processing = new Processing(content, Field.ADMIN_LAND, true, null, Competence.WITHIN, Handling.ACCEPT, null, null, 2, false,
                null, null, null);
        if (errorField == null) {
            assertThatCode(() -> ProcessingRules.check(processing, PetitionerKind.PERSON)).doesNotThrowAnyException();
        } else {
            var error = catchThrowableOfType(InvalidInputException.class, () -> ProcessingRules.check(processing, PetitionerKind.PERSON));
            assertThat(error.problems()).extracting(InvalidInputException.Problem::field).contains(errorField);
        }
    }
}
