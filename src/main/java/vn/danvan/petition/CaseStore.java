package vn.danvan.petition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.danvan.audit.AuditTrail;
import vn.danvan.calendar.Complexity;
import vn.danvan.shared.ConflictException;

/**
 * Loads and saves petitions, matters, persons and steps. A save names the version the caller read:
 * when another officer saved in between, nothing is written and {@link ConflictException} says so.
 * The inserts of petitions and matters and the saves of matters, each with what its step also
 * writes, are in {@link StepWrites}.
 */
@Component
class CaseStore {

    private final JdbcClient jdbc;
    private final LastWrites last;
    private final RecentCases recent;

    CaseStore(JdbcClient jdbc, LastWrites last, RecentCases recent) {
        this.jdbc = jdbc;
        this.last = last;
        this.recent = recent;
    }

    // ---- petitions ---------------------------------------------------------------------------

    Optional<PetitionRecord> petition(long id) {
        return jdbc.sql("select * from petition where id = :id").param("id", id).query(CaseStore::petitionRow).optional();
    }

    /** Saves what processing changes; {@link ConflictException} when the version moved on. */
    void updatePetition(PetitionRecord p, int readVersion) {
        updatePetition(p, readVersion, List.of(), null, null, null, null, false);
    }

    /**
     * Saves what processing changes and, in the same statement, the petition's timeline steps of that day
     * (in the order given, for the petition and its matter); {@link ConflictException} when the version
     * moved on, and then no step is written either; with its audit record ({@code audit}, made on the CTE {@code saved};
     * null: none).
     */
    void updatePetition(PetitionRecord p, int readVersion, List<StepKind> steps, LocalDate day, String actor, String note,
                        AuditTrail.InStatement audit, boolean endsStep) {
        var sql = ComposedSql.of("""
                with saved as (
                    update petition set status = :status, content_kind = :contentKind, field = :field, eligible = :eligible,
                        ineligible_reason = :ineligibleReason, competence = :competence, handling = :handling,
                        processed_on = :processedOn, forwarded_to_id = :forwardedToId, reply_received_on = :replyReceivedOn,
                        matter_id = :matterId, protected = :protectedIdentity, due_on = :dueOn, due_rule = :dueRule,
                        due_rule_version = :dueRuleVersion, updated_at = now(), version = version + 1
                    where id = :id and version = :version
                    returning id, matter_id
                ), steps as (
                    insert into petition_step (petition_id, matter_id, kind, on_day, actor, note)
                    select saved.id, saved.matter_id, k.kind, :day, :actor, :note
                    from saved cross join unnest(cast(:kinds as text[])) with ordinality k(kind, n)
                    order by k.n
                )""", audit == null ? "" : audit.cte(), """

                select step_saved(count(*)) from saved
                """);
        var params = new MapSqlParameterSource()
                .addValue("kinds", steps.stream().map(Enum::name).toArray(String[]::new))
                // Nullable values typed, null or not: see StepWrites#updateMatter.
                .addValue("day", day, Types.DATE).addValue("actor", actor, Types.VARCHAR).addValue("note", note, Types.VARCHAR)
                .addValue("status", p.status).addValue("contentKind", name(p.contentKind), Types.VARCHAR)
                .addValue("field", name(p.field), Types.VARCHAR)
                .addValue("eligible", p.eligible, Types.BOOLEAN).addValue("ineligibleReason", name(p.ineligibleReason), Types.VARCHAR)
                .addValue("competence", name(p.competence), Types.VARCHAR).addValue("handling", name(p.handling), Types.VARCHAR)
                .addValue("processedOn", p.processedOn, Types.DATE).addValue("forwardedToId", p.forwardedToId, Types.BIGINT)
                .addValue("replyReceivedOn", p.replyReceivedOn, Types.DATE).addValue("matterId", p.matterId, Types.BIGINT)
                .addValue("protectedIdentity", p.protectedIdentity).addValue("dueOn", p.dueOn, Types.DATE)
                .addValue("dueRule", p.dueRule, Types.VARCHAR)
                .addValue("dueRuleVersion", p.dueRuleVersion, Types.INTEGER).addValue("id", p.id).addValue("version", readVersion)
                .addValues(audit == null ? Map.of() : audit.params());
        var rows = last.single(sql, params, (rs, i) -> rs.getLong(1), endsStep);
        if (rows == null) {
            throw new ConflictException("petition", p.number);
        }
        p.version = readVersion + 1;
        recent.keep(p);
    }

    // ---- matters ------------------------------------------------------------------------------

    /** A matter as it is now (its pending state, V118), and whether it was ever suspended (its suspensions are read only then, see {@link Matter#suspendedEver}). */
    private static final String MATTER = """
            select m.*, exists (select 1 from petition_suspension s where s.matter_id = m.id) as suspended_ever
            from petition_matter_now m
            """;

