package vn.danvan.petition;

import java.sql.Types;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.danvan.audit.AuditTrail;
import vn.danvan.shared.ConflictException;

/**
 * The writes of a lifecycle's steps, each in one statement with what the step also writes: a received
 * petition with its case number (the counter's upsert), its RECEIVED step, the receiver's grant and its
 * persons; a new matter with its number and first step; a matter's save with its timeline step, the
 * handler's grants (ASSIGN) and the outcome (DECIDE, CLOSE) — and the step's audit record
 * ({@link AuditTrail#inStatement}). One statement is one round trip: a lifecycle of seven steps writes in 8 statements,
 * audit records included, and reads once (the new handler's account); the last statement of a step carries the step's
 * COMMIT in the same round trip ({@link LastWrites}), and a case this instance saved last is not read before its next
 * step ({@link RecentCases}). 28 statements before.
 */
@Component
class StepWrites {

    /** The number's sequence part, as {@code String.format("%05d", last)}: five digits at least, never cut. */
    private static final String SEQUENCE = "lpad(cast(n.last as text), greatest(5, length(cast(n.last as text))), '0')";

    private static final String COUNTER = """
            n as (
                insert into petition_counter (unit_id, year, kind, last) values (:seriesUnit, :year, :series, 1)
                on conflict (unit_id, year, kind) do update set last = petition_counter.last + 1
                returning last
            )""";

    private final JdbcClient jdbc;
    private final LastWrites last;
    private final RecentCases recent;

    StepWrites(JdbcClient jdbc, LastWrites last, RecentCases recent) {
        this.jdbc = jdbc;
        this.last = last;
        this.recent = recent;
    }

    /** A person of a received petition, identities already encrypted. */
    record NewPerson(PersonRole role, int ordinal, boolean organisation, byte[] name, byte[] address, byte[] phone,
                     byte[] idNumber, String nameKey, String identityHash) {
    }

    /**
     * Inserts a received petition, numbered in the same statement ({@code p.number} and {@code p.id} are set),
     * with its RECEIVED step (its search text is kept by V101's trigger) (the deadline it starts, the reference the step names), its persons and, when
     * {@code grantTo} is given, the receiving officer's right to see the identities, and its audit record (made on
     * the CTE {@code p}, whose {@code number} column is the petition's number).
     */
    void insertReceived(PetitionRecord p, CaseNumbers.Series series, Long grantTo, String actor, String stepDocument,
                        List<NewPerson> persons, AuditTrail.InStatement audit, boolean endsStep) {
        var hex = HexFormat.of();
        var sql = ComposedSql.of("with " + COUNTER + """
                , p as (
                    insert into petition (number, unit_id, received_on, channel, source_name, source_reference,
                        petitioner_kind, signers_count, subject, content, place_unit_id, visit_id, forwarded_from_id,
                        protected, status, content_kind, matter_id, due_on, due_rule, due_rule_version, created_by)
                    values ((select :prefix || """ + SEQUENCE + """
                 from n), :unitId, :receivedOn, :channel, :sourceName, :sourceReference,
                        :petitionerKind, :signersCount, :subject, :content, :placeUnitId, :visitId, :forwardedFromId,
                        :protectedIdentity, 'RECEIVED', :contentKind, :matterId, :dueOn, :dueRule, :dueRuleVersion, :createdBy)
                    returning id, number
                ), granted as (
                    insert into petition_identity_grant (petition_id, account_id, granted_by)
                    select id, :grantTo, :actor from p where cast(:grantTo as bigint) is not null
                ), received as (
                    insert into petition_step (petition_id, matter_id, kind, on_day, actor, document_number, due_on,
                        rule, rule_version)
                    select id, :matterId, 'RECEIVED', :receivedOn, :actor, :stepDocument, :dueOn, :dueRule, :dueRuleVersion
                    from p
                ), persons as (
                    insert into petition_person (petition_id, role, ordinal, organisation, name_cipher, address_cipher,
                        phone_cipher, id_cipher, name_key, identity_hash)
                    select p.id, x.role, x.ordinal, x.organisation, decode(x.name, 'hex'), decode(x.address, 'hex'),
                        decode(x.phone, 'hex'), decode(x.id_number, 'hex'), x.name_key, x.identity_hash
                    from p cross join unnest(cast(:roles as text[]), cast(:ordinals as int[]), cast(:organisations as boolean[]),
                        cast(:names as text[]), cast(:addresses as text[]), cast(:phones as text[]), cast(:idNumbers as text[]),
                        cast(:nameKeys as text[]), cast(:identityHashes as text[]))
                        as x(role, ordinal, organisation, name, address, phone, id_number, name_key, identity_hash)
                )""", audit.cte(), """

                select id, number from p
                """);
        var params = new MapSqlParameterSource()
                .addValue("seriesUnit", series.unitId()).addValue("year", p.receivedOn.getYear()).addValue("series", "petition")
                .addValue("prefix", series.code() + "-" + p.receivedOn.getYear() + "-")
                .addValue("unitId", p.unitId).addValue("receivedOn", p.receivedOn)
                .addValue("channel", p.channel.name()).addValue("sourceName", p.sourceName, Types.VARCHAR)
                .addValue("sourceReference", p.sourceReference, Types.VARCHAR).addValue("petitionerKind", p.petitionerKind.name())
                .addValue("signersCount", p.signersCount).addValue("subject", p.subject).addValue("content", p.content, Types.VARCHAR)
                .addValue("placeUnitId", p.placeUnitId, Types.BIGINT).addValue("visitId", p.visitId, Types.BIGINT)
                .addValue("forwardedFromId", p.forwardedFromId, Types.BIGINT)
                .addValue("protectedIdentity", p.protectedIdentity)
                .addValue("contentKind", p.contentKind == null ? null : p.contentKind.name(), Types.VARCHAR)
                .addValue("matterId", p.matterId, Types.BIGINT).addValue("dueOn", p.dueOn, Types.DATE).addValue("dueRule", p.dueRule, Types.VARCHAR)
                .addValue("dueRuleVersion", p.dueRuleVersion, Types.INTEGER).addValue("createdBy", p.createdBy)
                .addValue("grantTo", grantTo, Types.BIGINT).addValue("actor", actor).addValue("stepDocument", stepDocument, Types.VARCHAR)
                .addValue("roles", persons.stream().map(x -> x.role().name()).toArray(String[]::new))
                .addValue("ordinals", persons.stream().map(NewPerson::ordinal).toArray(Integer[]::new))
                .addValue("organisations", persons.stream().map(NewPerson::organisation).toArray(Boolean[]::new))
                .addValue("names", persons.stream().map(x -> hexOf(hex, x.name())).toArray(String[]::new))
                .addValue("addresses", persons.stream().map(x -> hexOf(hex, x.address())).toArray(String[]::new))
                .addValue("phones", persons.stream().map(x -> hexOf(hex, x.phone())).toArray(String[]::new))
                .addValue("idNumbers", persons.stream().map(x -> hexOf(hex, x.idNumber())).toArray(String[]::new))
                .addValue("nameKeys", persons.stream().map(NewPerson::nameKey).toArray(String[]::new))
                .addValue("identityHashes", persons.stream().map(NewPerson::identityHash).toArray(String[]::new))
                .addValues(audit.params());
        var saved = last.single(sql, params, (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}, endsStep);
        p.id = (long) saved[0];
        p.number = (String) saved[1];
        recent.keep(p);
    }

