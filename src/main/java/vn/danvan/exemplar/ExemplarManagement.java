package vn.danvan.exemplar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.document.DocumentQueries;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.NotFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers models and exemplars and takes them through their life. Every call checks that the
 * user may write in the model's unit (outside scope a model answers as not found), checks the
 * lifecycle rules ({@link ExemplarLifecycle}), saves against the version the user read, writes the
 * model's history and the audit trail in the same transaction.
 */
@Service
@Transactional
public class ExemplarManagement {

    /** A saved model: its id and registry number. */
    public record ExemplarRef(long id, String number) {
    }


    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final OrgUnits units;
    private final AuditTrail audit;
    private final ExemplarFields fields;
    private final DocumentQueries documents;
    private final RegistrationCheck check;
    private final Clock clock;
    private final JsonMapper json;

    ExemplarManagement(JdbcClient jdbc, OrgScope scope, OrgUnits units, AuditTrail audit, ExemplarFields fields,
                       DocumentQueries documents, RegistrationCheck check, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.check = check;
        this.documents = documents;
        this.json = json;
        this.scope = scope;
        this.units = units;
        this.audit = audit;
        this.fields = fields;
        this.clock = clock;
    }

    // ---- registration --------------------------------------------------------------------------

    public ExemplarRef register(ExemplarInput input, CurrentUser user) {
        var in = check.normalised(input);
        check.validate(in, null);
        scope.requireWrite(user, in.unitId(), "unit", in.unitId());
        return insert(in, null, user);
    }

    /**
     * What registering {@code input} would be refused for, without saving anything: the same rules
     * as {@link #register}, and the owner unit outside the user's writable scope as a problem of the
     * field {@code unitId} rather than as "not found". The file import checks every row with it.
     */
    List<Problem> problemsRegistering(ExemplarInput input, CurrentUser user) {
        var in = check.normalised(input);
        var problems = check.problems(in, null);
        if (in.unitId() != null && problems.stream().noneMatch(p -> p.field().equals("unitId"))
                && !scope.canWrite(user, in.unitId())) {
            problems.add(new Problem("unitId", "exemplar.validation.unit-not-writable"));
        }
        return problems;
    }

    /** Changes the registration fields; the status and history stay. */
    public void update(long id, ExemplarInput input, int readVersion, CurrentUser user) {
        var current = load(id, user);
        ExemplarLifecycle.edit(current.status());
        var in = check.normalised(input);
        check.validate(in, current.unitId());
        if (in.unitId() != current.unitId()) {
            scope.requireWrite(user, in.unitId(), "unit", in.unitId());
        }
        var rows = jdbc.sql("""
                update exemplar set kind = :kind, name = :name, unit_id = :unitId, registrant_type = :registrantType,
                    registrant_name = :registrantName, person_name = :personName, person_title = :personTitle,
                    situation = :situation, objectives = :objectives, method = :method, area = :area, forces = :forces,
                    funds_vnd = :fundsVnd, materials = :materials, workdays = :workdays, socialised_vnd = :socialisedVnd,
                    starts_on = :startsOn, ends_on = :endsOn, outputs = :outputs, sustainability = :sustainability,
                    campaign = :campaign, registered_on = :registeredOn, year = :year, public_summary = :publicSummary,
                    version = version + 1, updated_at = now()
                where id = :id and version = :version
                """)
                .params(params(in)).param("id", id).param("version", readVersion).update();
        if (rows == 0) {
            throw new ConflictException("exemplar", current.number());
        }
        saveFields(id, in.fields());
        linkCampaign(id, in.campaign());
        event(id, ExemplarAction.EDIT, LocalDate.now(clock), current.status(), current.status(), null, null, user);
        audit.record("exemplar.updated", "exemplar", id, in.unitId(),
                AuditTrail.fields("name", current.name(), "unit", current.unitId()), AuditTrail.fields("name", in.name(), "unit", in.unitId()));
    }

    // ---- lifecycle -----------------------------------------------------------------------------

