package vn.danvan.shared;

import java.util.List;

/**
 * Input that breaks a rule. Each problem names the field (or file row and column) and carries a
 * message key with arguments, so that the UI and the API can say it in Vietnamese or English.
 */
public class InvalidInputException extends RuntimeException {

    public record Problem(String field, String messageKey, Object... args) {
    }

    private final List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid input" : problems.get(0).field() + ": " + problems.get(0).messageKey());
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String messageKey, Object... args) {
        this(List.of(new Problem(field, messageKey, args)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
