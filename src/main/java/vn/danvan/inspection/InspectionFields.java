package vn.danvan.inspection;

import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.danvan.shared.InvalidInputException.Problem;

/**
 * A problem as the officer reads it: "Thành viên đoàn 2 – Vai trò: bắt buộc nhập". Labels come from
 * {@code inspection.field.<name>} (this module's names), then the shared {@code field.<name>}.
 */
@Component
class InspectionFields {

    private static final Pattern INDEXED = Pattern.compile("^(\\w+)\\[(\\d+)]\\.(\\w+)$");

    private final MessageSource messages;

    InspectionFields(MessageSource messages) {
        this.messages = messages;
    }

    String label(String field) {
        var m = INDEXED.matcher(field);
        if (m.matches()) {
            return text("inspection.field.item", text("inspection.field." + m.group(1)), Integer.parseInt(m.group(2)) + 1)
                    + " – " + plain(m.group(3));
        }
        return plain(field);
    }

    String message(Problem p) {
        return label(p.field()) + ": " + text(p.messageKey(), p.args());
    }

    private String plain(String field) {
        var own = messages.getMessage("inspection.field." + field, null, null, LocaleContextHolder.getLocale());
        return own != null ? own : messages.getMessage("field." + field, null, field, LocaleContextHolder.getLocale());
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
