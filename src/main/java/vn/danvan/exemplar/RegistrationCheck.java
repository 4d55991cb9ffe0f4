package vn.danvan.exemplar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.VietnameseText;

/**
 * What a registration must hold, field by field (required fields, a unit valid on the day of
 * registration, a person for an individual exemplar, dates in order, no negative resources, known
 * fields of work), each problem naming its field; and the input as saved (trimmed, NFC).
 */
@Component
class RegistrationCheck {

    private final OrgUnits units;
    private final ExemplarFields fields;
    private final Clock clock;

    RegistrationCheck(OrgUnits units, ExemplarFields fields, Clock clock) {
        this.units = units;
        this.fields = fields;
        this.clock = clock;
    }

    ExemplarInput normalised(ExemplarInput in) {
        return new ExemplarInput(in.kind(), text(in.name()), in.unitId(), in.registrantType(), text(in.registrantName()),
                text(in.personName()), text(in.personTitle()), text(in.situation()), text(in.objectives()), text(in.method()),
                text(in.area()), text(in.forces()), in.fundsVnd(), text(in.materials()), in.workdays(), in.socialisedVnd(),
                in.startsOn(), in.endsOn(), text(in.outputs()), text(in.sustainability()), text(in.campaign()),
                in.registeredOn(), in.fields().stream().filter(f -> f != null && !f.isBlank()).map(String::strip).distinct().toList(),
                text(in.publicSummary()));
    }

    void validate(ExemplarInput in, Long currentUnit) {
        var problems = problems(in, currentUnit);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    List<Problem> problems(ExemplarInput in, Long currentUnit) {
        var problems = new ArrayList<Problem>();
        var today = LocalDate.now(clock);
        if (in.kind() == null) {
            problems.add(new Problem("kind", "validation.required"));
        }
        if (in.name() == null) {
            problems.add(new Problem("name", "validation.required"));
        } else if (in.name().length() > 500) {
            problems.add(new Problem("name", "validation.too-long", 500));
        }
        if (in.unitId() == null) {
            problems.add(new Problem("unitId", "validation.required"));
        } else {
            var on = in.registeredOn() == null ? today : in.registeredOn();
            if (!in.unitId().equals(currentUnit) && units.find(in.unitId(), on).filter(u -> u.validOn(on)).isEmpty()) {
                problems.add(new Problem("unitId", "exemplar.validation.unit-not-valid", ExemplarManagement.dmy(on)));
            }
        }
        if (in.registrantType() == null) {
            problems.add(new Problem("registrantType", "validation.required"));
        }
        if (in.kind() == ExemplarKind.INDIVIDUAL && in.personName() == null) {
            problems.add(new Problem("personName", "exemplar.validation.person-required"));
        }
        if (in.registeredOn() == null) {
            problems.add(new Problem("registeredOn", "validation.required"));
        } else if (in.registeredOn().isAfter(today)) {
            problems.add(new Problem("registeredOn", "exemplar.validation.future-date"));
        }
        if (in.startsOn() != null && in.endsOn() != null && in.endsOn().isBefore(in.startsOn())) {
            problems.add(new Problem("endsOn", "exemplar.validation.ends-before-start"));
        }
        if (in.fundsVnd() != null && in.fundsVnd() < 0) {
            problems.add(new Problem("fundsVnd", "exemplar.validation.negative"));
        }
        if (in.socialisedVnd() != null && in.socialisedVnd() < 0) {
            problems.add(new Problem("socialisedVnd", "exemplar.validation.negative"));
        }
        if (in.workdays() != null && in.workdays() < 0) {
            problems.add(new Problem("workdays", "exemplar.validation.negative"));
        }
        if (in.fields().isEmpty()) {
            problems.add(new Problem("fields", "exemplar.validation.no-field"));
        } else {
            var known = fields.activeCodes();
            in.fields().stream().filter(f -> !known.contains(f)).findFirst()
                    .ifPresent(f -> problems.add(new Problem("fields", "validation.bad-value", f)));
        }
        return problems;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : VietnameseText.nfc(value.strip());
    }
}
