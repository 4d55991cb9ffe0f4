package vn.danvan.petition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The measures the official forms are filled from, as data: for each, the source of records it
 * aggregates (visits, reception cases, sessions, petitions, replies, petitions received through
 * reception, matters, decisions to enforce), how (count rows, count distinct cases, sum a column) and
 * the condition on the source's rows. The same condition lists the records behind a figure.
 */
final class PetitionMeasures {

    private PetitionMeasures() {
    }

    /** The petition's own columns of the PETITION source: its flags for the period, its classification and its case. */
    private static final String PETITION_OWN = """
                select p.unit_id,
                       p.received_on < :from as carried,
                       coalesce(p.processed_on between :from and :to, false) as processed,
                       p.petitioner_kind = 'GROUP' or p.signers_count > 1 as many,
                       p.petitioner_kind = 'ANONYMOUS' as anonymous,
                       coalesce(p.processed_on between :from and :to and p.eligible, false) as e,
                       p.content_kind, p.field, p.competence, p.handling,
                       coalesce(p.matter_id, -p.id) as case_key""";

    /**
     * A condition that implies the petition was processed in the period — {@code processed} or {@code e} (eligible, as
     * processed in the period) — and reads nothing more than the index on the processing day holds (V103, V105): alone,
     * or and-ed with whether it was carried over or its matter finished. A condition that reads the petition's
     * classification reads the parts of the period instead, whose indexes hold it (V109); through the processing day it
     * read each row from the table, in the order of that day (a country's year of complaints: 3.3 s instead of 0.4 s).
     */
    static final String PROCESSED_IN_PERIOD = "(processed|e)( and (not )?(carried|finished))?";

    /**
     * The PETITION source's flags for the period and its matter's, as the petition carries them (V105: a petition
     * without a matter is a case of its own, in its first round). No matter is joined.
     */
    private static final String PETITION_FACTS = PETITION_OWN + """
                ,
                       coalesce(p.matter_round, 1) as round, coalesce(p.matter_follow_up, false) as follow_up,
                       coalesce(p.matter_accepted_on <= :to, false) as accepted,
                       coalesce(p.matter_finished_on <= :to, false) as finished,
                       coalesce(p.matter_terminated_on <= :to, false) as terminated""";

    /**
     * The columns of the PETITION source read by its lean parts (Source#partsFor): every column a measure reads, without
     * the links and labels of a list of records, so that a part is read from an index alone (V109).
     */
    private static final String LEAN_PETITION = PETITION_FACTS + """

                from petition p
                """;

    /**
     * The PETITION source's columns: its facts with the links and labels that list the records behind a figure; only a
     * list of records reads the matters' labels.
     */
    private static final String PETITION_COLUMNS = PETITION_FACTS + """
                ,
                       '/petitions/' || p.id as ref, p.number || ' — ' || p.subject as label, p.received_on as day,
                       coalesce('/matters/' || p.matter_id, '/petitions/' || p.id) as case_ref,
                       coalesce((select m.number || ' — ' || m.title from petition_matter m where m.id = p.matter_id),
                                p.number || ' — ' || p.subject) as case_label
                from petition p
                """;

    /** The amounts a decision orders (01/KQGQ, 03/KQGQ: source MATTER_ORDERED), columns of {@code petition_outcome}. */
    private static final String ORDERED_AMOUNTS = "recover_money, recover_land, return_org_money, return_org_land, "
            + "return_person_money, return_person_land, orgs_restored, persons_restored, persons_disciplined, "
            + "officials_disciplined, cases_transferred, persons_transferred, officials_transferred";

    /** The amounts due of a decision to enforce (02/KQGQ, 04/KQGQ: source ENFORCEMENT_DUE). */
    private static final String DUE_AMOUNTS = "recover_money, recover_land, return_org_money, return_org_land, "
            + "return_person_money, return_person_land, orgs_restored, persons_restored";

    /** What an enforcement achieved (02/KQGQ, 04/KQGQ: source ENFORCEMENT_DONE). */
    private static final String ENFORCED_AMOUNTS = DUE_AMOUNTS + ", orgs_disciplined, persons_disciplined, "
            + "officials_disciplined, cases_transferred, persons_transferred, officials_transferred";

