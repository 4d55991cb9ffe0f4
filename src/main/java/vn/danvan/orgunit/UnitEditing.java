package vn.danvan.orgunit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.VietnameseText;

/**
 * Units that a unit administrator keeps by hand: bodies (a Party committee's commission, a
 * People's Committee's reception office …) and residential areas (thôn, tổ dân phố). Official
 * provinces, districts and communes change only through unit files (a resolution of the National
 * Assembly's Standing Committee). The caller — a controller in {@code web} — checks that the user
 * administers the parent unit; every change is audited here.
 */
@Service
@Transactional
public class UnitEditing {

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.\\-]{0,39}");

    /** A sub-unit to establish under a parent, from a day. */
    public record NewSubUnit(String code, UnitKind kind, String name, String nameEn, LocalDate validFrom) {
    }

    private final OrgUnits units;
    private final UnitStore store;
    private final AuditTrail audit;

    UnitEditing(OrgUnits units, UnitStore store, AuditTrail audit) {
        this.units = units;
        this.store = store;
        this.audit = audit;
    }

    /** May units of this kind be kept by hand (not only through official lists)? */
    public static boolean keptByHand(UnitKind kind) {
        return kind.category() == UnitCategory.BODY || kind == UnitKind.VILLAGE || kind == UnitKind.RESIDENTIAL_GROUP;
    }

    /**
     * Establishes a body or residential area under {@code parentId} from {@code validFrom}.
     *
     * @throws InvalidInputException naming each field in error (code, kind, name, validFrom)
     */
    public OrgUnit addSubUnit(long parentId, NewSubUnit form) {
        var problems = new ArrayList<Problem>();
        var code = form.code() == null ? "" : form.code().trim();
        var name = form.name() == null ? "" : VietnameseText.nfc(form.name().trim());
        var from = form.validFrom();
        if (from == null) {
            problems.add(new Problem("validFrom", "validation.required"));
        }
        var parent = units.get(parentId, from == null ? OrgUnits.END_OF_TIME : from);
        if (from != null && !parent.validOn(from)) {
            problems.add(new Problem("validFrom", "unit.edit.parent-not-valid", parent.name()));
        }
        if (code.isEmpty()) {
            problems.add(new Problem("code", "validation.required"));
        } else if (!CODE.matcher(code).matches()) {
            problems.add(new Problem("code", "unit.edit.code-pattern"));
        } else if (from != null && store.codeHeldDuring(code, from, null)) {
            problems.add(new Problem("code", "unit.edit.code-taken", code));
        }
        var level = levelUnder(parent, form.kind());
        if (form.kind() == null) {
            problems.add(new Problem("kind", "validation.required"));
        } else if (!keptByHand(form.kind())) {
            problems.add(new Problem("kind", "unit.edit.official-kind"));
        } else if (level == null || !form.kind().allowedAt(level)) {
            problems.add(new Problem("kind", "unit.edit.kind-not-here", parent.name()));
        }
        if (name.isEmpty()) {
            problems.add(new Problem("name", "validation.required"));
        } else if (name.length() > 200) {
            problems.add(new Problem("name", "validation.too-long", 200));
        } else if (from != null && siblingNamed(parentId, name, from)) {
            problems.add(new Problem("name", "unit.edit.name-taken", name));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = store.reserveIds(1).get(0);
        var nameEn = form.nameEn() == null || form.nameEn().isBlank() ? null : form.nameEn().trim();
        store.insert(List.of(new UnitStore.NewRow(id, code, form.kind(), level, parent.id(), parent.path() + id + "/",
                parent.depth() + 1, from, null, name, nameEn, "user")));
        audit.record("orgunit.created", "org_unit", id, id, null, AuditTrail.fields("code", code, "kind",
                form.kind().name(), "name", name, "parentId", parentId, "validFrom", from.toString()));
        return units.get(id, from);
    }

    /**
     * Renames a body or residential area from a day; the earlier name stays in its history.
     *
     * @throws InvalidInputException naming the field in error (name, validFrom)
     */
    public OrgUnit rename(long unitId, String newName, LocalDate from) {
        var problems = new ArrayList<Problem>();
        var name = newName == null ? "" : VietnameseText.nfc(newName.trim());
        if (from == null) {
            problems.add(new Problem("validFrom", "validation.required"));
            throw new InvalidInputException(problems);
        }
        var unit = units.get(unitId, from.minusDays(1));
        if (!keptByHand(unit.kind())) {
            problems.add(new Problem("name", "unit.edit.official-kind"));
        }
        if (name.isEmpty()) {
            problems.add(new Problem("name", "validation.required"));
        } else if (name.equals(unit.name())) {
            problems.add(new Problem("name", "unit.edit.same-name"));
        }
        if (!unit.validOn(from) || (unit.validFrom() != null && !from.isAfter(unit.validFrom()))) {
            problems.add(new Problem("validFrom", "unit.edit.rename-date"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var change = VietnameseText.sameName(unit.name(), name) ? UnitChange.SPELLING : UnitChange.RENAMED;
        store.changeFrom(unitId, from, unit.kind(), name, unit.nameEn(), change);
        audit.record("orgunit." + change.name().toLowerCase(), "org_unit", unitId, unitId,
                AuditTrail.fields("name", unit.name()), AuditTrail.fields("name", name, "validFrom", from.toString()));
        return units.get(unitId, from);
    }

    /** Bodies sit at their parent's level; residential areas at village level under a commune. */
    private static UnitLevel levelUnder(OrgUnit parent, UnitKind kind) {
        if (kind == null) {
            return null;
        }
        if (kind.category() == UnitCategory.BODY) {
            return parent.level();
        }
        return parent.level() == UnitLevel.COMMUNE && parent.category() == UnitCategory.AREA ? UnitLevel.VILLAGE : null;
    }

    private boolean siblingNamed(long parentId, String name, LocalDate on) {
        return units.children(parentId, on).stream().anyMatch(c -> VietnameseText.sameName(c.name(), name));
    }
}
