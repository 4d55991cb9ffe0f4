package vn.danvan.inspection;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import vn.danvan.document.DocumentQueries;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.InvalidInputException;

/** Reads what officers and scripts type: a unit's code (as of a day, else today), a document's identifier or "#id". */
@Component
class References {

    private final OrgUnits units;
    private final DocumentQueries documents;
    private final Clock clock;

    References(OrgUnits units, DocumentQueries documents, Clock clock) {
        this.units = units;
        this.documents = documents;
        this.clock = clock;
    }

    /** @return null for a blank code; @throws InvalidInputException naming {@code field} for an unknown code */
    Long unitId(String code, LocalDate day, String field) {
        if (code == null || code.isBlank()) {
            return null;
        }
        var c = code.strip();
        return units.findByCode(c, day != null ? day : LocalDate.now(clock)).or(() -> units.findByCode(c, LocalDate.now(clock)))
                .map(u -> u.id()).orElseThrow(() -> new InvalidInputException(field, "inspection.unit.unknown-code", c));
    }

    /** @return null for a blank reference; @throws InvalidInputException naming {@code field} when no document matches */
    Long documentId(String ref, String field) {
        if (ref == null || ref.isBlank()) {
            return null;
        }
        var r = ref.strip();
        java.util.Optional<Long> found;
        if (r.startsWith("#")) {
            try {
                var id = Long.parseLong(r.substring(1).strip());
                found = documents.identifierOf(id).map(x -> id);
            } catch (NumberFormatException e) {
                found = java.util.Optional.empty();
            }
        } else {
            found = documents.idByIdentifier(r);
        }
        return found.orElseThrow(() -> new InvalidInputException(field, "inspection.document.not-found", r));
    }
}
