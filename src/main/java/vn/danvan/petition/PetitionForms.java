package vn.danvan.petition;

import java.math.BigDecimal;
import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.form.FormProvider;
import vn.danvan.form.FormQuery;
import vn.danvan.form.FormRecord;
import vn.danvan.form.FormRow;
import vn.danvan.form.FormRows;
import vn.danvan.form.RowKind;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.orgunit.UnitLevel;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * Fills the official forms of Thông tư 02/2021/TT-TTCP (01/TCD … 04/KQGQ) from the records. Every
 * measure is its own filtered aggregate over the records of one source (visits, reception cases,
 * sessions, petitions, replies, petitions received through reception, matters, decisions to enforce);
 * no measure is derived from another, so the identities printed on the forms check the data.
 * Sources are aggregated per unit in one query each; subtotals (per level of unit) and the total are
 * sums of the unit rows.
 *
 * <p>The measures read the classification a record has now, and the dates of its steps against the
 * period: a petition is "carried over" when received before the period and not processed before it; a
 * matter is "finished" on its decision, conclusion, withdrawal or termination day.
 */
@Component
@Transactional(readOnly = true)
class PetitionForms implements FormProvider {

    /**
     * A measure: the source it aggregates, how (count rows, count distinct cases, or sum a column) and
     * the condition on that source's rows. The same condition lists the records behind a figure.
     */
    record Measure(String key, Source source, Aggregate how) {

        String aggregate() {
            return switch (how.kind()) {
                case COUNT -> "count(*) filter (where " + how.condition() + ")";
                case CASES -> "count(distinct case_key) filter (where " + how.condition() + ")";
                case SUM -> "coalesce(sum(" + how.column() + ") filter (where " + how.condition() + "), 0)";
            };
        }

        /** The rows counted by this measure; a sum lists only the rows that add something. */
        String condition() {
            return how.kind() == AggregateKind.SUM ? "(" + how.condition() + ") and " + how.column() + " <> 0" : how.condition();
        }
    }

    enum AggregateKind {
        COUNT, CASES, SUM
    }

    record Aggregate(AggregateKind kind, String column, String condition) {
    }

