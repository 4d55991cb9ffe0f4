package vn.danvan.petition;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.calendar.LegalDeadlines;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.petition.PetitionViews.Due;
import vn.danvan.petition.PetitionViews.UnitRef;
import vn.danvan.petition.PetitionViews.WorkItem;

/** An officer's queue ("Việc của tôi"): what waits in the units the officer may read, the officer's own matters first. */
@Service
@MatterStates.ReadsMatters
@Transactional(readOnly = true)
public class WorkQueue {

    private final JdbcClient jdbc;
    private final LegalDeadlines deadlines;
    private final OrgScope scope;
    private final OrgUnits units;
    private final PetitionSettings settings;
    private final Clock clock;

    WorkQueue(JdbcClient jdbc, LegalDeadlines deadlines, OrgScope scope, OrgUnits units, PetitionSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.scope = scope;
        this.units = units;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * An officer's work: petitions waiting to be processed and matters being resolved in the user's
     * units (the user's own matters first), by due date.
     */
    public List<WorkItem> queue(CurrentUser user, boolean onlyUrgent, int limit) {
        return queue(user, onlyUrgent, 0, limit);
    }

    /**
     * The queue from its {@code offset}-th item on, at most {@code limit} of them: a page of it. The order is total
     * (items of equal keys by type and id), so that the pages of one queue neither repeat nor skip an item.
     */
    public List<WorkItem> queue(CurrentUser user, boolean onlyUrgent, int offset, int limit) {
        var unitIds = scope.readableUnitIds(user);
        var today = LocalDate.now(clock);
        var soon = dueSoonLimit(today);
        var items = new ArrayList<WorkItem>();
        // "mine" is false for a matter without a handler: null sorts first under "desc", above the user's own matters.
        // The order's due date is the one that runs, the one the page shows: a decided or suspended matter keeps the due
        // date of its resolution in its row, and sorted by it, it came among the overdue items with "—" as its due date.
        // The conditions are chosen here, not with "cast(:all as boolean) or …": the driver's prepared statement
        // turns to a generic plan after a few asks, which read every waiting petition of the country and every matter
        // (seq scan, growing with the years of closed matters) for one officer's queue (p95 215 ms at 450,000).
        var petitionUnits = unitIds == null ? "" : " and p.unit_id = any(:units)";
        var matterUnits = unitIds == null ? "" : " and m.unit_id = any(:units)";
        var spec = jdbc.sql("""
                (select 'PETITION' as type, p.id, p.number, p.subject, p.unit_id, p.content_kind, p.status,
                        p.received_on as since, p.due_rule, p.due_rule_version, false as mine, p.due_on as running_due
                 from petition p
                 where p.status = 'RECEIVED'""" + petitionUnits + (onlyUrgent ? " and p.due_on <= :soon" : "") + """
                )
                union all
                (select 'MATTER', m.id, m.number, m.title, m.unit_id, m.content_kind, m.status,
                        coalesce(m.accepted_on, cast(m.created_at as date)), m.due_rule, m.due_rule_version,
                        coalesce(m.handler_id = :me, false),
                        case when m.status in ('ACCEPTED', 'VERIFYING') then m.due_on end
                 from petition_matter m
                 where""" + (onlyUrgent ? " m.status in ('ACCEPTED', 'VERIFYING') and m.due_on <= :soon"
                        : " m.status in ('RECEIVED', 'ACCEPTED', 'VERIFYING', 'SUSPENDED', 'DECIDED')") + matterUnits + """
                )
                order by mine desc, running_due nulls last, since, type, id
                limit :limit offset :offset
                """).param("me", user.id()).param("limit", limit).param("offset", Math.max(0, offset));
        if (unitIds != null) {
            spec = spec.param("units", unitIds.toArray(Long[]::new));
        }
        if (onlyUrgent) {
            spec = spec.param("soon", soon);
        }
        spec
                .query((rs, n) -> {
                    var kind = rs.getString("content_kind");
                    // the due date that runs (the statement's one rule for it): shown, and sorted by
                    return new WorkItem(rs.getString("type"), rs.getLong("id"), rs.getString("number"), rs.getString("subject"),
                            new UnitRef(rs.getLong("unit_id"), null, null), kind == null ? null : ContentKind.valueOf(kind),
                            rs.getString("status"), rs.getObject("since", LocalDate.class),
                            Due.uncounted(rs.getObject("running_due", LocalDate.class), rs.getString("due_rule"),
                                    rs.getInt("due_rule_version")), rs.getBoolean("mine"));
                })
                .list().forEach(items::add);
        // Units named in one query for the whole queue, not one per item; the working days left in one walk over the calendar.
        var named = units.findAll(items.stream().map(i -> i.unit().id()).collect(Collectors.toSet()), today);
        var days = deadlines.dueDays(today, items.stream().filter(i -> i.due() != null).map(i -> i.due().dueOn()).toList());
        return items.stream().map(i -> {
            var u = named.get(i.unit().id());
            return new WorkItem(i.type(), i.id(), i.number(), i.subject(), u == null ? i.unit() : new UnitRef(u.id(), u.code(), u.name()),
                    i.contentKind(), i.status(), i.since(), Due.counted(i.due(), days, settings.dueSoonWorkingDays()), i.assignedToMe());
        }).toList();
    }

    /** The last day counted as "due soon": today plus the configured number of working days. */
    LocalDate dueSoonLimit(LocalDate today) {
        var day = today;
        var left = settings.dueSoonWorkingDays();
        while (left > 0) {
            day = day.plusDays(1);
            if (deadlines.workingDaysLeft(day.minusDays(1), day) == 1) {
                left--;
            }
        }
        return day;
    }
}
