package vn.danvan.exemplar;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.danvan.exemplar.ExemplarViews.AssessmentRow;
import vn.danvan.exemplar.ExemplarViews.AttachmentRow;
import vn.danvan.exemplar.ExemplarViews.CommendationRow;
import vn.danvan.exemplar.ExemplarViews.EventRow;
import vn.danvan.exemplar.ExemplarViews.ExemplarDetail;
import vn.danvan.exemplar.ExemplarViews.ExemplarFilter;
import vn.danvan.exemplar.ExemplarViews.ExemplarRow;
import vn.danvan.exemplar.ExemplarViews.LineageRef;
import vn.danvan.exemplar.ExemplarViews.RecognitionRow;
import vn.danvan.exemplar.ExemplarViews.ResultRow;
import vn.danvan.exemplar.ExemplarViews.UnitRef;
import vn.danvan.document.DocumentQueries;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.PageResult;

/**
 * Questions about models: the filtered list of a unit subtree (accent-insensitive search over name,
 * person, registrant and way of working), one model with its history and lineage, an attachment.
 * Everything is limited to the user's scope; outside it a model answers as not found.
 */
@Component
@Transactional(readOnly = true)
public class ExemplarQueries {

    /** Where a counted list stops counting (a filter the tally cannot answer, e.g. by level). */
    public static final int COUNT_CAP = 10_000;
    /** Where a search by words stops counting: "hơn 1.000 mô hình" for a common word, not a count of 100,000 hits. */
    public static final int SEARCH_COUNT_CAP = 1_000;

    /**
     * The year words index's condition of a search by words in the whole country (V84, SearchWords.perYear: one
     * tsquery per year of registration), left out of the page when the hits are many. The search's count asks
     * the years one by one instead ({@link #hitsByYear}).
     */
    private static final String YEAR_WORDS = " and exemplar_year_words(e.year, e.search_text)"
            + " @@ any(array(select cast(unnest(cast(:yearWords as text[])) as tsquery)))";
    /**
     * The same asked of the per-unit words index (V75) within a subtree of up to SearchWords.UNIT_WORDS_LIMIT units.
     * The queries come through a sub-select so that the planner does not estimate each of them against the
     * index's statistics (40–60 ms of planning for a province's 457 units under load); the plan is the same.
     */
    private static final String UNIT_WORDS = " and exemplar_unit_words(e.unit_id, e.search_text)"
            + " @@ any(array(select cast(unnest(cast(:unitWords as text[])) as tsquery)))";

    private static final String LEVEL_ORDER = "array['COMMUNE', 'DISTRICT', 'PROVINCE', 'CENTRAL']";

    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final OrgUnits units;
    private final JsonMapper json;
    private final DocumentQueries documents;
    private final Clock clock;
    private final ExemplarRollup rollup;
    private final ExemplarListRows listRows;