    Optional<Matter> matter(long id) {
        return jdbc.sql(MATTER + " where m.id = :id").param("id", id).query(CaseStore::matterRow).optional();
    }

    Optional<Matter> matterByNumber(String number) {
        return jdbc.sql(MATTER + " where m.number = :number").param("number", number).query(CaseStore::matterRow).optional();
    }

    List<Suspension> suspensions(long matterId) {
        return jdbc.sql("select from_day, to_day, reason from petition_suspension where matter_id = :id order by from_day")
                .param("id", matterId).query(Suspension.class).list();
    }

    void startSuspension(long matterId, LocalDate from, String reason) {
        jdbc.sql("insert into petition_suspension (matter_id, from_day, reason) values (:id, :from, :reason)")
                .param("id", matterId).param("from", from).param("reason", reason).update();
    }

    void endSuspension(long matterId, LocalDate to) {
        jdbc.sql("update petition_suspension set to_day = :to where matter_id = :id and to_day is null")
                .param("id", matterId).param("to", to).update();
    }

    Optional<Outcome> outcome(long matterId, String stage) {
        return jdbc.sql("select * from petition_outcome where matter_id = :id and stage = :stage")
                .param("id", matterId).param("stage", stage).query(Outcome.class).optional();
    }

    // ---- persons, grants and steps --------------------------------------------------------------

    void insertPerson(Long petitionId, Long visitId, PersonRole role, int ordinal, boolean organisation,
                      byte[] name, byte[] address, byte[] phone, byte[] idNumber, String nameKey, String identityHash) {
        jdbc.sql("""
                insert into petition_person (petition_id, visit_id, role, ordinal, organisation, name_cipher,
                    address_cipher, phone_cipher, id_cipher, name_key, identity_hash)
                values (:petitionId, :visitId, :role, :ordinal, :organisation, :name, :address, :phone, :idNumber,
                    :nameKey, :identityHash)
                """)
                .param("petitionId", petitionId).param("visitId", visitId).param("role", role.name())
                .param("ordinal", ordinal).param("organisation", organisation).param("name", name)
                .param("address", address).param("phone", phone).param("idNumber", idNumber)
                .param("nameKey", nameKey).param("identityHash", identityHash)
                .update();
    }

    record PersonRow(long id, PersonRole role, int ordinal, boolean organisation, byte[] nameCipher,
                     byte[] addressCipher, byte[] phoneCipher, byte[] idCipher, String identityHash) {
    }

    List<PersonRow> personsOfPetition(long petitionId) {
        return jdbc.sql("""
                select id, role, ordinal, organisation, name_cipher, address_cipher, phone_cipher, id_cipher, identity_hash
                from petition_person where petition_id = :id order by ordinal
                """).param("id", petitionId).query(PersonRow.class).list();
    }

    /** Copies the persons of a petition to another (forwarding): ciphertexts as they are. */
    void copyPersons(long fromPetitionId, long toPetitionId) {
        jdbc.sql("""
                insert into petition_person (petition_id, role, ordinal, organisation, name_cipher, address_cipher,
                    phone_cipher, id_cipher, name_key, identity_hash)
                select :to, role, ordinal, organisation, name_cipher, address_cipher, phone_cipher, id_cipher,
                    name_key, identity_hash
                from petition_person where petition_id = :from
                """).param("from", fromPetitionId).param("to", toPetitionId).update();
    }

    /** Hides the clear-text search key of names once a petition turns out to be a denunciation. */
    void hideNameKeys(long petitionId) {
        jdbc.sql("update petition_person set name_key = null where petition_id = :id").param("id", petitionId).update();
    }

    void grantIdentity(long petitionId, long accountId, String grantedBy) {
        jdbc.sql("""
                insert into petition_identity_grant (petition_id, account_id, granted_by) values (:p, :a, :by)
                on conflict do nothing
                """).param("p", petitionId).param("a", accountId).param("by", grantedBy).update();
    }

    boolean hasIdentityGrant(long petitionId, long accountId) {
        return jdbc.sql("select exists (select 1 from petition_identity_grant where petition_id = :p and account_id = :a)")
                .param("p", petitionId).param("a", accountId).query(Boolean.class).single();
    }

    void step(Long petitionId, Long matterId, StepKind kind, LocalDate on, String actor, String note,
              String documentNumber, LocalDate dueOn, String rule, Integer ruleVersion) {
        jdbc.sql("""
                insert into petition_step (petition_id, matter_id, kind, on_day, actor, note, document_number,
                    due_on, rule, rule_version)
                values (:petitionId, :matterId, :kind, :on, :actor, :note, :documentNumber, :dueOn, :rule, :ruleVersion)
                """)
                .param("petitionId", petitionId).param("matterId", matterId).param("kind", kind.name())
                .param("on", on).param("actor", actor).param("note", note).param("documentNumber", documentNumber)
                .param("dueOn", dueOn).param("rule", rule).param("ruleVersion", ruleVersion)
                .update();
    }

