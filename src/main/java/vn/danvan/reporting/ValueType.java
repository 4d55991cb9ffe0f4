package vn.danvan.reporting;

import java.math.BigDecimal;
import vn.danvan.shared.InvalidInputException;

/** What an indicator's values are. A yes/no value is kept as 1 or 0, so that a sum counts the yeses. */
public enum ValueType {
    INTEGER, DECIMAL, PERCENTAGE, BOOLEAN, TEXT;

    /** A value read for this type: a number, or a text for {@link #TEXT}. */
    record Checked(BigDecimal number, String text) {
    }

    /**
     * Reads a value sent as JSON (a number, a string, true/false) for this type.
     *
     * @throws InvalidInputException naming {@code value} when it does not fit
     */
    Checked check(Object raw) {
        if (raw == null || (raw instanceof String s && s.isBlank())) {
            throw new InvalidInputException("value", "validation.required");
        }
        if (this == TEXT) {
            var text = String.valueOf(raw).strip();
            if (text.length() > 4000) {
                throw new InvalidInputException("value", "reporting.value.too-long", 4000);
            }
            return new Checked(null, text);
        }
        if (this == BOOLEAN) {
            if (raw instanceof Boolean b) {
                return new Checked(b ? BigDecimal.ONE : BigDecimal.ZERO, null);
            }
            var s = String.valueOf(raw).strip().toLowerCase(java.util.Locale.ROOT);
            return switch (s) {
                case "true", "1", "có", "co" -> new Checked(BigDecimal.ONE, null);
                case "false", "0", "không", "khong" -> new Checked(BigDecimal.ZERO, null);
                default -> throw new InvalidInputException("value", "reporting.value.not-boolean", String.valueOf(raw));
            };
        }
        if (raw instanceof Boolean) {
            throw new InvalidInputException("value", "reporting.value.not-number", String.valueOf(raw));
        }
        BigDecimal number;
        try {
            number = new BigDecimal(String.valueOf(raw).strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("value", "reporting.value.not-number", String.valueOf(raw));
        }
        if (number.abs().compareTo(new BigDecimal("1e15")) >= 0) {
            throw new InvalidInputException("value", "reporting.value.too-large", String.valueOf(raw));
        }
        switch (this) {
            case INTEGER -> {
                if (number.stripTrailingZeros().scale() > 0) {
                    throw new InvalidInputException("value", "reporting.value.not-integer", String.valueOf(raw));
                }
                number = number.setScale(0, java.math.RoundingMode.UNNECESSARY);
            }
            case PERCENTAGE -> {
                if (number.signum() < 0 || number.compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw new InvalidInputException("value", "reporting.value.not-percentage", String.valueOf(raw));
                }
            }
            default -> { }
        }
        return new Checked(number.stripTrailingZeros().scale() < 0 ? number.setScale(0) : number.stripTrailingZeros(), null);
    }
}
