package vn.danvan.petition;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.calendar.LegalDeadlines;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * A petition's processing in its transaction, for {@link PetitionManagement#process}: scope check, classification and
 * handling decision, the matter it opens or joins, the copy forwarded, the timeline steps and the audit record, on the
 * petition read from the database or on the one this instance kept after its last save ({@link RecentCases}).
 */
@Service
@Transactional
class PetitionProcessing {

    private final CaseStore store;
    private final LegalDeadlines deadlines;
    private final OrgScope scope;
    private final OrgUnits units;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseNumbers numbers;
    private final StepWrites writes;

    PetitionProcessing(CaseStore store, LegalDeadlines deadlines, OrgScope scope, OrgUnits units, AuditTrail audit,
                       JdbcClient jdbc, Clock clock, CaseNumbers numbers, StepWrites writes) {
        this.store = store;
        this.deadlines = deadlines;
        this.scope = scope;
        this.units = units;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.numbers = numbers;
        this.writes = writes;
    }

    /** The petition as the database has it now; see {@link PetitionManagement#process}. */
    public PetitionManagement.Processed process(long petitionId, Processing input, CurrentUser user) {
        return process(store.petition(petitionId).orElseThrow(() -> new NotFoundException("petition", petitionId)), input, user);
    }

    /**
     * The petition {@code p} (read, or kept by this instance) processed: saved only when its version is still the one
     * read ({@code input.version()}, or {@code p}'s), else {@link vn.danvan.shared.ConflictException}.
     */
    public PetitionManagement.Processed process(PetitionRecord p, Processing input, CurrentUser user) {
        scope.requireWrite(user, p.unitId, "petition", p.number);
        ProcessingRules.check(input, p.petitionerKind);
        if (p.isProcessed()) {
            throw new InvalidInputException("handling", "petition.already-processed");
        }
        var today = LocalDate.now(clock);
        var before = AuditTrail.fields("status", p.status, "contentKind", p.contentKind, "matter", p.matterId);
        p.contentKind = input.contentKind();
        p.field = input.field();
        p.eligible = input.eligible();
        p.ineligibleReason = input.ineligibleReason();
        p.competence = Boolean.TRUE.equals(input.eligible()) ? input.competence() : null;
        p.handling = input.handling();
        var day = input.day() == null ? today : input.day();
        if (day.isAfter(today) || day.isBefore(p.receivedOn)) {
            throw new InvalidInputException("day", "petition.processing.day-range");
        }
        p.processedOn = day;
        p.status = "PROCESSED";
        if (p.contentKind == ContentKind.DENUNCIATION || p.contentKind == ContentKind.MULTIPLE) {
            if (!p.protectedIdentity) {
                store.hideNameKeys(p.id);
            }
            p.protectedIdentity = true;
        }
        var matter = matterFor(p, input, user);
        p.matterId = matter.id;
        if (p.handling == Handling.FORWARD || p.handling == Handling.URGE) {
            var target = units.find(input.targetUnitId(), today).orElseThrow(() -> new NotFoundException("unit", input.targetUnitId()));
            if (target.id() == p.unitId) {
                throw new InvalidInputException("targetUnitId", "petition.target.same-unit");
            }
            p.forwardedToId = target.id();
        }
        if (p.handling == Handling.FORWARD && p.contentKind == ContentKind.DENUNCIATION) {
            store.denunciationForwardedIn(matter.id, p.id).ifPresent(earlier -> {
                throw new InvalidInputException("handling", "petition.forward.denunciation-once", earlier);
            });
        }
        var audited = audit.inStatement("saved", null, "petition.processed", "petition", p.number, p.unitId, before,
                AuditTrail.fields("status", p.status, "contentKind", p.contentKind, "field", p.field, "eligible", p.eligible,
                        "ineligibleReason", p.ineligibleReason, "competence", p.competence, "handling", p.handling,
                        "forwardedTo", p.forwardedToId, "matter", matter.number));
        // the petition's save ends the step (and commits with it, see LastWrites) unless a referral or a forwarded copy may follow
        var mayRefer = p.handling != Handling.ACCEPT && matter.status == MatterStatus.RECEIVED;
        store.updatePetition(p, input.version() == null ? p.version : input.version(),
                List.of(StepKind.CLASSIFIED, stepOf(p.handling)), p.processedOn, user.username(), input.note(), audited,
                !mayRefer && p.handling != Handling.FORWARD);
        if (mayRefer && onlyPetitionOf(matter.id, p.id)) {
            var read = matter.version;
            matter.refer(p.processedOn);
            writes.updateMatter(matter, read);
        }
        if (p.handling == Handling.FORWARD) {
            forwardCopy(p, user);
        }
        return new PetitionManagement.Processed(p.id, p.number, matter.id, matter.number);
    }