    /**
     * Starts, assesses, recognises, marks typical, commends, pauses, resumes or discontinues a model.
     *
     * @return the id of the assessment, recognition or commendation the step made, else null
     */
    public Long step(long id, ExemplarStep step, CurrentUser user) {
        if (step.action() == null) {
            throw new InvalidInputException("action", "validation.required");
        }
        var model = load(id, user);
        scope.requireWrite(user, model.unitId(), "exemplar", id);
        var day = step.day() == null ? LocalDate.now(clock) : step.day();
        if (day.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("day", "exemplar.validation.future-date");
        }
        if (day.isBefore(model.registeredOn())) {
            throw new InvalidInputException("day", "exemplar.validation.before-registration");
        }
        Long related = null;
        ExemplarStatus next;
        switch (step.action()) {
            case START -> next = ExemplarLifecycle.start(model.status());
            case ASSESS -> {
                next = ExemplarLifecycle.assess(model.status());
                related = insertAssessment(id, day, step, user);
            }
            case RECOGNISE -> {
                requireDecision(step, true);
                next = ExemplarLifecycle.recognise(model.status(), lastAssessmentPassed(id), step.level(), day,
                        Boolean.TRUE.equals(step.typical()));
                related = jdbc.sql("""
                        insert into exemplar_recognition (exemplar_id, year, level, typical, decision_number, decision_date, issuer, created_by)
                        values (:id, :year, :level, :typical, :decision, :day, :issuer, :actor) returning id
                        """).param("id", id).param("year", day.getYear()).param("level", step.level().name())
                        .param("typical", Boolean.TRUE.equals(step.typical())).param("decision", step.decisionNumber().strip())
                        .param("day", day).param("issuer", step.issuer().strip()).param("actor", AuditTrail.currentActor())
                        .query(Long.class).single();
            }
            case MARK_TYPICAL -> {
                next = ExemplarLifecycle.markTypical(model.status());
                related = jdbc.sql("""
                        update exemplar_recognition set typical = true
                        where id = (select id from exemplar_recognition where exemplar_id = :id order by decision_date desc, id desc limit 1)
                        returning id
                        """).param("id", id).query(Long.class).single();
            }
            case COMMEND -> {
                requireDecision(step, false);
                next = ExemplarLifecycle.commend(model.status());
                related = jdbc.sql("""
                        insert into exemplar_commendation (exemplar_id, year, form, issuer, decision_number, decision_date, created_by)
                        values (:id, :year, :form, :issuer, :decision, :day, :actor) returning id
                        """).param("id", id).param("year", day.getYear()).param("form", step.form().name())
                        .param("issuer", step.issuer().strip()).param("decision", step.decisionNumber().strip())
                        .param("day", day).param("actor", AuditTrail.currentActor()).query(Long.class).single();
            }
            case PAUSE -> next = ExemplarLifecycle.pause(model.status());
            case RESUME -> next = ExemplarLifecycle.resume(model.status(), model.pausedStatus());
            case DISCONTINUE -> next = ExemplarLifecycle.discontinue(model.status());
            default -> throw new InvalidInputException("action", "validation.bad-value", step.action());
        }
        saveStatus(model, next, step.version());
        event(id, step.action(), day, model.status(), next, step.note(), related, user);
        audit.record("exemplar." + step.action().name().toLowerCase().replace('_', '-'), "exemplar", id, model.unitId(),
                AuditTrail.fields("status", model.status()), AuditTrail.fields("status", next, "day", day, "note", step.note()));
        return related;
    }

    /**
     * Replicates a recognised model in another unit: a new model, registered there, that keeps its
     * lineage to the source; the source shows the replica and counts it.
     */
    public ExemplarRef replicate(long sourceId, long targetUnitId, LocalDate day, String name, Integer readVersion,
                                 CurrentUser user) {
        var source = load(sourceId, user);
        scope.requireWrite(user, targetUnitId, "unit", targetUnitId);
        var on = day == null ? LocalDate.now(clock) : day;
        if (on.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("day", "exemplar.validation.future-date");
        }
        if (targetUnitId == source.unitId()) {
            throw new InvalidInputException("replicaUnitId", "exemplar.rule.replicate-same-unit");
        }
        if (units.find(targetUnitId, on).filter(u -> u.validOn(on)).isEmpty()) {
            throw new InvalidInputException("replicaUnitId", "exemplar.validation.unit-not-valid", dmy(on));
        }
        var next = ExemplarLifecycle.replicate(source.status());
        var input = source.input();
        var copy = new ExemplarInput(input.kind(), name == null || name.isBlank() ? input.name() : name.strip(), targetUnitId,
                input.registrantType(), null, input.kind() == ExemplarKind.INDIVIDUAL ? input.personName() : null, input.personTitle(),
                input.situation(), input.objectives(), input.method(), input.area(), input.forces(), null, input.materials(), null, null,
                on, null, input.outputs(), input.sustainability(), input.campaign(), on, fields.codesOf(sourceId), null);
        var ref = insert(check.normalised(copy), sourceId, user);
        saveStatus(source, next, readVersion);
        jdbc.sql("update exemplar set replica_count = replica_count + 1 where id = :id").param("id", sourceId).update();
        event(sourceId, ExemplarAction.REPLICATE, on, source.status(), next, ref.number(), ref.id(), user);
        audit.record("exemplar.replicated", "exemplar", sourceId, source.unitId(), null,
                AuditTrail.fields("replica", ref.number(), "unit", targetUnitId));
        return ref;
    }