    private static String hexOf(HexFormat hex, byte[] bytes) {
        return bytes == null ? null : hex.formatHex(bytes);
    }

    /**
     * Inserts a new matter, numbered in the same statement ({@code m.number} and {@code m.id} are set), with its
     * first step: the petition that opened it ({@code note}). That petition ({@code openedFor}) takes the matter in the
     * same transaction, and the matter is written with it already counted (V121).
     */
    void insertMatter(Matter m, CaseNumbers.Series series, int year, LocalDate day, String actor, String note, long openedFor) {
        var saved = jdbc.sql("with " + COUNTER + """
                , m as (
                    insert into petition_matter (number, unit_id, title, content_kind, field, place_unit_id, remote,
                        complexity, round, follow_up, previous_matter_id, status, opened_for, petitions)
                    values ((select :prefix || """ + SEQUENCE + """
                 from n), :unitId, :title, :contentKind, :field, :placeUnitId, :remote,
                        :complexity, :round, :followUp, :previousMatterId, :status, :openedFor, 1)
                    returning id, number
                ), linked as (
                    insert into petition_step (matter_id, kind, on_day, actor, note)
                    select id, 'MATTER_OPENED', :day, :actor, :note from m
                )
                select id, number from m
                """)
                .param("seriesUnit", series.unitId()).param("year", year).param("series", "matter")
                .param("prefix", "VV-" + series.code() + "-" + year + "-")
                .param("day", day, Types.DATE).param("actor", actor).param("note", note, Types.VARCHAR)
                .param("unitId", m.unitId).param("title", m.title)
                .param("contentKind", m.contentKind.name()).param("field", m.field.name())
                .param("placeUnitId", m.placeUnitId, Types.BIGINT).param("remote", m.remote).param("complexity", m.complexity.name())
                .param("round", m.round).param("followUp", m.followUp).param("previousMatterId", m.previousMatterId, Types.BIGINT)
                .param("status", m.status.name())
                .param("openedFor", openedFor)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        m.id = (long) saved[0];
        m.number = (String) saved[1];
        recent.keep(m);
    }