    ExemplarQueries(JdbcClient jdbc, OrgScope scope, OrgUnits units, JsonMapper json, DocumentQueries documents, Clock clock,
                    ExemplarRollup rollup, ExemplarListRows listRows) {
        this.jdbc = jdbc;
        this.listRows = listRows;
        this.rollup = rollup;
        this.documents = documents;
        this.scope = scope;
        this.units = units;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A page of the filter, newest first, with its total: exact when the tally answers the filter
     * (subtree, kind, year and one of field or status: read from the roll-up per year, V68, which also
     * bounds the years the page reads), otherwise counted up to {@link #countCap} + 1 (the list then
     * says "more than"); a search by words then picks its page's plan by that count.
     */
    public PageResult<ExemplarRow> search(ExemplarFilter f, int page, int size, CurrentUser user) {
        var params = new LinkedHashMap<String, Object>();
        var unitIds = unitsFor(f.unitId(), user);
        var where = where(f, unitIds, params);
        long total = 0;
        var measure = tallyMeasure(f);
        List<ExemplarRow> rows = null;
        if (measure != null) {
            // newest first: the page's models were registered in the latest years that hold enough of them
            // (the year of registration is registered_on's), so the page reads those years' models only
            Integer fromYear = null;
            for (var y : rollup.perYear(rollup.split(unitIds), measure, f.year()).entrySet()) {
                var v = y.getValue();
                total += f.kind() == null ? v[0] + v[1] : f.kind() == ExemplarKind.COLLECTIVE ? v[0] : v[1];
                if (fromYear == null && total >= (long) (page + 1) * size) {
                    fromYear = y.getKey();
                }
            }
            if (fromYear != null && f.year() == null) {
                where += " and e.year >= :fromYear";
                params.put("fromYear", fromYear);
            }
        } else if (where.contains(YEAR_WORDS) || where.contains(UNIT_WORDS)) {
            // a search by words: the count reads the hits' ids and days (up to 1,001); with few hits (a name,
            // a common word in a commune) they are all there, and the page is taken from them in the list's
            // order instead of asking the words index a second time
            var hits = where.contains(YEAR_WORDS) ? hitsByYear(where, params)
                    : jdbc.sql("select e.id, e.registered_on from exemplar e " + where + " limit " + (SEARCH_COUNT_CAP + 1))
                            .params(params).query((rs, n) -> new Hit(rs.getLong(1), rs.getObject(2, LocalDate.class))).list();
            total = hits.size();
            if (total <= SEARCH_COUNT_CAP) {
                rows = listRows.byIds(hits.stream().sorted(Hit.NEWEST_FIRST).skip((long) page * size).limit(size).map(Hit::id).toList());
            }
        } else {
            total = jdbc.sql("select count(*) from (select 1 from exemplar e " + where + " limit " + (countCap(f) + 1) + ") c")
                    .params(params).query(Long.class).single();
        }
        if (rows == null) {
            // a list, or a search with many hits (a common word): walk the models newest first and keep the
            // containing ones, twenty are found within a few hundred; the words index would find them all first
            rows = listRows.page(where.replace(YEAR_WORDS, "").replace(UNIT_WORDS, ""), params, "e.registered_on desc, e.id desc", size,
                    (long) page * size);
        }
        // Units named in one query for the page.
        var named = names(rows.stream().map(r -> r.unit().id()).toList());
        var content = rows.stream().map(r -> new ExemplarRow(r.id(), r.number(), r.kind(), r.name(), r.personName(),
                named.get(r.unit().id()), r.year(), r.registeredOn(), r.status(), r.fields(), r.highestLevel(), r.replicaCount(),
                r.sourceNumber())).toList();
        return new PageResult<>(content, total, page, size);
    }

    /**
     * The hits of a search by words in the whole country, up to 1,001: one branch per year of registration, newest
     * first, each asking the year words index (V84) for that year's terms only; the statement stops reading
     * once it holds 1,001 (the later branches never run). A common theme costs one year's postings, a name all
     * the years' few.
     */
    private List<Hit> hitsByYear(String where, Map<String, Object> params) {
        var queries = (String[]) params.get("yearWords");
        if (queries.length == 0) {
            return List.of();
        }
        var sql = new StringBuilder("select h.id, h.registered_on from (\n");
        var branchParams = new LinkedHashMap<>(params);
        for (int i = 0; i < queries.length; i++) {
            sql.append(i == 0 ? "" : "\nunion all\n").append("(select e.id, e.registered_on from exemplar e ")
                    .append(where.replace(YEAR_WORDS, " and exemplar_year_words(e.year, e.search_text) @@ cast(:yearWords" + i
                            + " as tsquery)")).append(')');
            branchParams.put("yearWords" + i, queries[i]);
        }
        sql.append("\n) h limit ").append(SEARCH_COUNT_CAP + 1);
        return jdbc.sql(sql.toString()).params(branchParams)
                .query((rs, n) -> new Hit(rs.getLong(1), rs.getObject(2, LocalDate.class))).list();
    }

    /** A model found by a search's count: its id and day of registration. */
    private record Hit(long id, LocalDate registeredOn) {
        static final java.util.Comparator<Hit> NEWEST_FIRST = java.util.Comparator.comparing(Hit::registeredOn)
                .thenComparingLong(Hit::id).reversed();
    }

    /** A model as the list file shows it: every column of the registry that matters, in one row. */
    public record ExportRow(String number, ExemplarKind kind, String name, String personName, String personTitle, UnitRef unit,
                            RegistrantType registrantType, String registrantName, List<String> fields, LocalDate registeredOn,
                            int year, ExemplarStatus status, RecognitionLevel highestLevel, Integer highestLevelYear,
                            List<String> commendations, int replicaCount, String sourceNumber, Long fundsVnd, Long socialisedVnd,
                            Integer workdays, LocalDate startsOn, LocalDate endsOn) {
    }

    /**
     * Every model of the filter (not a page), newest first, up to {@code limit} rows; the list file
     * writes them. Commendations come as "FORM|year" pairs, oldest first.
     */
    public List<ExportRow> exportRows(ExemplarFilter f, int limit, CurrentUser user) {
        var params = new LinkedHashMap<String, Object>();
        var where = where(f, user, params);
        var rows = jdbc.sql("""
                select e.number, e.kind, e.name, e.person_name, e.person_title, e.unit_id, e.registrant_type, e.registrant_name,
                       e.registered_on, e.year, e.status, e.replica_count, e.funds_vnd, e.socialised_vnd, e.workdays,
                       e.starts_on, e.ends_on,
                       array(select l.field_code from exemplar_field_link l join exemplar_field x on x.code = l.field_code
                             where l.exemplar_id = e.id order by x.sort_order) as fields,
                       hl.level as highest_level, hl.year as highest_year,
                       array(select c.form || '|' || c.year from exemplar_commendation c where c.exemplar_id = e.id
                             order by c.decision_date, c.id) as commendations,
                       (select s.number from exemplar s where s.id = e.source_id) as source_number
                from exemplar e
                left join lateral (select r.level, r.year from exemplar_recognition r where r.exemplar_id = e.id
                                   order by array_position(%s, r.level) desc, r.year desc limit 1) hl on true
                """.formatted(LEVEL_ORDER) + where + """

                order by e.registered_on desc, e.id desc
                limit :limit
                """).params(params).param("limit", limit)
                .query((rs, n) -> new ExportRow(rs.getString("number"), ExemplarKind.valueOf(rs.getString("kind")), rs.getString("name"),
                        rs.getString("person_name"), rs.getString("person_title"), new UnitRef(rs.getLong("unit_id"), null, null),
                        RegistrantType.valueOf(rs.getString("registrant_type")), rs.getString("registrant_name"),
                        strings(rs.getArray("fields")), rs.getObject("registered_on", LocalDate.class), rs.getInt("year"),
                        ExemplarStatus.valueOf(rs.getString("status")),
                        rs.getString("highest_level") == null ? null : RecognitionLevel.valueOf(rs.getString("highest_level")),
                        (Integer) rs.getObject("highest_year", Integer.class), strings(rs.getArray("commendations")),
                        rs.getInt("replica_count"), rs.getString("source_number"), (Long) rs.getObject("funds_vnd", Long.class),
                        (Long) rs.getObject("socialised_vnd", Long.class), (Integer) rs.getObject("workdays", Integer.class),
                        rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class)))
                .list();
        var named = names(rows.stream().map(r -> r.unit().id()).distinct().toList());
        return rows.stream().map(r -> new ExportRow(r.number(), r.kind(), r.name(), r.personName(), r.personTitle(),
                named.get(r.unit().id()), r.registrantType(), r.registrantName(), r.fields(), r.registeredOn(), r.year(), r.status(),
                r.highestLevel(), r.highestLevelYear(), r.commendations(), r.replicaCount(), r.sourceNumber(), r.fundsVnd(),
                r.socialisedVnd(), r.workdays(), r.startsOn(), r.endsOn())).toList();
    }