    /** An outcome's link and its matter's label, for a list of the records behind a figure. */
    private static final String OUTCOME_LINK = """
                '/matters/' || o.matter_id as ref,
                       (select m.number || ' — ' || m.title from petition_matter m where m.id = o.matter_id) as label""";

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
                where v.visited_on between :from and :to {units:v}""", new Lean("(?!.*\\bhost\\b).*", false, """
                select v.unit_id, v.persons_count, v.crowd
                from petition_visit v
                where v.visited_on between :from and :to {units:v}""")),
        /** One row per matter raised in a session (a visit without a matter is its own case). */
        VISIT_CASE("""
                select v.unit_id, s.host, v.session_id, coalesce(v.matter_id, -v.id) as case_key,
                       bool_or(v.first_time) as first_time, bool_or(v.crowd) as crowd,
                       '/reception/sessions/' || v.session_id as case_ref, min(v.summary) as case_label, min(v.visited_on) as day
                from petition_visit v join petition_session s on s.id = v.session_id
                where v.visited_on between :from and :to and not v.refused {units:v}
                group by v.unit_id, s.host, v.session_id, coalesce(v.matter_id, -v.id)"""),
        /** The sessions held: a session published ahead of its day (the head's schedule) counts once its day has come. */
        SESSION("""
                select s.unit_id, s.host, '/reception/sessions/' || s.id as ref,
                       concat_ws(', ', s.host_name, s.host_title, s.place) as label, s.held_on as day
                from petition_session s where s.held_on between :from and :to and s.held_on <= :today {units:s}"""),
        PETITION(PETITION_COLUMNS + """
                where p.received_on <= :to
                  and (p.received_on >= :from
                       or (p.processed_on is null and p.received_on < :from)
                       or (p.processed_on >= :from and p.received_on < :from))
                  {indexed:and (p.received_on >= :from or petition_pending_span(p.received_on, p.processed_on) @> cast(:from as date))} {kinds:p} {units:p}""",
                new Lean(PROCESSED_IN_PERIOD, false, LEAN_PETITION + """
                where p.processed_on between :from and :to and p.received_on <= :to {kinds:p} {units:p}"""),
                new Lean(".*", true, LEAN_PETITION + """
                where p.received_on between :from and :to {kinds:p} {units:p}""", LEAN_PETITION + """
                where petition_pending_span(p.received_on, p.processed_on) @> cast(:from as date) and p.received_on <> :from
                  {kinds:p} {units:p}""")),
        REPLY("""
                select p.unit_id, '/petitions/' || p.id as ref, p.number || ' — ' || p.subject as label, p.reply_received_on as day
                from petition p
                where p.reply_received_on between :from and :to {kinds:p} {units:p}"""),
        RECEPTION("""
                select p.unit_id, p.content_kind, p.competence, p.handling, coalesce(p.matter_id, -p.id) as case_key,
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
        /** Matters within competence open during the period: accepted by its end, not finished before its start. */
        MATTER("""
                select m.unit_id, m.accepted_on < :from as carried, m.follow_up, m.round, m.result,
                       coalesce(m.decided_on between :from and :to, false) as decided,
                       m.status = 'WITHDRAWN' and coalesce(m.closed_on between :from and :to, false) as withdrawn,
                       m.status = 'TERMINATED' and coalesce(m.closed_on between :from and :to, false) as terminated,
                       coalesce(f.finished_on between :from and :to, false) as finished,
                       coalesce(f.finished_on <= m.due_on, true) as on_time,
                       m.petitions,
                       '/matters/' || m.id as ref, m.number || ' — ' || m.title as label, coalesce(f.finished_on, m.accepted_on) as day
                from petition_matter m
                cross join lateral (select coalesce(m.decided_on,
                        case when m.status in ('WITHDRAWN', 'TERMINATED') then m.closed_on end) as finished_on) f
                where m.accepted_on <= :to and (f.finished_on is null or f.finished_on >= :from)
                  {indexed:and petition_matter_open_span(m.accepted_on, m.decided_on, m.status, m.closed_on) && daterange(cast(:from as date), cast(:to as date), '[]')} {kinds:m} {units:m}"""),
        /**
         * What the decisions made in the period ordered: their outcomes alone, which carry their matter's unit, kind and
         * days (V111). A matter decided in the period is open during it, so these are the MATTER source's decided rows.
         */
        MATTER_ORDERED("""
                select o.unit_id,\s""" + ORDERED_AMOUNTS + ", " + OUTCOME_LINK + """
                , o.decided_on as day
                from petition_outcome o
                where o.stage = 'DECIDED' and o.decided_on between :from and :to
                  {indexed:and petition_enforcement_span(o.decided_on, o.closed_on) && daterange(cast(:from as date), cast(:to as date), '[]')} {kinds:o} {units:o}"""),
        /** Decisions and conclusions to enforce during the period: made by its end, not closed before its start. */
        ENFORCEMENT("""
                select m.unit_id, m.status = 'CLOSED' and coalesce(m.closed_on between :from and :to, false) as done,
                       '/matters/' || m.id as ref, m.number || ' — ' || m.title as label, m.decided_on as day
                from petition_matter m
                where m.decided_on <= :to and m.status in ('DECIDED', 'CLOSED') and (m.closed_on is null or m.closed_on >= :from)
                  {indexed:and petition_enforcement_span(m.decided_on, m.closed_on) && daterange(cast(:from as date), cast(:to as date), '[]')} {kinds:m} {units:m}"""),
        /** What the decisions to enforce during the period ordered: the ENFORCEMENT source's rows, read from their outcomes. */
        ENFORCEMENT_DUE("""
                select o.unit_id,\s""" + DUE_AMOUNTS + ", " + OUTCOME_LINK + """
                , o.decided_on as day
                from petition_outcome o
                where o.stage = 'DECIDED' and o.decided_on <= :to and o.status in ('DECIDED', 'CLOSED') and (o.closed_on is null or o.closed_on >= :from)
                  {indexed:and petition_enforcement_span(o.decided_on, o.closed_on) && daterange(cast(:from as date), cast(:to as date), '[]')} {kinds:o} {units:o}"""),
        /** What the enforcements finished in the period achieved: the outcomes of the ENFORCEMENT source's rows done in it. */
        ENFORCEMENT_DONE("""
                select o.unit_id,\s""" + ENFORCED_AMOUNTS + ", " + OUTCOME_LINK + """
                , o.closed_on as day
                from petition_outcome o
                where o.stage = 'ENFORCED' and o.status = 'CLOSED' and o.closed_on between :from and :to and o.decided_on <= :to
                  {kinds:o} {units:o}""");