    /**
     * What a matter's step writes besides the matter: its timeline step ({@code kind} null: none), the grants
     * of its petitions' identities to a new handler ({@code grantTo}), the outcome of a decision or of its
     * enforcement ({@code outcomeStage} DECIDED or ENFORCED, completed on {@code day}), the audit record (made on
     * the CTE {@code saved}; null: none).
     */
    record MatterWrite(StepKind kind, LocalDate day, String actor, String note, String documentNumber, Long grantTo,
                       String outcomeStage, Outcome outcome, AuditTrail.InStatement audit, boolean endsStep) {

        static MatterWrite none() {
            return new MatterWrite(null, null, null, null, null, null, null, null, null, false);
        }
    }

    void updateMatter(Matter m, int readVersion) {
        updateMatter(m, readVersion, MatterWrite.none());
    }

    private static final String GRANTED = """
            , granted as (
                insert into petition_identity_grant (petition_id, account_id, granted_by)
                select p.id, :grantTo, :actor from saved join petition p on p.matter_id = saved.id
                on conflict do nothing
            )""";

    /**
     * The step's outcome, written with its matter's unit, kind, state and days as this statement saves them, which the
     * forms select outcomes by (V111, V112): the triggers then write it no second time.
     */
    private static final String OUTCOME = """
            , outcome as (
                insert into petition_outcome (matter_id, stage, recover_money, recover_land, return_org_money,
                    return_org_land, return_person_money, return_person_land, orgs_restored, persons_restored,
                    orgs_disciplined, persons_disciplined, officials_disciplined, cases_transferred,
                    persons_transferred, officials_transferred, completed_on, unit_id, content_kind, status, decided_on, closed_on)
                select saved.id, :stage, :recoverMoney, :recoverLand, :returnOrgMoney, :returnOrgLand,
                    :returnPersonMoney, :returnPersonLand, :orgsRestored, :personsRestored, :orgsDisciplined,
                    :personsDisciplined, :officialsDisciplined, :casesTransferred, :personsTransferred,
                    :officialsTransferred, :day, saved.unit_id, saved.content_kind, saved.status, saved.decided_on, saved.closed_on
                from saved
                on conflict (matter_id, stage) do update set recover_money = excluded.recover_money,
                    recover_land = excluded.recover_land, return_org_money = excluded.return_org_money,
                    return_org_land = excluded.return_org_land, return_person_money = excluded.return_person_money,
                    return_person_land = excluded.return_person_land, orgs_restored = excluded.orgs_restored,
                    persons_restored = excluded.persons_restored, orgs_disciplined = excluded.orgs_disciplined,
                    persons_disciplined = excluded.persons_disciplined, officials_disciplined = excluded.officials_disciplined,
                    cases_transferred = excluded.cases_transferred, persons_transferred = excluded.persons_transferred,
                    officials_transferred = excluded.officials_transferred, completed_on = excluded.completed_on,
                    unit_id = excluded.unit_id, content_kind = excluded.content_kind, status = excluded.status,
                    decided_on = excluded.decided_on, closed_on = excluded.closed_on
            )""";