    /** Records the figures of a year (people reached, money and workdays mobilised, land donated …). */
    public void recordResults(long id, int year, Map<ResultMeasure, BigDecimal> values, CurrentUser user) {
        var model = load(id, user);
        scope.requireWrite(user, model.unitId(), "exemplar", id);
        if (year < model.year() || year > LocalDate.now(clock).getYear()) {
            throw new InvalidInputException("year", "exemplar.validation.result-year", String.valueOf(model.year()), String.valueOf(LocalDate.now(clock).getYear()));
        }
        var problems = new ArrayList<Problem>();
        values.forEach((measure, value) -> {
            if (value != null && value.signum() < 0) {
                problems.add(new Problem(measure.name(), "exemplar.validation.negative"));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var saved = new LinkedHashMap<String, Object>();
        values.forEach((measure, value) -> {
            if (value == null) {
                jdbc.sql("delete from exemplar_result where exemplar_id = :id and year = :year and measure = :measure")
                        .param("id", id).param("year", year).param("measure", measure.name()).update();
            } else {
                jdbc.sql("""
                        insert into exemplar_result (exemplar_id, year, measure, value) values (:id, :year, :measure, :value)
                        on conflict (exemplar_id, year, measure) do update set value = excluded.value
                        """).param("id", id).param("year", year).param("measure", measure.name()).param("value", value).update();
            }
            saved.put(measure.name(), value);
        });
        audit.record("exemplar.results-recorded", "exemplar", id, model.unitId(), null, AuditTrail.fields("year", year, "values", saved));
    }

    // ---- internals -----------------------------------------------------------------------------

    /** What a step needs to know of a model: unit, status, version, registration. */
    record Loaded(long id, String number, String name, long unitId, int year, LocalDate registeredOn, ExemplarStatus status,
                  ExemplarStatus pausedStatus, int version, ExemplarInput input) {
    }

    Loaded load(long id, CurrentUser user) {
        var model = jdbc.sql("select * from exemplar where id = :id").param("id", id)
                .query((rs, n) -> new Loaded(rs.getLong("id"), rs.getString("number"), rs.getString("name"), rs.getLong("unit_id"),
                        rs.getInt("year"), rs.getObject("registered_on", LocalDate.class), ExemplarStatus.valueOf(rs.getString("status")),
                        rs.getString("paused_status") == null ? null : ExemplarStatus.valueOf(rs.getString("paused_status")),
                        rs.getInt("version"),
                        new ExemplarInput(ExemplarKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getLong("unit_id"),
                                RegistrantType.valueOf(rs.getString("registrant_type")), rs.getString("registrant_name"),
                                rs.getString("person_name"), rs.getString("person_title"), rs.getString("situation"),
                                rs.getString("objectives"), rs.getString("method"), rs.getString("area"), rs.getString("forces"),
                                (Long) rs.getObject("funds_vnd", Long.class), rs.getString("materials"),
                                (Integer) rs.getObject("workdays", Integer.class), (Long) rs.getObject("socialised_vnd", Long.class),
                                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                                rs.getString("outputs"), rs.getString("sustainability"), rs.getString("campaign"),
                                rs.getObject("registered_on", LocalDate.class), List.of(), rs.getString("public_summary"))))
                .optional().orElseThrow(() -> new NotFoundException("exemplar", id));
        scope.requireRead(user, model.unitId(), "exemplar", id);
        return model;
    }

    private ExemplarRef insert(ExemplarInput in, Long sourceId, CurrentUser user) {
        var seq = jdbc.sql("select nextval('exemplar_number_seq')").query(Long.class).single();
        var number = "%s-%d-%06d".formatted(in.kind().numberPrefix(), in.registeredOn().getYear(), seq);
        var id = jdbc.sql("""
                insert into exemplar (number, kind, name, unit_id, registrant_type, registrant_name, person_name, person_title,
                    situation, objectives, method, area, forces, funds_vnd, materials, workdays, socialised_vnd, starts_on, ends_on,
                    outputs, sustainability, campaign, registered_on, year, status, public_summary, source_id, created_by)
                values (:number, :kind, :name, :unitId, :registrantType, :registrantName, :personName, :personTitle,
                    :situation, :objectives, :method, :area, :forces, :fundsVnd, :materials, :workdays, :socialisedVnd, :startsOn, :endsOn,
                    :outputs, :sustainability, :campaign, :registeredOn, :year, 'REGISTERED', :publicSummary, :sourceId, :actor)
                returning id
                """)
                .params(params(in)).param("number", number).param("sourceId", sourceId)
                .param("actor", AuditTrail.currentActor()).query(Long.class).single();
        saveFields(id, in.fields());
        linkCampaign(id, in.campaign());
        event(id, ExemplarAction.REGISTER, in.registeredOn(), null, ExemplarStatus.REGISTERED, null, sourceId, user);
        audit.record("exemplar.registered", "exemplar", id, in.unitId(), null,
                AuditTrail.fields("number", number, "name", in.name(), "kind", in.kind(), "unit", in.unitId(), "source", sourceId));
        return new ExemplarRef(id, number);
    }

    private static Map<String, Object> params(ExemplarInput in) {
        var p = new LinkedHashMap<String, Object>();
        p.put("kind", in.kind().name());
        p.put("name", in.name());
        p.put("unitId", in.unitId());
        p.put("registrantType", in.registrantType().name());
        p.put("registrantName", in.registrantName());
        p.put("personName", in.kind() == ExemplarKind.INDIVIDUAL ? in.personName() : null);
        p.put("personTitle", in.kind() == ExemplarKind.INDIVIDUAL ? in.personTitle() : null);
        p.put("situation", in.situation());
        p.put("objectives", in.objectives());
        p.put("method", in.method());
        p.put("area", in.area());
        p.put("forces", in.forces());
        p.put("fundsVnd", in.fundsVnd());
        p.put("materials", in.materials());
        p.put("workdays", in.workdays());
        p.put("socialisedVnd", in.socialisedVnd());
        p.put("startsOn", in.startsOn());
        p.put("endsOn", in.endsOn());
        p.put("outputs", in.outputs());
        p.put("sustainability", in.sustainability());
        p.put("campaign", in.campaign());
        p.put("registeredOn", in.registeredOn());
        p.put("year", in.registeredOn().getYear());
        p.put("publicSummary", in.publicSummary());
        return p;
    }

    /** Identifier-like words of a campaign text: "1573-KH/BDVTW-BCSĐCP", "16/CT-TTg", "09/2019/NĐ-CP". */
    private static final java.util.regex.Pattern CITED = java.util.regex.Pattern.compile("\\d+[-/][^\\s,;()“”\"]+");

    /** Links the model to the registered document its campaign text cites, if any (the first one found). */
    private void linkCampaign(long id, String campaign) {
        Long documentId = null;
        if (campaign != null) {
            var cited = CITED.matcher(campaign);
            while (documentId == null && cited.find()) {
                documentId = documents.idByIdentifier(cited.group().replaceAll("[.:]+$", "")).orElse(null);
            }
        }
        jdbc.sql("update exemplar set campaign_document_id = :doc where id = :id").param("doc", documentId).param("id", id).update();
    }

    private void saveFields(long id, List<String> codes) {
        jdbc.sql("delete from exemplar_field_link where exemplar_id = :id").param("id", id).update();
        for (var code : codes) {
            jdbc.sql("insert into exemplar_field_link (exemplar_id, field_code) values (:id, :code)")
                    .param("id", id).param("code", code).update();
        }
    }

    private void saveStatus(Loaded model, ExemplarStatus next, Integer readVersion) {
        var version = readVersion == null ? model.version() : readVersion;
        var rows = jdbc.sql("""
                update exemplar set status = :status, paused_status = :paused, version = version + 1, updated_at = now()
                where id = :id and version = :version
                """).param("status", next.name())
                .param("paused", next == ExemplarStatus.PAUSED ? model.status().name() : null)
                .param("id", model.id()).param("version", version).update();
        if (rows == 0) {
            throw new ConflictException("exemplar", model.number());
        }
    }

    private void event(long id, ExemplarAction action, LocalDate day, ExemplarStatus from, ExemplarStatus to, String note,
                       Long related, CurrentUser user) {
        jdbc.sql("""
                insert into exemplar_event (exemplar_id, action, day, from_status, to_status, note, related_id, actor)
                values (:id, :action, :day, :from, :to, :note, :related, :actor)
                """).param("id", id).param("action", action.name()).param("day", day)
                .param("from", from == null ? null : from.name()).param("to", to.name()).param("note", blankToNull(note))
                .param("related", related).param("actor", user.username()).update();
    }

    private Boolean lastAssessmentPassed(long id) {
        return jdbc.sql("select passed from exemplar_assessment where exemplar_id = :id order by assessed_on desc, id desc limit 1")
                .param("id", id).query(Boolean.class).optional().orElse(null);
    }

    private long insertAssessment(long id, LocalDate day, ExemplarStep step, CurrentUser user) {
        var problems = new ArrayList<Problem>();
        if (step.assessor() == null || step.assessor().isBlank()) {
            problems.add(new Problem("assessor", "validation.required"));
        }
        if (step.criteria().isEmpty()) {
            problems.add(new Problem("criteria", "exemplar.validation.no-criteria"));
        }
        var total = BigDecimal.ZERO;
        var max = BigDecimal.ZERO;
        var rows = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < step.criteria().size(); i++) {
            var c = step.criteria().get(i);
            if (c.name() == null || c.name().isBlank()) {
                problems.add(new Problem("criteria[" + i + "].name", "validation.required"));
                continue;
            }
            if (c.max() == null || c.max().signum() <= 0) {
                problems.add(new Problem("criteria[" + i + "].max", "exemplar.validation.criterion-max", c.name()));
                continue;
            }
            if (c.score() == null || c.score().signum() < 0 || c.score().compareTo(c.max()) > 0) {
                problems.add(new Problem("criteria[" + i + "].score", "exemplar.validation.criterion-score", c.name(), c.max()));
                continue;
            }
            total = total.add(c.score());
            max = max.add(c.max());
            rows.add(Map.of("name", c.name().strip(), "score", c.score(), "max", c.max()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        // Passed when the assessor says so, or else at half the points or more.
        boolean passed = step.passed() != null ? step.passed()
                : total.multiply(BigDecimal.valueOf(2)).compareTo(max) >= 0;
        return jdbc.sql("""
                    insert into exemplar_assessment (exemplar_id, year, assessed_on, assessor, criteria, total, max_total, passed, note, created_by)
                    values (:id, :year, :day, :assessor, cast(:criteria as jsonb), :total, :max, :passed, :note, :actor) returning id
                    """).param("id", id).param("year", day.getYear()).param("day", day).param("assessor", step.assessor().strip())
                    .param("criteria", json.writeValueAsString(rows)).param("total", total.setScale(2, RoundingMode.HALF_UP))
                    .param("max", max.setScale(2, RoundingMode.HALF_UP)).param("passed", passed).param("note", blankToNull(step.note()))
                    .param("actor", user.username()).query(Long.class).single();
    }

    private static void requireDecision(ExemplarStep step, boolean recognition) {
        var problems = new ArrayList<Problem>();
        if (recognition && step.level() == null) {
            problems.add(new Problem("level", "validation.required"));
        }
        if (!recognition && step.form() == null) {
            problems.add(new Problem("form", "validation.required"));
        }
        if (step.decisionNumber() == null || step.decisionNumber().isBlank()) {
            problems.add(new Problem("decisionNumber", "validation.required"));
        }
        if (step.issuer() == null || step.issuer().isBlank()) {
            problems.add(new Problem("issuer", "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    static String dmy(LocalDate day) {
        return day.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