    /** Was a denunciation of this matter already forwarded (forwarding happens only once, TT 05/2021 Điều 14)? */
    Optional<String> denunciationForwardedIn(long matterId, long exceptPetitionId) {
        return jdbc.sql("""
                select number from petition
                where matter_id = :matter and id <> :except and handling = 'FORWARD' and content_kind = 'DENUNCIATION'
                order by processed_on limit 1
                """).param("matter", matterId).param("except", exceptPetitionId).query(String.class).optional();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        var value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        var value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Boolean boolOrNull(ResultSet rs, String column) throws SQLException {
        var value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    static PetitionRecord petitionRow(ResultSet rs, int row) throws SQLException {
        var p = new PetitionRecord();
        p.id = rs.getLong("id");
        p.number = rs.getString("number");
        p.unitId = rs.getLong("unit_id");
        p.receivedOn = date(rs, "received_on");
        p.channel = Channel.valueOf(rs.getString("channel"));
        p.sourceName = rs.getString("source_name");
        p.sourceReference = rs.getString("source_reference");
        p.petitionerKind = PetitionerKind.valueOf(rs.getString("petitioner_kind"));
        p.signersCount = rs.getInt("signers_count");
        p.subject = rs.getString("subject");
        p.content = rs.getString("content");
        p.placeUnitId = longOrNull(rs, "place_unit_id");
        p.visitId = longOrNull(rs, "visit_id");
        p.forwardedFromId = longOrNull(rs, "forwarded_from_id");
        p.protectedIdentity = rs.getBoolean("protected");
        p.status = rs.getString("status");
        p.contentKind = enumOf(ContentKind.class, rs.getString("content_kind"));
        p.field = enumOf(Field.class, rs.getString("field"));
        p.eligible = boolOrNull(rs, "eligible");
        p.ineligibleReason = enumOf(IneligibleReason.class, rs.getString("ineligible_reason"));
        p.competence = enumOf(Competence.class, rs.getString("competence"));
        p.handling = enumOf(Handling.class, rs.getString("handling"));
        p.processedOn = date(rs, "processed_on");
        p.forwardedToId = longOrNull(rs, "forwarded_to_id");
        p.replyReceivedOn = date(rs, "reply_received_on");
        p.matterId = longOrNull(rs, "matter_id");
        p.dueOn = date(rs, "due_on");
        p.dueRule = rs.getString("due_rule");
        p.dueRuleVersion = intOrNull(rs, "due_rule_version");
        p.createdBy = rs.getString("created_by");
        p.version = rs.getInt("version");
        return p;
    }

    static Matter matterRow(ResultSet rs, int row) throws SQLException {
        var m = new Matter();
        m.id = rs.getLong("id");
        m.number = rs.getString("number");
        m.unitId = rs.getLong("unit_id");
        m.title = rs.getString("title");
        m.contentKind = ContentKind.valueOf(rs.getString("content_kind"));
        m.field = Field.valueOf(rs.getString("field"));
        m.placeUnitId = longOrNull(rs, "place_unit_id");
        m.remote = rs.getBoolean("remote");
        m.complexity = Complexity.valueOf(rs.getString("complexity"));
        m.round = rs.getInt("round");
        m.followUp = rs.getBoolean("follow_up");
        m.previousMatterId = longOrNull(rs, "previous_matter_id");
        m.status = MatterStatus.valueOf(rs.getString("status"));
        m.suspendedFrom = enumOf(MatterStatus.class, rs.getString("suspended_from"));
        m.acceptedOn = date(rs, "accepted_on");
        m.acceptanceNumber = rs.getString("acceptance_number");
        m.dueOn = date(rs, "due_on");
        m.dueRule = rs.getString("due_rule");
        m.dueRuleVersion = intOrNull(rs, "due_rule_version");
        m.extensions = rs.getInt("extensions");
        m.handlerId = longOrNull(rs, "handler_id");
        m.decidedOn = date(rs, "decided_on");
        m.decisionNumber = rs.getString("decision_number");
        m.result = enumOf(MatterResult.class, rs.getString("result"));
        m.closedOn = date(rs, "closed_on");
        m.withdrawnPartly = rs.getBoolean("withdrawn_partly");
        m.hotManual = rs.getBoolean("hot_manual");
        m.hotReason = rs.getString("hot_reason");
        m.version = rs.getInt("version");
        m.suspendedEver = rs.getBoolean("suspended_ever");
        return m;
    }
}