    enum Source {
        VISIT("""
                select v.unit_id, s.host, v.persons_count, v.crowd,
                       '/reception/sessions/' || s.id as ref, v.summary as label, v.visited_on as day
                from petition_visit v join petition_session s on s.id = v.session_id
                where v.visited_on between :from and :to {units:v}"""),
        /** One row per matter raised in a session (a visit without a matter is its own case). */
        VISIT_CASE("""
                select v.unit_id, s.host, v.session_id, coalesce(v.matter_id, -v.id) as case_key,
                       bool_or(v.first_time) as first_time, bool_or(v.crowd) as crowd,
                       '/reception/sessions/' || v.session_id as case_ref, min(v.summary) as case_label, min(v.visited_on) as day
                from petition_visit v join petition_session s on s.id = v.session_id
                where v.visited_on between :from and :to and not v.refused {units:v}
                group by v.unit_id, s.host, v.session_id, coalesce(v.matter_id, -v.id)"""),
        SESSION("""
                select s.unit_id, s.host, '/reception/sessions/' || s.id as ref,
                       concat_ws(', ', s.host_name, s.host_title, s.place) as label, s.held_on as day
                from petition_session s where s.held_on between :from and :to {units:s}"""),
        PETITION("""
                select p.unit_id,
                       p.received_on < :from as carried,
                       coalesce(p.processed_on between :from and :to, false) as processed,
                       p.petitioner_kind = 'GROUP' or p.signers_count > 1 as many,
                       p.petitioner_kind = 'ANONYMOUS' as anonymous,
                       coalesce(p.processed_on between :from and :to and p.eligible, false) as e,
                       p.content_kind, p.field, p.competence, p.handling,
                       coalesce('m' || p.matter_id, 'p' || p.id) as case_key,
                       coalesce(m.round, 1) as round, coalesce(m.follow_up, false) as follow_up,
                       coalesce(m.accepted_on <= :to, false) as accepted,
                       coalesce(coalesce(m.decided_on, case when m.status in ('WITHDRAWN', 'TERMINATED') then m.closed_on end) <= :to, false) as finished,
                       coalesce(m.status = 'TERMINATED' and m.closed_on <= :to, false) as terminated,
                       '/petitions/' || p.id as ref, p.number || ' — ' || p.subject as label, p.received_on as day,
                       coalesce('/matters/' || m.id, '/petitions/' || p.id) as case_ref,
                       coalesce(m.number || ' — ' || m.title, p.number || ' — ' || p.subject) as case_label
                from petition p left join petition_matter m on m.id = p.matter_id
                where p.received_on <= :to and (p.received_on >= :from or p.processed_on is null or p.processed_on >= :from)
                  {kinds:p} {units:p}"""),
        REPLY("""
                select p.unit_id, '/petitions/' || p.id as ref, p.number || ' — ' || p.subject as label, p.reply_received_on as day
                from petition p
                where p.reply_received_on between :from and :to {kinds:p} {units:p}"""),
        RECEPTION("""
                select p.unit_id, p.content_kind, p.competence, p.handling, coalesce('m' || p.matter_id, 'p' || p.id) as case_key,
                       '/petitions/' || p.id as ref, p.number || ' — ' || p.subject as label, p.received_on as day,
                       coalesce('/matters/' || p.matter_id, '/petitions/' || p.id) as case_ref,
                       p.number || ' — ' || p.subject as case_label
                from petition p
                where (p.visit_id is not null or p.channel = 'RECEPTION') and p.processed_on between :from and :to and p.eligible
                  {units:p}"""),
        RECEPTION_REPLY("""
                select p.unit_id, '/petitions/' || p.id as ref, p.number || ' — ' || p.subject as label, p.reply_received_on as day
                from petition p
                where (p.visit_id is not null or p.channel = 'RECEPTION') and p.reply_received_on between :from and :to {units:p}"""),
        MATTER("""
                select m.unit_id, m.accepted_on < :from as carried, m.follow_up, m.round, m.result,
                       coalesce(m.decided_on between :from and :to, false) as decided,
                       m.status = 'WITHDRAWN' and coalesce(m.closed_on between :from and :to, false) as withdrawn,
                       m.status = 'TERMINATED' and coalesce(m.closed_on between :from and :to, false) as terminated,
                       coalesce(f.finished_on between :from and :to, false) as finished,
                       coalesce(f.finished_on <= m.due_on, true) as on_time,
                       (select count(*) from petition p where p.matter_id = m.id) as petitions,
                       coalesce(o.recover_money, 0) as recover_money, coalesce(o.recover_land, 0) as recover_land,
                       coalesce(o.return_org_money, 0) as return_org_money, coalesce(o.return_org_land, 0) as return_org_land,
                       coalesce(o.return_person_money, 0) as return_person_money, coalesce(o.return_person_land, 0) as return_person_land,
                       coalesce(o.orgs_restored, 0) as orgs_restored, coalesce(o.persons_restored, 0) as persons_restored,
                       coalesce(o.persons_disciplined, 0) as persons_disciplined, coalesce(o.officials_disciplined, 0) as officials_disciplined,
                       coalesce(o.cases_transferred, 0) as cases_transferred, coalesce(o.persons_transferred, 0) as persons_transferred,
                       coalesce(o.officials_transferred, 0) as officials_transferred,
                       '/matters/' || m.id as ref, m.number || ' — ' || m.title as label, coalesce(f.finished_on, m.accepted_on) as day
                from petition_matter m
                cross join lateral (select coalesce(m.decided_on,
                        case when m.status in ('WITHDRAWN', 'TERMINATED') then m.closed_on end) as finished_on) f
                left join petition_outcome o on o.matter_id = m.id and o.stage = 'DECIDED'
                where m.accepted_on <= :to and (f.finished_on is null or f.finished_on >= :from) {kinds:m} {units:m}"""),
        ENFORCEMENT("""
                select m.unit_id, m.status = 'CLOSED' and coalesce(m.closed_on between :from and :to, false) as done,
                       coalesce(d.recover_money, 0) as d_recover_money, coalesce(d.recover_land, 0) as d_recover_land,
                       coalesce(d.return_org_money, 0) as d_return_org_money, coalesce(d.return_org_land, 0) as d_return_org_land,
                       coalesce(d.return_person_money, 0) as d_return_person_money, coalesce(d.return_person_land, 0) as d_return_person_land,
                       coalesce(d.orgs_restored, 0) as d_orgs_restored, coalesce(d.persons_restored, 0) as d_persons_restored,
                       coalesce(e.recover_money, 0) as e_recover_money, coalesce(e.recover_land, 0) as e_recover_land,
                       coalesce(e.return_org_money, 0) as e_return_org_money, coalesce(e.return_org_land, 0) as e_return_org_land,
                       coalesce(e.return_person_money, 0) as e_return_person_money, coalesce(e.return_person_land, 0) as e_return_person_land,
                       coalesce(e.orgs_restored, 0) as e_orgs_restored, coalesce(e.persons_restored, 0) as e_persons_restored,
                       coalesce(e.orgs_disciplined, 0) as e_orgs_disciplined, coalesce(e.persons_disciplined, 0) as e_persons_disciplined,
                       coalesce(e.officials_disciplined, 0) as e_officials_disciplined,
                       coalesce(e.cases_transferred, 0) as e_cases_transferred, coalesce(e.persons_transferred, 0) as e_persons_transferred,
                       coalesce(e.officials_transferred, 0) as e_officials_transferred,
                       '/matters/' || m.id as ref, m.number || ' — ' || m.title as label, m.decided_on as day
                from petition_matter m
                left join petition_outcome d on d.matter_id = m.id and d.stage = 'DECIDED'
                left join petition_outcome e on e.matter_id = m.id and e.stage = 'ENFORCED'
                where m.decided_on <= :to and m.status in ('DECIDED', 'CLOSED') and (m.closed_on is null or m.closed_on >= :from)
                  {kinds:m} {units:m}""");

