package vn.danvan.democracy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.democracy.DemocracyViews.DueList;
import vn.danvan.democracy.DemocracyViews.DueRow;
import vn.danvan.democracy.DemocracyViews.ItemView;
import vn.danvan.democracy.DemocracyViews.Saved;
import vn.danvan.democracy.DemocracyViews.UnitRef;
import vn.danvan.democracy.DisclosureRules.Channel;
import vn.danvan.democracy.DisclosureRules.Item;
import vn.danvan.identity.CurrentUser;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;

/**
 * The disclosure register of a commune (Law 10/2022/QH15 Art. 11–12): what was disclosed, of which item
 * of the law's list, for which period, through which channel, from when and until when; and, per period,
 * what the commune was due to disclose and has not, computed from the seeded items.
 */
@Service
@Transactional
class Disclosures {

    record DisclosureInput(Long unitId, String itemCode, String periodKey, Channel channel, String title, LocalDate postedOn,
                           LocalDate postedUntil) {
    }

    private final JdbcClient jdbc;
    private final Communes communes;
    private final AuditTrail audit;
    private final Clock clock;

    Disclosures(JdbcClient jdbc, Communes communes, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.communes = communes;
        this.audit = audit;
        this.clock = clock;
    }

    /** The law's items, in the law's order. */
    @Transactional(readOnly = true)
    public List<ItemView> items() {
        return jdbc.sql("select code, title, title_en, legal_basis, frequency, min_days_posted from democracy_disclosure_item order by sort")
                .query(ItemView.class).list();
    }

    /**
     * Records a disclosure; a notice-board posting shorter than the item's minimum is saved with a warning.
     *
     * @throws InvalidInputException naming each field in error (a period that does not fit the item's frequency…)
     */
    public Saved record(DisclosureInput input, CurrentUser user) {
        var unit = communes.forWrite(input.unitId(), "unitId", user);
        var problems = new ArrayList<Problem>();
        var item = input.itemCode() == null ? null : items().stream().filter(i -> i.code().equals(input.itemCode())).findFirst().orElse(null);
        if (item == null) {
            problems.add(new Problem("itemCode", input.itemCode() == null || input.itemCode().isBlank() ? "validation.required"
                    : "democracy.disclosure.item-unknown"));
        }
        ReportingPeriod period = null;
        try {
            period = ReportingPeriod.parse(input.periodKey(), "periodKey");
        } catch (InvalidInputException invalid) {
            problems.addAll(invalid.problems());
        }
        if (item != null && period != null && !DisclosureRules.periodFits(item.frequency(), period)) {
            problems.add(new Problem("periodKey", "democracy.disclosure.period-frequency." + item.frequency()));
        }
        if (input.channel() == null) {
            problems.add(new Problem("disclosureChannel", "validation.required"));
        }
        Boards.requireText(problems, "disclosureTitle", input.title());
        if (input.postedOn() == null) {
            problems.add(new Problem("postedOn", "validation.required"));
        } else if (input.postedUntil() != null && input.postedUntil().isBefore(input.postedOn())) {
            problems.add(new Problem("postedUntil", "democracy.disclosure.until-before"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var warnings = DisclosureRules.postingTooShort(input.channel(), input.postedOn(), input.postedUntil(), item.minDaysPosted())
                .stream().toList();
        var id = jdbc.sql("""
                        insert into democracy_disclosure (unit_id, item_code, period_key, channel, title, posted_on, posted_until, created_by)
                        values (:unit, :item, :period, :channel, :title, :on, :until, :by) returning id""")
                .param("unit", unit.id()).param("item", item.code()).param("period", period.key()).param("channel", input.channel().name())
                .param("title", input.title().strip()).param("on", input.postedOn()).param("until", input.postedUntil())
                .param("by", user.username()).query(Long.class).single();
        audit.record("democracy.disclosure-recorded", "democracy_disclosure", id, unit.id(), null,
                AuditTrail.fields("item", item.code(), "period", period.key(), "channel", input.channel(), "postedOn", input.postedOn()));
        return new Saved(id, warnings);
    }

    /**
     * Ends a posting (taken down from the notice board on a day); {@code version} is the one the user read.
     *
     * @throws ConflictException when someone saved it meanwhile
     */
    public void takeDown(long disclosureId, LocalDate postedUntil, int version, CurrentUser user) {
        record Row(long unitId, LocalDate postedOn) {
        }
        var row = jdbc.sql("select unit_id, posted_on from democracy_disclosure where id = :id").param("id", disclosureId)
                .query(Row.class).optional().orElseThrow(() -> new vn.danvan.shared.NotFoundException("democracy_disclosure", disclosureId));
        communes.forWrite(row.unitId(), "unitId", user);
        if (postedUntil == null) {
            throw new InvalidInputException("postedUntil", "validation.required");
        }
        if (postedUntil.isBefore(row.postedOn())) {
            throw new InvalidInputException("postedUntil", "democracy.disclosure.until-before");
        }
        int updated = jdbc.sql("""
                        update democracy_disclosure set posted_until = :until, version = version + 1, updated_at = now()
                        where id = :id and version = :version""")
                .param("until", postedUntil).param("id", disclosureId).param("version", version).update();
        if (updated == 0) {
            throw new ConflictException("democracy_disclosure", disclosureId);
        }
        audit.record("democracy.disclosure-taken-down", "democracy_disclosure", disclosureId, row.unitId(), null,
                AuditTrail.fields("postedUntil", postedUntil));
    }

    /** What a commune was due to disclose in a period and has not (no scope check: callers check it). */
    @Transactional(readOnly = true)
    DueList dueList(OrgUnit commune, ReportingPeriod period) {
        var items = items();
        var rules = items.stream().map(i -> new Item(i.code(), i.frequency(), i.minDaysPosted())).toList();
        var byCode = items.stream().collect(Collectors.toMap(ItemView::code, Function.identity()));
        var made = new HashSet<>(jdbc.sql("""
                        select item_code || '|' || period_key
                        from democracy_disclosure
                        where unit_id = :unit
                          and period_key like :year || '%'""")
                .param("unit", commune.id()).param("year", String.valueOf(period.year())).query(String.class).list());
        var obligations = DisclosureRules.obligations(rules, period);
        var today = LocalDate.now(clock);
        var outstanding = DisclosureRules.outstanding(rules, period, made).stream()
                .map(o -> {
                    var i = byCode.get(o.itemCode());
                    return new DueRow(i.code(), i.title(), i.legalBasis(), i.frequency(), o.periodKey(), o.periodEnd(), o.overdueOn(today));
                }).toList();
        return new DueList(new UnitRef(commune.id(), commune.code(), commune.name()), period.key(), obligations.size(),
                obligations.size() - outstanding.size(), outstanding);
    }

    /** The due-list for a commune code the user may read. */
    @Transactional(readOnly = true)
    public DueList dueList(String unitCode, String periodKey, CurrentUser user) {
        var period = ReportingPeriod.parse(periodKey, "period");
        var unit = communes.readable(unitCode, user);
        if (!Communes.isCommune(unit)) {
            throw new InvalidInputException("unitCode", "democracy.unit.not-commune", unit.name());
        }
        return dueList(unit, period);
    }
}