    /** Up to where the list counts the filter's models: every one when the tally answers it. */
    public long countCap(ExemplarFilter f) {
        return tallyMeasure(f) != null ? Long.MAX_VALUE : hasText(f) ? SEARCH_COUNT_CAP : COUNT_CAP;
    }

    /** The tally's measure whose sum is the filter's count, or null when the tally cannot answer it. */
    private static String tallyMeasure(ExemplarFilter f) {
        if (hasText(f) || f.level() != null || (f.field() != null && !f.field().isBlank() && f.status() != null)) {
            return null;
        }
        return f.field() != null && !f.field().isBlank() ? "FIELD:" + f.field()
                : f.status() != null ? "STATUS:" + f.status().name() : "REGISTERED";
    }

    private static boolean hasText(ExemplarFilter f) {
        return f.text() != null && !f.text().isBlank();
    }

    /** The filter as SQL over {@code exemplar e}, within the user's scope; fills {@code params}. */
    private String where(ExemplarFilter f, CurrentUser user, Map<String, Object> params) {
        return where(f, unitsFor(f.unitId(), user), params);
    }

    private String where(ExemplarFilter f, List<Long> unitIds, Map<String, Object> params) {
        var where = new StringBuilder("where true");
        if (unitIds != null) {
            where.append(" and e.unit_id = any(:units)");
            params.put("units", unitIds.toArray(Long[]::new));
        }
        if (hasText(f)) {
            // the words index narrows to the models holding the whole words typed, the containment check
            // (strpos: not the trigram index, which would be read for nothing) keeps the exact hits
            // a subtree of a few thousand units asks each unit's words (V75), the whole country each year's words and pairs (V84)
            var perUnit = unitIds != null && unitIds.size() <= SearchWords.UNIT_WORDS_LIMIT;
            var words = perUnit ? SearchWords.query(f.text()) : null;
            var terms = perUnit ? null : SearchWords.terms(f.text());
            if (words != null || terms != null) {
                // text with a space is no model's number (MH-2026-000123); the words stay the index's condition
                // only, so that the rows it finds are not parsed again
                where.append(" and strpos(e.search_text, search_key(:text)) > 0");
                if (perUnit) {
                    where.append(UNIT_WORDS);
                    params.put("unitWords", SearchWords.perUnit(words, unitIds));
                } else {
                    where.append(YEAR_WORDS);
                    params.put("yearWords", SearchWords.perYear(terms, listRows.yearsNewestFirst(f.year())));
                }
            } else {
                where.append(" and (e.search_text like '%' || search_key(:text) || '%' or e.number = upper(:text))");
            }
            params.put("text", f.text().strip());
        }
        if (f.kind() != null) {
            where.append(" and e.kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (f.field() != null && !f.field().isBlank()) {
            where.append(" and exists (select 1 from exemplar_field_link l where l.exemplar_id = e.id and l.field_code = :field)");
            params.put("field", f.field());
        }
        if (f.status() != null) {
            where.append(" and e.status = :status");
            params.put("status", f.status().name());
        }
        if (f.year() != null) {
            where.append(" and e.year = :year");
            params.put("year", f.year());
        }
        if (f.level() != null) {
            where.append(" and exists (select 1 from exemplar_recognition r where r.exemplar_id = e.id and r.level = :level)");
            params.put("level", f.level().name());
        }
        return where.toString();
    }

    public ExemplarDetail detail(long id, CurrentUser user) {
        var e = jdbc.sql("select * from exemplar where id = :id").param("id", id).query((rs, n) -> rs2map(rs)).optional()
                .orElseThrow(() -> new NotFoundException("exemplar", id));
        long unitId = (Long) e.get("unit_id");
        scope.requireRead(user, unitId, "exemplar", id);
        var ancestors = ancestors(id);
        var replicas = replicas(id);
        var descendants = jdbc.sql("""
                with recursive d(id) as (select id from exemplar where source_id = :id
                                         union all select e.id from exemplar e join d on e.source_id = d.id)
                select count(*) from d
                """).param("id", id).query(Long.class).single().intValue();
        var results = jdbc.sql("select year, measure, value from exemplar_result where exemplar_id = :id order by year desc, measure")
                .param("id", id).query((rs, n) -> new ResultRow(rs.getInt(1), ResultMeasure.valueOf(rs.getString(2)), rs.getBigDecimal(3)))
                .list();
        var assessments = jdbc.sql("""
                select id, year, assessed_on, assessor, criteria::text, total, max_total, passed, note
                from exemplar_assessment where exemplar_id = :id order by assessed_on desc, id desc
                """).param("id", id).query((rs, n) -> new AssessmentRow(rs.getLong(1), rs.getInt(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), criteria(rs.getString(5)), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBoolean(8),
                        rs.getString(9))).list();
        var recognitions = jdbc.sql("""
                select id, year, level, typical, decision_number, decision_date, issuer
                from exemplar_recognition where exemplar_id = :id order by decision_date desc, id desc
                """).param("id", id).query((rs, n) -> new RecognitionRow(rs.getLong(1), rs.getInt(2),
                        RecognitionLevel.valueOf(rs.getString(3)), rs.getBoolean(4), rs.getString(5), rs.getObject(6, LocalDate.class),
                        rs.getString(7))).list();
        var commendations = jdbc.sql("""
                select id, year, form, issuer, decision_number, decision_date
                from exemplar_commendation where exemplar_id = :id order by decision_date desc, id desc
                """).param("id", id).query((rs, n) -> new CommendationRow(rs.getLong(1), rs.getInt(2),
                        CommendationForm.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class)))
                .list();
        var events = jdbc.sql("""
                select action, day, from_status, to_status, note, actor, at
                from exemplar_event where exemplar_id = :id order by day desc, id desc
                """).param("id", id).query((rs, n) -> new EventRow(ExemplarAction.valueOf(rs.getString(1)), rs.getObject(2, LocalDate.class),
                        rs.getString(3) == null ? null : ExemplarStatus.valueOf(rs.getString(3)), ExemplarStatus.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class))).list();
        var attachments = attachments(id, false);
        var fields = jdbc.sql("""
                select l.field_code from exemplar_field_link l join exemplar_field f on f.code = l.field_code
                where l.exemplar_id = :id order by f.sort_order
                """).param("id", id).query(String.class).list();
        var unit = names(List.of(unitId)).get(unitId);
        return new ExemplarDetail(id, (String) e.get("number"), ExemplarKind.valueOf((String) e.get("kind")), (String) e.get("name"),
                unit, RegistrantType.valueOf((String) e.get("registrant_type")), (String) e.get("registrant_name"),
                (String) e.get("person_name"), (String) e.get("person_title"), (String) e.get("situation"),
                (String) e.get("objectives"), (String) e.get("method"), (String) e.get("area"), (String) e.get("forces"),
                (Long) e.get("funds_vnd"), (String) e.get("materials"), (Integer) e.get("workdays"), (Long) e.get("socialised_vnd"),
                (LocalDate) e.get("starts_on"), (LocalDate) e.get("ends_on"), (String) e.get("outputs"),
                (String) e.get("sustainability"), (String) e.get("campaign"), (LocalDate) e.get("registered_on"),
                (Integer) e.get("year"), ExemplarStatus.valueOf((String) e.get("status")),
                e.get("paused_status") == null ? null : ExemplarStatus.valueOf((String) e.get("paused_status")),
                (String) e.get("public_summary"), fields, ancestors, replicas, descendants, results, assessments, recognitions,
                commendations, events, attachments, (Integer) e.get("version"), scope.canWrite(user, unitId),
                campaignDocument((Long) e.get("campaign_document_id")));
    }

    private ExemplarViews.DocumentRef campaignDocument(Long documentId) {
        return documentId == null ? null
                : documents.identifierOf(documentId).map(identifier -> new ExemplarViews.DocumentRef(documentId, identifier)).orElse(null);
    }

    /** An attachment's content, if the user may read the model. */
    public Attachment attachment(long exemplarId, long attachmentId, CurrentUser user) {
        var unitId = jdbc.sql("select unit_id from exemplar where id = :id").param("id", exemplarId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("exemplar", exemplarId));
        scope.requireRead(user, unitId, "exemplar", exemplarId);
        return jdbc.sql("select file_name, content_type, content from exemplar_attachment where id = :a and exemplar_id = :id")
                .param("a", attachmentId).param("id", exemplarId)
                .query((rs, n) -> new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional()
                .orElseThrow(() -> new NotFoundException("attachment", attachmentId));
    }

    /** A file to send. */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    List<AttachmentRow> attachments(long id, boolean publicOnly) {
        return jdbc.sql("""
                select id, file_name, content_type, size_bytes, caption, public, uploaded_at
                from exemplar_attachment where exemplar_id = :id and (public or not :publicOnly) order by id
                """).param("id", id).param("publicOnly", publicOnly)
                .query((rs, n) -> new AttachmentRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getBoolean(6), rs.getObject(7, OffsetDateTime.class))).list();
    }

    /** The sources a model came from, the nearest first. */
    List<LineageRef> ancestors(long id) {
        var rows = jdbc.sql("""
                with recursive a(id, depth) as (
                    select source_id, 1 from exemplar where id = :id and source_id is not null
                    union all
                    select e.source_id, a.depth + 1 from exemplar e join a on e.id = a.id where e.source_id is not null and a.depth < 50)
                select e.id, e.number, e.name, e.unit_id, e.registered_on, e.status, a.depth from a join exemplar e on e.id = a.id
                order by a.depth
                """).param("id", id).query((rs, n) -> lineageRow(rs)).list();
        return named(rows);
    }

    /** Every model replicated from this one, directly or through a replica, in the order of replication. */
    List<LineageRef> replicas(long id) {
        var rows = jdbc.sql("""
                with recursive d(id, depth) as (
                    select id, 1 from exemplar where source_id = :id
                    union all
                    select e.id, d.depth + 1 from exemplar e join d on e.source_id = d.id where d.depth < 50)
                select e.id, e.number, e.name, e.unit_id, e.registered_on, e.status, d.depth from d join exemplar e on e.id = d.id
                order by d.depth, e.registered_on, e.id
                limit 500
                """).param("id", id).query((rs, n) -> lineageRow(rs)).list();
        return named(rows);
    }

    /**
     * The ids of the units a list covers: the asked unit's subtree, and the subtrees of units that
     * passed into it (the merged Thái Nguyên covers the old Bắc Kạn), within the user's scope; null
     * means every unit.
     */
    /**
     * The number of a model already registered as {@code in} would be: same kind, unit and year of
     * registration, same name and person (accents, case and tone placement ignored).
     */
    java.util.Optional<String> registeredAlready(ExemplarInput in) {
        if (in.kind() == null || in.unitId() == null || in.name() == null || in.registeredOn() == null) {
            return java.util.Optional.empty();
        }
        return jdbc.sql("""
                select number from exemplar
                where unit_id = :unit and year = :year and kind = :kind and search_key(name) = search_key(:name)
                  and coalesce(search_key(person_name), '') = coalesce(search_key(:person), '')
                order by id limit 1
                """).param("unit", in.unitId()).param("year", in.registeredOn().getYear()).param("kind", in.kind().name())
                .param("name", in.name()).param("person", in.personName()).query(String.class).optional();
    }

    List<Long> unitsFor(Long unitId, CurrentUser user) {
        var readable = scope.readableUnitIds(user);
        if (unitId == null) {
            return readable;
        }
        scope.requireRead(user, unitId, "unit", unitId);
        var covered = units.idsWithin(units.scopePaths(unitId));
        if (readable == null) {
            return covered;
        }
        var allowed = new HashSet<>(readable);
        return covered.stream().filter(allowed::contains).toList();
    }

    Map<Long, UnitRef> names(List<Long> ids) {
        var today = LocalDate.now(clock);
        var found = units.findAll(new HashSet<>(ids), today);
        var named = new LinkedHashMap<Long, UnitRef>();
        for (var id : ids) {
            OrgUnit u = found.get(id);
            named.put(id, u == null ? new UnitRef(id, "?", "?") : new UnitRef(id, u.code(), u.name()));
        }
        return named;
    }

    private List<LineageRef> named(List<Object[]> rows) {
        var unitNames = names(rows.stream().map(r -> (Long) r[3]).toList());
        return rows.stream().map(r -> new LineageRef((Long) r[0], (String) r[1], (String) r[2], unitNames.get((Long) r[3]),
                (LocalDate) r[4], ExemplarStatus.valueOf((String) r[5]), (Integer) r[6])).toList();
    }

    private static Object[] lineageRow(ResultSet rs) throws SQLException {
        return new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getObject(5, LocalDate.class),
                rs.getString(6), rs.getInt(7)};
    }

    private List<ExemplarStep.Criterion> criteria(String text) {
        return json.readValue(text, new TypeReference<List<ExemplarStep.Criterion>>() {
        });
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Map<String, Object> rs2map(ResultSet rs) throws SQLException {
        var meta = rs.getMetaData();
        var map = new LinkedHashMap<String, Object>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            var name = meta.getColumnName(i);
            Object value = switch (meta.getColumnTypeName(i)) {
                case "date" -> rs.getObject(i, LocalDate.class);
                case "timestamptz" -> rs.getObject(i, OffsetDateTime.class);
                default -> rs.getObject(i);
            };
            map.put(name, value);
        }
        return map;
    }
}