        final String sql;

        Source(String sql) {
            this.sql = sql;
        }
    }

    static final List<Measure> MEASURES = allMeasures();

    private static List<Measure> allMeasures() {
        var list = new ArrayList<Measure>();
        // 01/TCD: visits, persons and cases per kind of session host.
        list.add(new Measure("visits.total", Source.VISIT, count("true")));
        list.add(new Measure("visits.persons", Source.VISIT, sum("persons_count", "true")));
        list.add(new Measure("visits.cases", Source.VISIT_CASE, count("true")));
        for (var host : List.of("OFFICE", "HEAD", "DELEGATE")) {
            var h = host.toLowerCase(Locale.ROOT);
            var is = "host = '" + host + "'";
            list.add(new Measure("visits." + h + ".visits", Source.VISIT, count(is)));
            list.add(new Measure("visits." + h + ".persons", Source.VISIT, sum("persons_count", is)));
            list.add(new Measure("visits." + h + ".cases.first", Source.VISIT_CASE, count(is + " and first_time")));
            list.add(new Measure("visits." + h + ".cases.repeated", Source.VISIT_CASE, count(is + " and not first_time")));
            list.add(new Measure("visits." + h + ".crowds", Source.VISIT, count(is + " and crowd")));
            list.add(new Measure("visits." + h + ".crowd.persons", Source.VISIT, sum("persons_count", is + " and crowd")));
            list.add(new Measure("visits." + h + ".crowd.cases.first", Source.VISIT_CASE, count(is + " and crowd and first_time")));
            list.add(new Measure("visits." + h + ".crowd.cases.repeated", Source.VISIT_CASE, count(is + " and crowd and not first_time")));
            list.add(new Measure("sessions." + h, Source.SESSION, count(is)));
        }
        // 01/XLD … 04/XLD: petitions by intake, processing, eligibility, content, state and handling.
        list.add(new Measure("petitions.total", Source.PETITION, count("true")));
        for (var when : List.of("carried", "received")) {
            var w = when.equals("carried") ? "carried" : "not carried";
            list.add(new Measure("petitions." + when + ".many", Source.PETITION, count(w + " and many")));
            list.add(new Measure("petitions." + when + ".one", Source.PETITION, count(w + " and not many and not anonymous")));
            list.add(new Measure("petitions." + when + ".other", Source.PETITION, count(w + " and not many and anonymous")));
            list.add(new Measure("petitions." + when + ".single", Source.PETITION, count(w + " and not many")));
        }
        list.add(new Measure("petitions.processed", Source.PETITION, count("processed")));
        list.add(new Measure("petitions.processed.carried", Source.PETITION, count("processed and carried")));
        list.add(new Measure("petitions.processed.received", Source.PETITION, count("processed and not carried")));
        list.add(new Measure("petitions.eligible", Source.PETITION, count("e")));
        list.add(new Measure("petitions.eligible.complaint", Source.PETITION, count("e and content_kind = 'COMPLAINT'")));
        list.add(new Measure("petitions.eligible.denunciation", Source.PETITION, count("e and content_kind = 'DENUNCIATION'")));
        list.add(new Measure("petitions.eligible.recommendation", Source.PETITION, count("e and " + RECOMMENDATION)));
        list.add(new Measure("petitions.eligible.resolved.first", Source.PETITION, count("e and finished and round = 1 and not follow_up")));
        list.add(new Measure("petitions.eligible.resolved.repeat", Source.PETITION, count("e and finished and (round = 2 or follow_up)")));
        list.add(new Measure("petitions.eligible.in-progress", Source.PETITION, count("e and accepted and not finished")));
        list.add(new Measure("petitions.eligible.not-started", Source.PETITION, count("e and not accepted and not finished")));
        list.add(new Measure("petitions.within", Source.PETITION, count("e and competence = 'WITHIN'")));
        list.add(new Measure("petitions.within.complaint", Source.PETITION, count("e and competence = 'WITHIN' and content_kind = 'COMPLAINT'")));
        list.add(new Measure("petitions.within.denunciation", Source.PETITION, count("e and competence = 'WITHIN' and content_kind = 'DENUNCIATION'")));
        list.add(new Measure("petitions.within.recommendation", Source.PETITION, count("e and competence = 'WITHIN' and " + RECOMMENDATION)));
        list.add(new Measure("petitions.outside", Source.PETITION, count("e and competence = 'OUTSIDE'")));
        for (var handling : List.of("GUIDE", "FORWARD", "URGE")) {
            list.add(new Measure("petitions.outside." + handling.toLowerCase(Locale.ROOT), Source.PETITION,
                    count("e and competence = 'OUTSIDE' and handling = '" + handling + "'")));
            list.add(new Measure("cases.outside." + handling.toLowerCase(Locale.ROOT), Source.PETITION,
                    cases("e and competence = 'OUTSIDE' and handling = '" + handling + "'")));
        }
        list.add(new Measure("cases.eligible", Source.PETITION, cases("e")));
        var fields = new LinkedHashMap<String, String>();
        fields.put("admin", "field like 'ADMIN\\_%'");
        fields.put("admin.policy", "field = 'ADMIN_POLICY'");
        fields.put("admin.land", "field = 'ADMIN_LAND'");
        fields.put("admin.civil-service", "field = 'ADMIN_CIVIL_SERVICE'");
        fields.put("admin.other", "field = 'ADMIN_OTHER'");
        fields.put("admin.other-with-civil-service", "field in ('ADMIN_OTHER', 'ADMIN_CIVIL_SERVICE')");
        fields.put("corruption", "field = 'CORRUPTION'");
        fields.put("justice", "field = 'JUSTICE'");
        fields.put("party", "field = 'PARTY'");
        fields.put("other", "field = 'OTHER'");
        fields.put("other-with-corruption", "field in ('OTHER', 'CORRUPTION')");
        fields.put("rest-of-recommendations", "field not in ('ADMIN_POLICY', 'ADMIN_LAND', 'JUSTICE')");
        fields.forEach((name, condition) -> list.add(new Measure("cases.field." + name, Source.PETITION, cases("e and " + condition))));
        list.add(new Measure("cases.finished", Source.PETITION, cases("e and finished")));
        list.add(new Measure("cases.finished.first", Source.PETITION, cases("e and finished and not terminated and round = 1")));
        list.add(new Measure("cases.finished.second", Source.PETITION, cases("e and finished and not terminated and round = 2")));
        list.add(new Measure("cases.terminated", Source.PETITION, cases("e and finished and terminated")));
        list.add(new Measure("cases.in-progress", Source.PETITION, cases("e and accepted and not finished")));
        list.add(new Measure("cases.not-started", Source.PETITION, cases("e and not accepted and not finished")));
        list.add(new Measure("cases.first-time.not-started", Source.PETITION, cases("e and not follow_up and not accepted and not finished")));
        list.add(new Measure("cases.first-time.started", Source.PETITION, cases("e and not follow_up and (accepted or finished)")));
        list.add(new Measure("cases.follow-up.open", Source.PETITION, cases("e and follow_up and not finished")));
        list.add(new Measure("cases.follow-up.finished", Source.PETITION, cases("e and follow_up and finished")));
        list.add(new Measure("cases.within", Source.PETITION, cases("e and competence = 'WITHIN'")));
        list.add(new Measure("cases.within.first", Source.PETITION, cases("e and competence = 'WITHIN' and round = 1")));
        list.add(new Measure("cases.within.second", Source.PETITION, cases("e and competence = 'WITHIN' and round = 2")));
        list.add(new Measure("cases.within.first-time", Source.PETITION, cases("e and competence = 'WITHIN' and not follow_up")));
        list.add(new Measure("cases.within.follow-up", Source.PETITION, cases("e and competence = 'WITHIN' and follow_up")));
        list.add(new Measure("cases.outside", Source.PETITION, cases("e and competence = 'OUTSIDE'")));
        list.add(new Measure("petitions.replies", Source.REPLY, count("true")));
        // 02/TCD: petitions received through citizen reception, eligible, processed in the period.
        list.add(new Measure("reception.petitions", Source.RECEPTION, count("true")));
        list.add(new Measure("reception.cases", Source.RECEPTION, cases("true")));
        for (var kind : Map.of("complaint", "content_kind = 'COMPLAINT'", "denunciation", "content_kind = 'DENUNCIATION'",
                "recommendation", RECOMMENDATION).entrySet()) {
            list.add(new Measure("reception." + kind.getKey() + ".petitions", Source.RECEPTION, count(kind.getValue())));
            list.add(new Measure("reception." + kind.getKey() + ".cases", Source.RECEPTION, cases(kind.getValue())));
        }
        for (var competence : List.of("WITHIN", "OUTSIDE")) {
            var c = competence.toLowerCase(Locale.ROOT);
            list.add(new Measure("reception." + c + ".petitions", Source.RECEPTION, count("competence = '" + competence + "'")));
            list.add(new Measure("reception." + c + ".cases", Source.RECEPTION, cases("competence = '" + competence + "'")));
        }
        for (var handling : List.of("GUIDE", "FORWARD", "URGE")) {
            list.add(new Measure("reception.outside." + handling.toLowerCase(Locale.ROOT), Source.RECEPTION,
                    cases("competence = 'OUTSIDE' and handling = '" + handling + "'")));
        }
        list.add(new Measure("reception.replies", Source.RECEPTION_REPLY, count("true")));
        // 01/KQGQ, 03/KQGQ: matters within competence, their resolution and what decisions ordered.
        list.add(new Measure("matters.petitions", Source.MATTER, sum("petitions", "true")));
        list.add(new Measure("matters.petitions.carried", Source.MATTER, sum("petitions", "carried")));
        list.add(new Measure("matters.petitions.new", Source.MATTER, sum("petitions", "not carried")));
        list.add(new Measure("matters.total", Source.MATTER, count("true")));
        list.add(new Measure("matters.follow-up", Source.MATTER, count("follow_up")));
        list.add(new Measure("matters.finished", Source.MATTER, count("finished")));
        list.add(new Measure("matters.decided", Source.MATTER, count("decided")));
        list.add(new Measure("matters.decided.first-time", Source.MATTER, count("decided and not follow_up")));
        list.add(new Measure("matters.decided.follow-up", Source.MATTER, count("decided and follow_up")));
        list.add(new Measure("matters.withdrawn", Source.MATTER, count("withdrawn")));
        list.add(new Measure("matters.terminated", Source.MATTER, count("terminated")));
        for (var column : List.of("recover_money", "recover_land", "return_org_money", "return_org_land", "return_person_money",
                "return_person_land", "orgs_restored", "persons_restored", "persons_disciplined", "officials_disciplined",
                "cases_transferred", "persons_transferred", "officials_transferred")) {
            list.add(new Measure("matters.ordered." + column.replace('_', '-'), Source.MATTER, sum(column, "decided")));
        }
        for (var result : List.of("RIGHT", "WRONG", "PARTLY_RIGHT", "UPHELD", "ANNULLED")) {
            var r = result.toLowerCase(Locale.ROOT).replace('_', '-');
            list.add(new Measure("matters.result." + r, Source.MATTER, count("decided and result = '" + result + "'")));
            list.add(new Measure("matters.result." + r + ".follow-up", Source.MATTER,
                    count("decided and follow_up and result = '" + result + "'")));
        }
        list.add(new Measure("matters.on-time", Source.MATTER, count("finished and on_time")));
        list.add(new Measure("matters.late", Source.MATTER, count("finished and not on_time")));
        // 02/KQGQ, 04/KQGQ: decisions and conclusions to enforce, and what enforcement achieved.
        list.add(new Measure("enforcement.decisions", Source.ENFORCEMENT, count("true")));
        list.add(new Measure("enforcement.done", Source.ENFORCEMENT, count("done")));
        for (var column : List.of("recover_money", "recover_land", "return_org_money", "return_org_land", "return_person_money",
                "return_person_land", "orgs_restored", "persons_restored")) {
            list.add(new Measure("enforcement.due." + column.replace('_', '-'), Source.ENFORCEMENT, sum("d_" + column, "true")));
        }
        for (var column : List.of("recover_money", "recover_land", "return_org_money", "return_org_land", "return_person_money",
                "return_person_land", "orgs_restored", "persons_restored", "orgs_disciplined", "persons_disciplined",
                "officials_disciplined", "cases_transferred", "persons_transferred", "officials_transferred")) {
            list.add(new Measure("enforcement.done." + column.replace('_', '-'), Source.ENFORCEMENT, sum("e_" + column, "done")));
        }
        return List.copyOf(list);
    }