    private Matter matterFor(PetitionRecord p, Processing input, CurrentUser user) {
        if (input.matterId() != null || p.matterId != null) {
            var id = input.matterId() != null ? input.matterId() : p.matterId;
            var matter = store.matter(id).orElseThrow(() -> new NotFoundException("matter", id));
            scope.requireWrite(user, matter.unitId, "matter", matter.number);
            if (matter.unitId != p.unitId) {
                throw new InvalidInputException("matterId", "petition.matter.other-unit");
            }
            return matter;
        }
        var m = new Matter();
        m.unitId = p.unitId;
        m.title = p.subject;
        m.contentKind = p.contentKind;
        m.field = p.field;
        m.placeUnitId = p.placeUnitId;
        m.round = input.round() == null ? 1 : input.round();
        m.followUp = Boolean.TRUE.equals(input.followUp());
        // the petition takes the new matter in this transaction (its save below): counted from the start (V121)
        writes.insertMatter(m, numbers.seriesOf(p.unitId, p.receivedOn), p.receivedOn.getYear(), p.processedOn, user.username(),
                p.number, p.id);
        return m;
    }

    private boolean onlyPetitionOf(long matterId, long petitionId) {
        return jdbc.sql("select count(*) from petition where matter_id = :m and id <> :p")
                .param("m", matterId).param("p", petitionId).query(Long.class).single() == 0;
    }

    /** The copy that arrives at the competent unit, as a petition received there on the same day. */
    private void forwardCopy(PetitionRecord p, CurrentUser user) {
        var copy = new PetitionRecord();
        copy.unitId = p.forwardedToId;
        copy.receivedOn = p.processedOn;
        copy.channel = Channel.AGENCY;
        copy.sourceName = units.find(p.unitId, p.processedOn).map(u -> u.name()).orElse(null);
        copy.sourceReference = p.number;
        copy.petitionerKind = p.petitionerKind;
        copy.signersCount = p.signersCount;
        copy.subject = p.subject;
        copy.content = p.content;
        copy.placeUnitId = p.placeUnitId;
        copy.forwardedFromId = p.id;
        copy.contentKind = p.contentKind;
        copy.protectedIdentity = p.protectedIdentity;
        copy.createdBy = user.username();
        var due = deadlines.deadline(p.contentKind == ContentKind.DENUNCIATION ? "D1" : "P1", copy.receivedOn, false,
                vn.danvan.calendar.Complexity.NORMAL, 0, List.of());
        copy.dueOn = due.due();
        copy.dueRule = due.rule();
        copy.dueRuleVersion = due.ruleVersion();
        writes.insertReceived(copy, numbers.seriesOf(copy.unitId, copy.receivedOn), null, user.username(), p.number, List.of(),
                audit.inStatement("p", "number", "petition.received", "petition", null, copy.unitId, null,
                        AuditTrail.fields("channel", copy.channel, "forwardedFrom", p.number, "dueOn", copy.dueOn)), false);
        store.copyPersons(p.id, copy.id);
    }

    private static StepKind stepOf(Handling handling) {
        return switch (handling) {
            case ACCEPT -> StepKind.LINKED_TO_MATTER;
            case GUIDE -> StepKind.GUIDED;
            case FORWARD -> StepKind.FORWARDED;
            case URGE -> StepKind.URGED;
            case FILE -> StepKind.FILED;
        };
    }
}
