package vn.danvan.petition;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.danvan.audit.AuditTrail;
import vn.danvan.calendar.LegalDeadlines;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.VietnameseText;

/**
 * Receiving and processing petitions (tiếp nhận, phân loại, xử lý đơn): every call checks the
 * user's scope on the unit that holds the petition, saves, writes the step of the timeline and the
 * audit record in one transaction. Identities are encrypted before they reach the database, and the
 * audit trail never holds them.
 */
@Service
@Transactional
public class PetitionManagement {

    static final int MAX_TEXT = 20_000;

    private final CaseStore store;
    private final IdentityVault vault;
    private final LegalDeadlines deadlines;
    private final OrgScope scope;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseNumbers numbers;
    private final StepWrites writes;
    private final CaseWorkers workers;
    private final CasePlaces places;
    private final PetitionProcessing processing;
    private final RecentCases recent;

    PetitionManagement(CaseStore store, IdentityVault vault, LegalDeadlines deadlines, OrgScope scope, AuditTrail audit,
                       JdbcClient jdbc, Clock clock, CaseNumbers numbers, StepWrites writes, CaseWorkers workers, CasePlaces places,
                       PetitionProcessing processing, RecentCases recent) {
        this.store = store;
        this.processing = processing;
        this.recent = recent;
        this.workers = workers;
        this.places = places;
        this.writes = writes;
        this.numbers = numbers;
        this.vault = vault;
        this.deadlines = deadlines;
        this.scope = scope;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A saved petition or matter: its id and its case number. */
    public record CaseRef(long id, String number) {
    }

    /** A processed petition (id, number) and the matter it opened or joined (id, number). */
    public record Processed(long id, String number, long matterId, String matter) {
    }

    /**
     * Receives a petition at a unit. Its processing deadline starts from the day of receipt: 10
     * working days (P1), or 7 for a denunciation (D1).
     *
     * @throws InvalidInputException naming each field in error; nothing is saved
     * @throws NotFoundException when the unit is outside the user's scope (or a linked visit or matter is)
     */
    public CaseRef receive(NewPetition input, CurrentUser user) {
        scope.requireWrite(user, input.unitId(), "unit", input.unitId());
        ProcessingRules.check(input, MAX_TEXT);
        var today = LocalDate.now(clock);
        if (input.receivedOn().isAfter(today)) {
            throw new InvalidInputException("receivedOn", "petition.received-on.future");
        }
        if (input.matterId() != null) {
            var matter = store.matter(input.matterId()).orElseThrow(() -> new NotFoundException("matter", input.matterId()));
            scope.requireWrite(user, matter.unitId, "matter", matter.number);
        }
        var p = new PetitionRecord();
        p.unitId = input.unitId();
        p.receivedOn = input.receivedOn();
        p.channel = input.channel();
        p.sourceName = blankToNull(input.sourceName());
        p.sourceReference = blankToNull(input.sourceReference());
        p.petitionerKind = input.petitionerKind();
        p.signersCount = input.signersCount() == null ? Math.max(1, input.persons().size()) : input.signersCount();
        p.subject = VietnameseText.nfc(input.subject().strip());
        p.content = input.content() == null ? null : VietnameseText.nfc(input.content().strip());
        p.placeUnitId = places.area(input.placeUnitId(), input.receivedOn());
        p.visitId = input.visitId();
        p.matterId = input.matterId();
        p.contentKind = input.declaredKind();
        p.protectedIdentity = input.declaredKind() == ContentKind.DENUNCIATION || input.declaredKind() == ContentKind.MULTIPLE;
        p.createdBy = user.username();
        var rule = input.declaredKind() == ContentKind.DENUNCIATION ? "D1" : "P1";
        var due = deadlines.deadline(rule, p.receivedOn, false, vn.danvan.calendar.Complexity.NORMAL, 0, List.of());
        p.dueOn = due.due();
        p.dueRule = due.rule();
        p.dueRuleVersion = due.ruleVersion();
        writes.insertReceived(p, numbers.seriesOf(p.unitId, p.receivedOn), user.id(), user.username(), p.sourceReference,
                newPersons(input.persons(), p.protectedIdentity), audit.inStatement("p", "number", "petition.received", "petition",
                        null, p.unitId, null, AuditTrail.fields("channel", p.channel, "petitionerKind", p.petitionerKind,
                                "declaredKind", p.contentKind, "subject", p.subject, "dueOn", p.dueOn,
                                "rule", p.dueRule + " v" + p.dueRuleVersion)), true);
        return new CaseRef(p.id, p.number);
    }

    /**
     * Processes a received petition: classification and handling decision. ACCEPT opens (or joins)
     * the matter at this unit, waiting for acceptance; FORWARD sends a copy to the competent unit,
     * where it arrives as a received petition (a denunciation of the same matter is forwarded only
     * once); GUIDE, URGE and FILE end the petition here.
     *
     * <p>When this begins its own transaction, the petition as this instance committed it last ({@link RecentCases}) is
     * processed without reading it: its save is guarded by its version, so when it was saved since elsewhere nothing is
     * saved, and it is processed again as read from the database (so is a petition refused as kept). A caller's
     * transaction is joined, the petition read in it.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Processed process(long petitionId, Processing input, CurrentUser user) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            var kept = recent.petition(petitionId);
            if (kept.isPresent()) {
                try {
                    return processing.process(kept.get(), input, user);
                } catch (ConflictException | InvalidInputException | NotFoundException e) {
                    recent.forgetPetition(petitionId);
                }
            }
        }
        return processing.process(petitionId, input, user);
    }

    /** The competent body's written answer to a forwarded petition (văn bản phúc đáp). */
    public void recordReply(long petitionId, LocalDate day, String note, CurrentUser user) {
        var p = loadForWrite(petitionId, user);
        if (p.handling != Handling.FORWARD && p.handling != Handling.URGE) {
            throw new InvalidInputException("day", "petition.reply.only-forwarded");
        }
        if (day == null || day.isBefore(p.processedOn) || day.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("day", "petition.reply.day-range");
        }
        var read = p.version;
        p.replyReceivedOn = day;
        store.updatePetition(p, read);
        store.step(p.id, p.matterId, StepKind.REPLY_RECEIVED, day, user.username(), note, null, null, null, null);
        audit.record("petition.reply-received", "petition", p.number, p.unitId, null, AuditTrail.fields("replyReceivedOn", day));
    }

    /** A leader of the unit lets another user (or himself) see a protected identity of this case. */
    public void grantIdentity(long petitionId, long accountId, CurrentUser user) {
        var p = loadForWrite(petitionId, user);
        if (!mayGrantIdentity(user, p.unitId)) {
            throw new InvalidInputException("accountId", "petition.identity.only-leaders-grant");
        }
        if (!workers.mayWorkOn(accountId, p.unitId)) {
            // the same rule as a matter's handler: a denouncer's identity goes to no one who cannot work on the case
            throw new InvalidInputException("accountId", "petition.identity.grant-out-of-scope");
        }
        store.grantIdentity(p.id, accountId, user.username());
        store.step(p.id, p.matterId, StepKind.IDENTITY_GRANTED, LocalDate.now(clock), user.username(), null, null, null, null, null);
        audit.record("petition.identity-granted", "petition", p.number, p.unitId, null, AuditTrail.fields("account", accountId));
    }

    /** May the user grant a case of the unit (the sight of its petitions' protected identities)? Its leaders may. */
    public boolean mayGrantIdentity(CurrentUser user, long unitId) {
        return scope.canLead(user, unitId) || user.isSystemAdmin();
    }

    /** May the user see the identity of this petition's persons unmasked? */
    boolean maySeeIdentity(PetitionRecord p, CurrentUser user) {
        return !p.protectedIdentity || store.hasIdentityGrant(p.id, user.id());
    }

    /**
     * The persons of a petition in clear, for a user granted the case. Viewing a protected identity
     * is audited.
     *
     * @throws NotFoundException outside scope
     * @throws InvalidInputException when the identity is protected and the user was not granted the case
     */
    public List<PersonView> revealIdentity(long petitionId, CurrentUser user) {
        var p = store.petition(petitionId).orElseThrow(() -> new NotFoundException("petition", petitionId));
        scope.requireRead(user, p.unitId, "petition", p.number);
        if (!maySeeIdentity(p, user)) {
            throw new InvalidInputException("identity", "petition.identity.not-granted");
        }
        if (p.protectedIdentity) {
            audit.record("petition.identity-viewed", "petition", p.number, p.unitId, null, null);
        }
        return persons(p, true);
    }

    List<PersonView> persons(PetitionRecord p, boolean clear) {
        return store.personsOfPetition(p.id).stream().map(row -> clear
                ? new PersonView(row.role(), row.organisation(), vault.decrypt(row.nameCipher()), vault.decrypt(row.addressCipher()),
                        vault.decrypt(row.phoneCipher()), vault.decrypt(row.idCipher()), false)
                : PersonView.masked(row.role(), row.organisation())).toList();
    }

    /**
     * Petitions of the same petitioner with similar content (accents ignored) in the user's scope:
     * shown to the officer before saving, each with a link.
     */
    @Transactional(readOnly = true)
    public List<LikelyDuplicate> likelyDuplicates(List<PersonInput> persons, String subject, CurrentUser user) {
        var hashes = persons.stream()
                .map(x -> vault.identityHash(x.name(), x.idNumber(), x.phone(), x.address()))
                .filter(h -> h != null).distinct().toList();
        if (hashes.isEmpty() || subject == null || subject.isBlank()) {
            return List.of();
        }
        var readable = scope.readableUnitIds(user);
        return jdbc.sql("""
                select distinct on (p.id) p.id, p.number, p.subject, p.received_on, p.status, m.number as matter_number,
                       similarity(t.search_text, search_key(:subject)) as similarity
                from petition_person x
                join petition p on p.id = x.petition_id
                join petition_text t on t.petition_id = p.id
                left join petition_matter m on m.id = p.matter_id
                where x.identity_hash in (:hashes)
                  and (cast(:all as boolean) or p.unit_id = any(:units))
                  and similarity(t.search_text, search_key(:subject)) >= 0.2
                order by p.id, similarity desc
                limit 10
                """)
                .param("subject", subject).param("hashes", hashes)
                .param("all", readable == null).param("units", readable == null ? new Long[0] : readable.toArray(Long[]::new))
                .query(LikelyDuplicate.class).list();
    }

    /** A petitioner seen before (never a protected one), to fill the intake form. */
    public record ReturningPetitioner(String name, String address, String phone, String idNumber, String lastNumber,
                                      LocalDate lastReceivedOn) {
    }

    /** Petitioners of earlier, unprotected petitions in the user's scope whose name contains the text (accents ignored). */
    @Transactional(readOnly = true)
    public List<ReturningPetitioner> returningPetitioners(String name, CurrentUser user) {
        if (name == null || name.strip().length() < 2) {
            return List.of();
        }
        var readable = scope.readableUnitIds(user);
        return jdbc.sql("""
                select * from (
                    select distinct on (x.identity_hash) x.name_cipher, x.address_cipher, x.phone_cipher, x.id_cipher,
                           p.number, p.received_on
                    from petition_person x join petition p on p.id = x.petition_id
                    where x.name_key like '%' || search_key(:name) || '%'
                      and not p.protected
                      and (cast(:all as boolean) or p.unit_id = any(:units))
                    order by x.identity_hash, p.received_on desc
                ) latest order by received_on desc limit 10
                """)
                .param("name", VietnameseText.withNewTonePlacement(name.strip()))
                .param("all", readable == null).param("units", readable == null ? new Long[0] : readable.toArray(Long[]::new))
                .query((rs, n) -> new ReturningPetitioner(vault.decrypt(rs.getBytes("name_cipher")),
                        vault.decrypt(rs.getBytes("address_cipher")), vault.decrypt(rs.getBytes("phone_cipher")),
                        vault.decrypt(rs.getBytes("id_cipher")), rs.getString("number"), rs.getObject("received_on", LocalDate.class)))
                .list();
    }

    // ---- helpers ------------------------------------------------------------------------------

    PetitionRecord loadForWrite(long petitionId, CurrentUser user) {
        var p = store.petition(petitionId).orElseThrow(() -> new NotFoundException("petition", petitionId));
        scope.requireWrite(user, p.unitId, "petition", p.number);
        return p;
    }

    /** The named persons, numbered in order, their identities encrypted; a name key only for an unprotected petition. */
    private List<StepWrites.NewPerson> newPersons(List<PersonInput> persons, boolean protectedIdentity) {
        var named = new java.util.ArrayList<StepWrites.NewPerson>();
        for (var x : persons) {
            if (x.name() == null || x.name().isBlank()) {
                continue;
            }
            var name = VietnameseText.nfc(x.name().strip());
            named.add(new StepWrites.NewPerson(x.role(), named.size(), x.organisation(), vault.encrypt(name),
                    vault.encrypt(x.address()), vault.encrypt(x.phone()), vault.encrypt(x.idNumber()),
                    protectedIdentity ? null : VietnameseText.searchKey(VietnameseText.withNewTonePlacement(name)),
                    vault.identityHash(name, x.idNumber(), x.phone(), x.address())));
        }
        return named;
    }

    /** Saves visitors' identities of a reception visit, encrypted. */
    void saveVisitors(long visitId, List<PersonInput> persons) {
        for (var x : newPersons(persons, true)) {
            store.insertPerson(null, visitId, x.role(), x.ordinal(), x.organisation(), x.name(), x.address(), x.phone(),
                    x.idNumber(), x.nameKey(), x.identityHash());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