    private static final String RECOMMENDATION = "content_kind in ('RECOMMENDATION', 'REFLECTION', 'MULTIPLE')";

    private static Aggregate count(String condition) {
        return new Aggregate(AggregateKind.COUNT, null, condition);
    }

    private static Aggregate cases(String condition) {
        return new Aggregate(AggregateKind.CASES, null, condition);
    }

    private static Aggregate sum(String column, String condition) {
        return new Aggregate(AggregateKind.SUM, column, condition);
    }

    private static final Map<String, Measure> BY_KEY = MEASURES.stream()
            .collect(Collectors.toMap(Measure::key, m -> m, (a, b) -> a, LinkedHashMap::new));

    private final JdbcClient jdbc;
    private final OrgUnits units;
    private final OrgScope scope;
    private final CurrentUsers users;
    private final MessageSource messages;
    private final Clock clock;

    PetitionForms(JdbcClient jdbc, OrgUnits units, OrgScope scope, CurrentUsers users, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.scope = scope;
        this.users = users;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "petition";
    }

    @Override
    public Set<String> measures() {
        return BY_KEY.keySet();
    }

    @Override
    public FormRows rows(FormQuery query) {
        var user = users.require();
        var today = LocalDate.now(clock);
        var root = root(query, user.homeUnitId(), today);
        scope.requireRead(user, root.id(), "unit", root.code());
        // The subtree of the unit and of the units that passed into it (merged provinces keep their records).
        List<Long> unitIds = root.parentId() == null ? null : units.idsWithin(units.scopePaths(root.id()));
        var kinds = contentKinds(query.parameters().get("contentKinds"));

        var values = new HashMap<Long, Map<String, BigDecimal>>();
        var bySource = new LinkedHashMap<Source, List<Measure>>();
        for (var key : query.measures()) {
            var measure = BY_KEY.get(key);
            if (measure == null) {
                throw new IllegalArgumentException("unknown measure " + key);
            }
            bySource.computeIfAbsent(measure.source(), s -> new ArrayList<>()).add(measure);
        }
        bySource.forEach((source, measures) -> aggregate(source, measures, query, unitIds, kinds, values));

        var rows = new ArrayList<FormRow>();
        rows.add(new FormRow(RowKind.TOTAL, root.code(), text("petition.form.total", root.name()), 0,
                total(values.values(), query.measures())));
        var collator = Collator.getInstance(Locale.forLanguageTag("vi"));
        var byLevel = new TreeMap<UnitLevel, List<OrgUnit>>();
        var named = units.findAll(values.keySet(), query.to());
        for (var id : values.keySet()) {
            var unit = named.get(id);
            if (unit == null) {
                throw new NotFoundException("unit", id);
            }
            byLevel.computeIfAbsent(unit.level(), l -> new ArrayList<>()).add(unit);
        }
        byLevel.forEach((level, group) -> {
            group.sort(Comparator.comparing(OrgUnit::name, collator));
            rows.add(new FormRow(RowKind.SUBTOTAL, null, text("petition.form.level." + level), 1,
                    total(group.stream().map(u -> values.get(u.id())).toList(), query.measures())));
            for (var u : group) {
                var label = u.validTo() != null && u.validTo().isBefore(today)
                        ? text("petition.form.unit-ended", u.name(), u.validTo().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                        : u.name();
                rows.add(new FormRow(RowKind.UNIT, u.code(), label, 2, values.get(u.id())));
            }
        });
        return new FormRows(root.code(), root.name(), rows);
    }

    @Override
    public List<FormRecord> records(FormQuery query, String measureKey, String rowUnitCode, int limit) {
        var measure = BY_KEY.get(measureKey);
        if (measure == null) {
            throw new IllegalArgumentException("unknown measure " + measureKey);
        }
        var user = users.require();
        var today = LocalDate.now(clock);
        var root = root(query, user.homeUnitId(), today);
        scope.requireRead(user, root.id(), "unit", root.code());
        List<Long> subtree = root.parentId() == null ? null : units.idsWithin(units.scopePaths(root.id()));
        var unitIds = subtree;
        if (rowUnitCode != null) {
            // One unit row: a unit of the reported subtree that held the code (codes are reused: the one
            // valid at the end of the period first).
            var row = units.holdersOf(rowUnitCode).stream()
                    .filter(u -> subtree == null || subtree.contains(u.id()))
                    .max(Comparator.comparing((OrgUnit u) -> u.validOn(query.to())).thenComparing(u -> u.id()))
                    .orElseThrow(() -> new NotFoundException("unit", rowUnitCode));
            unitIds = List.of(row.id());
        }
        var kinds = contentKinds(query.parameters().get("contentKinds"));
        var byCase = measure.how().kind() == AggregateKind.CASES || measure.source() == Source.VISIT_CASE;
        var ref = byCase ? "case_ref" : "ref";
        var label = byCase ? "case_label" : "label";
        var sql = "select " + ref + " as path, min(" + label + ") as label, min(day) as day from (" + from(measure.source(), unitIds, kinds)
                + ") b where " + measure.condition() + " group by " + ref + " order by min(day) desc, " + ref + " limit :limit";
        var spec = jdbc.sql(sql).param("from", query.from()).param("to", query.to()).param("limit", limit);
        if (unitIds != null) {
            spec = spec.param("units", unitIds.toArray(Long[]::new));
        }
        if (kinds != null) {
            spec = spec.param("kinds", kinds.toArray(String[]::new));
        }
        return spec.query((rs, n) -> new FormRecord(rs.getString("path"), rs.getString("label"),
                rs.getObject("day", LocalDate.class))).list();
    }

    /** A source's rows for the units asked (null: every unit) and the form's content kinds (null: all). */
    private static String from(Source source, List<Long> unitIds, List<String> kinds) {
        var from = source.sql;
        for (var alias : List.of("p", "m", "v", "s")) {
            from = from.replace("{units:" + alias + "}", unitIds == null ? "" : "and " + alias + ".unit_id = any(:units)");
            from = from.replace("{kinds:" + alias + "}", kinds == null ? "" : "and " + alias + ".content_kind = any(:kinds)");
        }
        return from;
    }

    private void aggregate(Source source, List<Measure> measures, FormQuery query, List<Long> unitIds, List<String> kinds,
                           Map<Long, Map<String, BigDecimal>> values) {
        var from = from(source, unitIds, kinds);
        var select = new StringBuilder("select b.unit_id");
        for (int i = 0; i < measures.size(); i++) {
            select.append(", ").append(measures.get(i).aggregate()).append(" as m").append(i);
        }
        var sql = select + " from (" + from + ") b group by b.unit_id";
        var spec = jdbc.sql(sql).param("from", query.from()).param("to", query.to());
        if (unitIds != null) {
            spec = spec.param("units", unitIds.toArray(Long[]::new));
        }
        if (kinds != null) {
            spec = spec.param("kinds", kinds.toArray(String[]::new));
        }
        spec.query((RowCallbackHandler) rs -> {
            var unitValues = values.computeIfAbsent(rs.getLong("unit_id"), id -> new HashMap<>());
            for (int i = 0; i < measures.size(); i++) {
                var v = rs.getBigDecimal("m" + i);
                unitValues.put(measures.get(i).key(), v == null ? BigDecimal.ZERO : v);
            }
        });
    }

    private static Map<String, BigDecimal> total(java.util.Collection<Map<String, BigDecimal>> rows, Set<String> measures) {
        var total = new LinkedHashMap<String, BigDecimal>();
        for (var m : measures) {
            total.put(m, rows.stream().map(r -> r.getOrDefault(m, BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        return total;
    }

    private static List<String> contentKinds(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return null;
        }
        var kinds = Arrays.stream(parameter.split(",")).map(String::strip).toList();
        for (var k : kinds) {
            try {
                ContentKind.valueOf(k);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("parameters", "petition.form.content-kind-unknown", k);
            }
        }
        return kinds;
    }

    private OrgUnit root(FormQuery query, long homeUnitId, LocalDate today) {
        if (query.unitCode() != null) {
            return units.findByCode(query.unitCode(), query.to()).or(() -> units.findByCode(query.unitCode(), today))
                    .orElseThrow(() -> new NotFoundException("unit", query.unitCode()));
        }
        long id = query.unitId() != null ? query.unitId() : homeUnitId;
        return find(id, query.to(), today).orElseThrow(() -> new NotFoundException("unit", id));
    }

    private Optional<OrgUnit> find(long id, LocalDate day, LocalDate today) {
        return units.find(id, day).or(() -> units.find(id, today))
                .or(() -> units.versions(id).stream().reduce((a, b) -> b).flatMap(v -> units.find(id, v.validFrom())));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