        final String sql;
        /** The source's lean readings for a total, the first whose condition the measure meets. */
        private final List<Lean> leans;

        Source(String sql, Lean... leans) {
            this.sql = sql;
            this.leans = List.of(leans);
        }

        /**
         * The parts a total of the measure reads: those of the first lean reading the measure meets (see {@link Lean}),
         * else the whole source.
         */
        List<String> partsFor(Measure measure, boolean kinds) {
            return partsFor(List.of(measure), kinds);
        }

        /**
         * The parts a grouped statement of several measures reads: those of the first lean reading that every one of
         * them meets, else the whole source.
         */
        List<String> partsFor(List<Measure> measures, boolean kinds) {
            return leans.stream().filter(lean -> (lean.withKinds() || !kinds)
                            && measures.stream().allMatch(measure -> lean.when().matcher(named(measure)).matches()))
                    .findFirst().map(Lean::parts).orElse(List.of(sql));
        }

        private static String named(Measure measure) {
            return measure.how().condition() + (measure.how().column() == null ? "" : " " + measure.how().column());
        }
    }

    /**
     * For a total ({@code PetitionForms.total}) or a form's rows: a source's rows that a measure can count, as disjoint parts without what
     * the measure does not read. {@code when}: what a measure's condition (and summed column) must be, whole, for it to
     * read these parts. {@code parts}: together exactly the rows of the source that meet such a condition — all of them,
     * or a subset every such condition implies — each read by an index of its own (an index-only scan where the index
     * holds all the part reads). {@code withKinds}: the parts read the content kinds asked as well (else a question for
     * some content kinds reads the whole source).
     * <ul>
     * <li>VISIT, any measure that does not ask the session's host: the visits without their session (there by its
     * foreign key).</li>
     * <li>PETITION, a measure of petitions processed in the period ({@code processed …}, {@code e …}: eligible implies
     * processed) that reads no more than the index on the processing day holds ({@link #PROCESSED_IN_PERIOD}; no content
     * kinds asked): only those, through that index; the source's other rows, received or pending in the period, fail
     * every such condition.</li>
     * <li>PETITION, any other measure: received in the period; received before it and not processed before it — its
     * pending span holds the period's first day and it was not received on that day, the same rows, read through the
     * pending-span index alone (no range of days offered to combine with it). Both indexes hold every column a measure
     * reads (V109), so each part is an index-only scan.</li>
     * </ul>
     * The lean readings serve a form's rows per unit as well ({@code PetitionFormStatements.groupedFrom}): a statement of several
     * measures reads the first lean reading every one of them meets.
     */
    record Lean(Pattern when, boolean withKinds, List<String> parts) {

        Lean(String when, boolean withKinds, String... parts) {
            this(Pattern.compile(when), withKinds, List.of(parts));
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
        for (var column : ORDERED_AMOUNTS.split(", ")) {
            list.add(new Measure("matters.ordered." + column.replace('_', '-'), Source.MATTER_ORDERED, sum(column, "true")));
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
        for (var column : DUE_AMOUNTS.split(", ")) {
            list.add(new Measure("enforcement.due." + column.replace('_', '-'), Source.ENFORCEMENT_DUE, sum(column, "true")));
        }
        for (var column : ENFORCED_AMOUNTS.split(", ")) {
            list.add(new Measure("enforcement.done." + column.replace('_', '-'), Source.ENFORCEMENT_DONE, sum(column, "true")));
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

    static final Map<String, Measure> BY_KEY = MEASURES.stream()
            .collect(Collectors.toMap(Measure::key, m -> m, (a, b) -> a, LinkedHashMap::new));
}