    /**
     * Saves a matter and, in the same statement, what its step writes ({@link MatterWrite}), the timeline step with
     * the deadline in force after it; {@link ConflictException} when the version moved on, and nothing else then.
     * The matter's new state is its pending state (V118), which {@link MatterStates#apply} writes into the matter's
     * row: the version read is that of the pending state where the matter has one.
     */
    void updateMatter(Matter m, int readVersion, MatterWrite w) {
        var sql = """
                with stored as (
                    select m.id, m.unit_id, coalesce(s.version, m.version) as version
                    from petition_matter m left join petition_matter_pending s on s.id = m.id
                    where m.id = :id
                ), saved as (
                    insert into petition_matter_pending as s (id, unit_id, title, content_kind, field, place_unit_id, remote,
                        complexity, status, suspended_from, accepted_on, acceptance_number, due_on, due_rule, due_rule_version,
                        extensions, handler_id, decided_on, decision_number, result, closed_on, withdrawn_partly, hot_manual,
                        hot_reason, updated_at, version)
                    select stored.id, stored.unit_id, :title, :contentKind, :field, :placeUnitId, :remote, :complexity,
                        :status, :suspendedFrom, :acceptedOn, :acceptanceNumber, :dueOn, :dueRule, :dueRuleVersion,
                        :extensions, :handlerId, :decidedOn, :decisionNumber, :result, :closedOn, :withdrawnPartly, :hotManual,
                        :hotReason, now(), stored.version + 1
                    from stored where stored.version = :version
                    on conflict (id) do update set title = excluded.title, content_kind = excluded.content_kind,
                        field = excluded.field, place_unit_id = excluded.place_unit_id, remote = excluded.remote,
                        complexity = excluded.complexity, status = excluded.status, suspended_from = excluded.suspended_from,
                        accepted_on = excluded.accepted_on, acceptance_number = excluded.acceptance_number,
                        due_on = excluded.due_on, due_rule = excluded.due_rule, due_rule_version = excluded.due_rule_version,
                        extensions = excluded.extensions, handler_id = excluded.handler_id, decided_on = excluded.decided_on,
                        decision_number = excluded.decision_number, result = excluded.result, closed_on = excluded.closed_on,
                        withdrawn_partly = excluded.withdrawn_partly, hot_manual = excluded.hot_manual,
                        hot_reason = excluded.hot_reason, updated_at = excluded.updated_at, version = excluded.version
                    where s.version = :version
                    returning id, due_on, due_rule, due_rule_version, unit_id, content_kind, status, decided_on, closed_on
                ), step as (
                    insert into petition_step (matter_id, kind, on_day, actor, note, document_number, due_on, rule, rule_version)
                    select id, :kind, :day, :actor, :note, :documentNumber, due_on, due_rule, due_rule_version
                    from saved where cast(:kind as text) is not null
                )""";
        sql = ComposedSql.of(sql, w.grantTo() != null ? GRANTED : "", w.outcomeStage() != null ? OUTCOME : "",
                w.audit() != null ? w.audit().cte() : "", """

                select step_saved(count(*)) from saved
                """);
        // Nullable values are bound with their SQL type: an untyped null is sent as "unspecified", a value as its
        // type, and the driver then parses and plans the statement anew whenever a connection's cached statement was
        // prepared with the other (one matter's step has a date or a number that the next one's has not yet).
        var statement = new MapSqlParameterSource()
                .addValue("kind", w.kind() == null ? null : w.kind().name(), Types.VARCHAR).addValue("day", w.day(), Types.DATE)
                .addValue("actor", w.actor(), Types.VARCHAR).addValue("note", w.note(), Types.VARCHAR)
                .addValue("documentNumber", w.documentNumber(), Types.VARCHAR)
                .addValue("title", m.title).addValue("contentKind", m.contentKind.name()).addValue("field", m.field.name())
                .addValue("placeUnitId", m.placeUnitId, Types.BIGINT).addValue("remote", m.remote)
                .addValue("complexity", m.complexity.name()).addValue("status", m.status.name())
                .addValue("suspendedFrom", name(m.suspendedFrom), Types.VARCHAR)
                .addValue("acceptedOn", m.acceptedOn, Types.DATE).addValue("acceptanceNumber", m.acceptanceNumber, Types.VARCHAR)
                .addValue("dueOn", m.dueOn, Types.DATE).addValue("dueRule", m.dueRule, Types.VARCHAR)
                .addValue("dueRuleVersion", m.dueRuleVersion, Types.INTEGER).addValue("extensions", m.extensions)
                .addValue("handlerId", m.handlerId, Types.BIGINT).addValue("decidedOn", m.decidedOn, Types.DATE)
                .addValue("decisionNumber", m.decisionNumber, Types.VARCHAR).addValue("result", name(m.result), Types.VARCHAR)
                .addValue("closedOn", m.closedOn, Types.DATE).addValue("withdrawnPartly", m.withdrawnPartly)
                .addValue("hotManual", m.hotManual).addValue("hotReason", m.hotReason, Types.VARCHAR)
                .addValue("id", m.id).addValue("version", readVersion);
        if (w.grantTo() != null) {
            statement.addValue("grantTo", w.grantTo());
        }
        if (w.audit() != null) {
            statement.addValues(w.audit().params());
        }
        if (w.outcomeStage() != null) {
            var o = w.outcome() == null ? Outcome.none() : w.outcome();
            statement.addValue("stage", w.outcomeStage())
                    .addValue("recoverMoney", o.recoverMoney()).addValue("recoverLand", o.recoverLand())
                    .addValue("returnOrgMoney", o.returnOrgMoney()).addValue("returnOrgLand", o.returnOrgLand())
                    .addValue("returnPersonMoney", o.returnPersonMoney()).addValue("returnPersonLand", o.returnPersonLand())
                    .addValue("orgsRestored", o.orgsRestored()).addValue("personsRestored", o.personsRestored())
                    .addValue("orgsDisciplined", o.orgsDisciplined()).addValue("personsDisciplined", o.personsDisciplined())
                    .addValue("officialsDisciplined", o.officialsDisciplined()).addValue("casesTransferred", o.casesTransferred())
                    .addValue("personsTransferred", o.personsTransferred()).addValue("officialsTransferred", o.officialsTransferred());
        }
        var rows = last.single(sql, statement, (rs, i) -> rs.getLong(1), w.endsStep());
        if (rows == null) {
            throw new ConflictException("matter", m.number);
        }
        m.version = readVersion + 1;
        recent.keep(m);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
