package vn.danvan.bench;

/**
 * The raw SQL of each question, copied from the application (vn.danvan.petition.PetitionQueries,
 * HotSpots; vn.danvan.orgunit.OrgUnits, OrgScope for the scope) so that the SQL row of a question
 * runs what the application sends (its SQL as on main at a8c0f23), with the same parameter values, but without the
 * application around it (scope resolution, per-row unit names and deadlines, JSON, HTTP). The form
 * 01/XLD is this benchmark's own aggregation (see {@link #FORM_01_XLD}).
 */
final class PetitionSql {

    private PetitionSql() {
    }

    /** OrgUnits.scopePaths + idsWithin: every unit ever inside the unit or the units that passed into it. */
    static final NamedSql READABLE_UNITS = new NamedSql("""
            with recursive origin(id) as (
                select cast(:id as bigint)
                union
                select s.predecessor_id from org_unit_succession s join origin o on s.successor_id = o.id
            )
            select distinct u.id from org_unit u join org_unit s on s.id in (select id from origin)
            where u.path ~>=~ s.path and u.path ~<~ (left(s.path, -1) || '0')
            """);

    /** OrgUnits.scopePaths: the paths a role at a unit covers (run for each role of the user on every request). */
    static final NamedSql SCOPE_PATHS = new NamedSql("""
            with recursive origin(id) as (
                select cast(:id as bigint)
                union
                select s.predecessor_id from org_unit_succession s join origin o on s.successor_id = o.id
            )
            select u.path from org_unit u join origin o on o.id = u.id
            """);

    static final NamedSql UNIT_BY_CODE = new NamedSql(
            "select id from org_unit where code = :code and validity @> current_date");

    static final NamedSql ROLE_UNIT = new NamedSql(
            "select r.unit_id from identity_role_assignment r join identity_user u on u.id = r.user_id where u.username = :username order by r.id");

    /** OrgUnits.subtree (ids only): the unit's subtree as it stands on a day. */
    static final NamedSql SUBTREE = new NamedSql("""
            select u.id from org_unit u
            where u.path ~>=~ (select path from org_unit where id = :id)
              and u.path ~<~ (select left(path, -1) || '0' from org_unit where id = :id)
              and u.validity @> cast(:on as date)
            """);

    /**
     * WorkQueue.queue of an officer (units always given) as the application sends it since session 9: the
     * conditions chosen in Java, so that the prepared statement's generic plan is index-served too; since session 19 a
     * matter without a handler is not "mine" (null sorted it first), since session 20 ordered by the due date that runs;
     * since session 21 a page of it (its first here), in a total order.
     */
    static final NamedSql QUEUE = new NamedSql("""
            (select 'PETITION' as type, p.id, p.number, p.subject, p.unit_id, p.content_kind, p.status,
                    p.received_on as since, p.due_rule, p.due_rule_version, false as mine, p.due_on as running_due
             from petition p
             where p.status = 'RECEIVED' and p.unit_id = any(:units))
            union all
            (select 'MATTER', m.id, m.number, m.title, m.unit_id, m.content_kind, m.status,
                    coalesce(m.accepted_on, cast(m.created_at as date)), m.due_rule, m.due_rule_version,
                    coalesce(m.handler_id = :me, false),
                    case when m.status in ('ACCEPTED', 'VERIFYING') then m.due_on end
             from petition_matter m
             where m.status in ('RECEIVED', 'ACCEPTED', 'VERIFYING', 'SUSPENDED', 'DECIDED') and m.unit_id = any(:units))
            order by mine desc, running_due nulls last, since, type, id
            limit :limit offset :offset
            """);

    /** WorkQueue.queue of an officer, urgent only (due by :soon). */
    static final NamedSql QUEUE_URGENT = new NamedSql("""
            (select 'PETITION' as type, p.id, p.number, p.subject, p.unit_id, p.content_kind, p.status,
                    p.received_on as since, p.due_rule, p.due_rule_version, false as mine, p.due_on as running_due
             from petition p
             where p.status = 'RECEIVED' and p.unit_id = any(:units) and p.due_on <= :soon)
            union all
            (select 'MATTER', m.id, m.number, m.title, m.unit_id, m.content_kind, m.status,
                    coalesce(m.accepted_on, cast(m.created_at as date)), m.due_rule, m.due_rule_version,
                    coalesce(m.handler_id = :me, false),
                    case when m.status in ('ACCEPTED', 'VERIFYING') then m.due_on end
             from petition_matter m
             where m.status in ('ACCEPTED', 'VERIFYING') and m.due_on <= :soon and m.unit_id = any(:units))
            order by mine desc, running_due nulls last, since, type, id
            limit :limit offset :offset
            """);

    /** PetitionQueries.COUNT_CAP: search results are counted up to this many. */
    static final int COUNT_CAP = 10_000;

    /**
     * PetitionQueries.search as the application sends it (main at a8c0f23; the overdue condition as on
     * the perf branch): only the conditions asked for, the count stopped past {@link #COUNT_CAP}, then the
     * page. Not mirrored: with a text, the application now reads the matching ids (at most COUNT_CAP + 1)
     * instead of counting, and reads the page by those ids when they are all the matches.
     */
    static java.util.List<NamedSql> search(boolean units, boolean text, boolean kind, boolean field, boolean state, boolean from,
                                           boolean to, boolean overdue) {
        return search(units, text, false, kind, field, state, from, to, overdue);
    }

    /** PetitionQueries.SEARCH_COUNT_CAP (since V76): a search by text is counted up to this many. */
    static final int SEARCH_COUNT_CAP = 1_000;

    /**
     * As above, {@code words} ignored (a search by words is PetitionYearCalls' statements since V95), {@code years} too.
     * A text is searched in petition_text (V101), joined by the petition's id.
     */
    static java.util.List<NamedSql> search(boolean units, boolean text, boolean words, boolean kind, boolean field, boolean state,
                                           boolean from, boolean to, boolean overdue) {
        return search(units, text, words, kind, field, state, from, to, overdue, 0);
    }

    /** As above. */
    static java.util.List<NamedSql> search(boolean units, boolean text, boolean words, boolean kind, boolean field, boolean state,
                                           boolean from, boolean to, boolean overdue, int years) {
        var where = where(units, text, false, kind, field, state, from, to, overdue);
        var cap = text ? SEARCH_COUNT_CAP : COUNT_CAP;
        var countSql = "select count(*) from (select 1 " + source(text) + where + " limit " + (cap + 1) + ") c";
        return SEARCHES.computeIfAbsent(countSql + "|" + where, key -> java.util.List.of(
                new NamedSql(countSql),
                new NamedSql(PAGE_COLUMNS + source(text) + where + """

                        order by p.received_on desc, p.id desc
                        limit :size offset :offset
                        """)));
    }

    /** PetitionQueries.search's tables: the petition, its text when a text is searched (V101), its matter. */
    static String source(boolean text) {
        return "from petition p" + (text ? " join petition_text t on t.petition_id = p.id" : "")
                + " left join petition_matter m on m.id = p.matter_id ";
    }

    /**
     * PetitionQueries.search without text since session 15: the ids found with their day of receipt (at most
     * COUNT_CAP + 1), then the page's rows by the ids it chooses among them (chosen here when drawing, untimed, as the
     * application does in Java), or {@code page} (the page by the conditions) past the cap; a state asked (not null)
     * with the condition {@link #stateCondition} chooses for it.
     */
    static java.util.List<PetitionQueryBench.Statement> idsThenPage(java.sql.Connection db, java.util.Map<String, Object> params,
                                                                  NamedSql page, String state) throws java.sql.SQLException {
        if (state != null) {
            page = new NamedSql(page.text.replace(ANY_STATE, stateCondition(state)));
        }
        var where = page.text.substring(page.text.indexOf("where true"), page.text.indexOf("order by"));
        var ids = new NamedSql("select p.id, p.received_on " + source(false) + where + " limit " + (COUNT_CAP + 1));
        var found = new NamedSql("select count(*) from (" + ids.text + ") c").longs(db, params).get(0);
        if (found <= COUNT_CAP) {
            params.put("chosen", new NamedSql("select id from (" + ids.text + ") f order by received_on desc, id desc limit :size offset :offset")
                    .longs(db, params).toArray(Long[]::new));
            return java.util.List.of(new PetitionQueryBench.Statement(ids, false), new PetitionQueryBench.Statement(PAGE_BY_IDS, false));
        }
        return java.util.List.of(new PetitionQueryBench.Statement(ids, false), new PetitionQueryBench.Statement(page, false));
    }

    /** The condition on a state the petition or its matter is in, as PetitionQueries.search sent it for any state until session 14. */
    static final String ANY_STATE = "(p.status = :state or m.status = :state)";

    /**
     * PetitionSearchConditions.state (session 15): a state only petitions are in (PROCESSED) asks the petition alone, one
     * only matters are in asks the matter alone, RECEIVED both.
     */
    static String stateCondition(String state) {
        var matterStates = java.util.Set.of("RECEIVED", "ACCEPTED", "VERIFYING", "SUSPENDED", "DECIDED", "CLOSED", "NOT_ACCEPTED",
                "REFERRED", "WITHDRAWN", "TERMINATED");
        if (!matterStates.contains(state)) {
            return "p.status = :state";
        }
        return state.equals("RECEIVED") || state.equals("PROCESSED") ? ANY_STATE : "m.status = :state";
    }

    /** The conditions of PetitionQueries.search for the filters given, over {@link #source}. */
    static String where(boolean units, boolean text, boolean words, boolean kind, boolean field, boolean state,
                        boolean from, boolean to, boolean overdue) {
        var where = new StringBuilder("where true");
        if (units) {
            where.append(" and p.unit_id = any(:units)");
        }
        if (text && words) {
            where.append(" and strpos(t.search_text, search_key(:text)) > 0");
        } else if (text) {
            where.append(" and t.search_text like '%' || search_key(:text) || '%'");
        }
        if (kind) {
            where.append(" and p.content_kind = :kind");
        }
        if (field) {
            where.append(" and p.field = :field");
        }
        if (state) {
            where.append(" and ").append(ANY_STATE);
        }
        if (from) {
            where.append(" and p.received_on >= :from");
        }
        if (to) {
            where.append(" and p.received_on <= :to");
        }
        if (overdue) {
            // as PetitionQueries sends it since the perf branch (V11): the overdue petitions' ids, each part by its index
            var inUnits = units ? " and r.unit_id = any(:units)" : "";
            var matterInUnits = inUnits.replace("r.unit_id", "o.unit_id");
            where.append(" and p.id in (select r.id from petition r where r.status = 'RECEIVED' and r.due_on < :today" + inUnits
                    + " union all select r.id from petition_matter o join petition r on r.matter_id = o.id"
                    + " where o.status in ('ACCEPTED', 'VERIFYING') and o.due_on < :today" + matterInUnits + ")");
        }
        return where.toString();
    }

    /** The overdue condition of PetitionQueries.search (since V11), each part by its index; units always given here. */
    private static final String OVERDUE_IN_UNITS = "p.unit_id = any(:units) and p.id in (select r.id from petition r"
            + " where r.status = 'RECEIVED' and r.due_on < :today and r.unit_id = any(:units)"
            + " union all select r.id from petition_matter o join petition r on r.matter_id = o.id"
            + " where o.status in ('ACCEPTED', 'VERIFYING') and o.due_on < :today and o.unit_id = any(:units))";

    /**
     * PetitionQueries.search's overdue list of a unit since session 11, first statement: the overdue petitions' ids with
     * their day of receipt, at most COUNT_CAP + 1 (their number is the count).
     */
    static final NamedSql OVERDUE_IDS = new NamedSql("select p.id, p.received_on from petition p"
            + " left join petition_matter m on m.id = p.matter_id where true and " + OVERDUE_IN_UNITS + " limit " + (COUNT_CAP + 1));

    /**
     * The page the application chooses in Java among {@link #OVERDUE_IDS}' rows (received_on desc, id desc): run by the
     * benchmark when it draws the question, not timed; the timed second statement is {@link #PAGE_BY_IDS}.
     */
    static final NamedSql OVERDUE_PAGE_CHOSEN = new NamedSql("select id from (" + OVERDUE_IDS.text
            + ") found order by received_on desc, id desc limit :size offset :offset");

    /**
     * PetitionYearSearch's statement for the {@code y}-th year asked (newest first): the hits of that year's words in the
     * areas asked (V101), at most {@code :left<y>} (what the count still needs); from petition_text alone when
     * {@code where} names only it ({@code textOnly}: units, days, text).
     */
    static NamedSql yearHits(String where, int y, boolean textOnly) {
        return STATEMENTS.computeIfAbsent("year " + y + "|" + textOnly + "|" + where, key -> new NamedSql(
                (textOnly ? "select t.petition_id, t.received_on from petition_text t "
                        : "select p.id, p.received_on from petition_text t join petition p on p.id = t.petition_id"
                                + " left join petition_matter m on m.id = p.matter_id ") + where
                        + " and petition_area_words(t.area_id, t.received_on, t.search_text) @@ cast(:yearWords" + y + " as tsquery)"
                        + " limit :left" + y));
    }

    /** PetitionYearSearch.areas: the areas of receipt of the units asked (V101 unit_area). */
    static final NamedSql AREAS_OF_UNITS = new NamedSql(
            "select distinct unit_area(id, path) from org_unit where id = any(:units) order by 1");

    /** PetitionQueries.search's page by words when the years read whole do not hold it: the walk, from {@code :pageFrom} if known. */
    static NamedSql walkPage(String where, boolean fromDay) {
        return STATEMENTS.computeIfAbsent("walk " + fromDay + "|" + where, key -> new NamedSql(PAGE_COLUMNS + source(true) + where
                + (fromDay ? " and p.received_on >= :pageFrom" : "") + """

                order by p.received_on desc, p.id desc
                limit :size offset :offset
                """));
    }

    /** PetitionYearSearch plans each year's statement for its values, without parallel workers ({@code set local} in the application's transaction). */
    static final NamedSql CUSTOM_PLANS = new NamedSql("select set_config('plan_cache_mode', 'force_custom_plan', false),"
            + " set_config('max_parallel_workers_per_gather', '0', false)");

    /** Puts back what {@link #CUSTOM_PLANS} changed, as the application's commit does. */
    static final NamedSql PLANS_AS_CONFIGURED = new NamedSql(
            "select set_config(name, reset_val, false) from pg_settings where name in ('plan_cache_mode', 'max_parallel_workers_per_gather')");

    private static final java.util.Map<String, NamedSql> STATEMENTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The columns of a search page, as PetitionQueries.search reads them. */
    private static final String PAGE_COLUMNS = """
            select p.id, p.number, p.received_on, p.unit_id, p.subject, p.channel, p.content_kind, p.field, p.status,
                   p.handling, m.number as matter_number, m.status as matter_status, m.id as matter_id, m.hot_manual,
                   case when p.status = 'RECEIVED' then p.due_on else m.due_on end as due_on,
                   case when p.status = 'RECEIVED' then p.due_rule else m.due_rule end as due_rule,
                   case when p.status = 'RECEIVED' then p.due_rule_version else m.due_rule_version end as due_rule_version
            """;


    /** The page's rows by the ids chosen, as PetitionQueries.search reads them (offset 0: the ids are the page). */
    static final NamedSql PAGE_BY_IDS = new NamedSql(PAGE_COLUMNS + source(false) + """
            where p.id = any(:chosen)
            order by p.received_on desc, p.id desc
            limit :size offset 0
            """);

    /** {@link #PAGE_BY_IDS} of a search by text, whose tables hold the text (V101). */
    static final NamedSql PAGE_BY_IDS_TEXT = new NamedSql(PAGE_COLUMNS + source(true) + """
            where p.id = any(:chosen)
            order by p.received_on desc, p.id desc
            limit :size offset 0
            """);

    /**
     * PetitionSearchWords.query of the application: the tsquery of the whole words typed (after the first, the last
     * as a prefix; only a–z words of Vietnamese letters), or null when the words index cannot narrow the text. The
     * benchmark's texts are accent-free lower case, so the folding is the identity here.
     */
    static String words(String typed) {
        if (typed.chars().anyMatch(c -> Character.isDigit(c) || c == '%' || c == '_' || c == '\\')) {
            return null;
        }
        var parts = typed.strip().split(" ", -1);
        if (parts.length < 2) {
            return null;
        }
        var terms = new java.util.ArrayList<String>();
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].matches("[a-z]+")) {
                terms.add(i == parts.length - 1 ? parts[i] + ":*" : parts[i]);
            }
        }
        return terms.isEmpty() ? null : String.join(" & ", terms);
    }

    private static final java.util.Map<String, java.util.List<NamedSql>> SEARCHES = new java.util.concurrent.ConcurrentHashMap<>();

    static final NamedSql OPEN_MATTER_OF_UNIT = new NamedSql(
            "select id from petition_matter where unit_id = :unit and status in ('ACCEPTED', 'VERIFYING') order by id desc limit 1");

    /**
     * HotSpots.flagged as the application sends it for a unit's board (the board groups its rows by place in Java):
     * the unit condition chosen in Java ("m.unit_id = any(:units)"). Until session 11 this copy kept the statement of
     * a8c0f23 ("cast(:all as boolean) or … and cast(:matter as bigint) is null or …"), whose generic plan read every
     * open matter of the country (30,000 buffers at 5 years × 100,000 petitions) where the application reads the
     * province's (1,300). Since session 21 with the petitions of each matter in the window (its own signal).
     */
    static final NamedSql HOT_SPOTS = new NamedSql("""
            with open_matter as (
                select m.* from petition_matter m
                where m.status in ('RECEIVED', 'ACCEPTED', 'VERIFYING', 'SUSPENDED')
                  and m.unit_id = any(:units)
            ),
            visit_facts as (
                select v.matter_id, bool_or(v.crowd) as crowd, count(*) as visits, bool_or(not v.first_time) as repeated
                from petition_visit v join open_matter m on m.id = v.matter_id
                where v.visited_on >= :since
                group by v.matter_id
            ),
            place_load as (
                select p.place_unit_id, p.field, count(*) as petitions
                from petition p
                where p.place_unit_id in (select place_unit_id from open_matter where place_unit_id is not null)
                  and p.received_on >= :since and p.field is not null
                group by p.place_unit_id, p.field
            ),
            matter_load as (
                select p.matter_id, count(*) as petitions
                from petition p
                where p.matter_id in (select id from open_matter where petitions >= :matterPetitions)
                  and p.received_on >= :since
                group by p.matter_id
            )
            select m.id, m.number, m.title, m.unit_id, m.place_unit_id, m.status, m.due_on, m.hot_reason,
                   coalesce(vf.crowd, false) as crowd,
                   coalesce(vf.visits, 0) >= :repeatVisits or coalesce(vf.repeated, false) as repeated_visits,
                   coalesce(pl.petitions, 0) >= :placePetitions as many_in_place,
                   coalesce(ml.petitions, 0) >= :matterPetitions as many_on_matter,
                   m.status in ('ACCEPTED', 'VERIFYING') and m.due_on < :today as overdue,
                   m.complexity <> 'NORMAL' or m.round = 2 or m.follow_up as complex,
                   m.hot_manual
            from open_matter m
            left join visit_facts vf on vf.matter_id = m.id
            left join place_load pl on pl.place_unit_id = m.place_unit_id and pl.field = m.field
            left join matter_load ml on ml.matter_id = m.id
            """);

    /**
     * Form 01/XLD (Thông tư 02/2021/TT-TTCP, "kết quả xử lý đơn") for a period, per receiving unit: petitions carried
     * over from before the period and received in it (by kind of petitioner), processed, eligible, by content kind, by
     * state of their case, by competence and by handling, and the eligible cases. This benchmark's own aggregation of
     * the columns the application's 01/XLD counts, read as the application reads them since V109: the period's
     * petitions from the index on the day of receipt and those carried over from the pending-span index, both
     * index-only; the distinct cases apart, from the index on the processing day.
     */
    static final NamedSql FORM_01_XLD = new NamedSql("""
            with facts as (
                select p.unit_id, p.received_on < :from as carried,
                       p.petitioner_kind = 'GROUP' or p.signers_count > 1 as many, p.petitioner_kind = 'ANONYMOUS' as anonymous,
                       coalesce(p.processed_on between :from and :to, false) as processed,
                       coalesce(p.processed_on between :from and :to and p.eligible, false) as e,
                       p.content_kind, p.competence, p.handling, coalesce(p.matter_round, 1) as round,
                       coalesce(p.matter_follow_up, false) as follow_up, coalesce(p.matter_accepted_on <= :to, false) as accepted,
                       coalesce(p.matter_finished_on <= :to, false) as finished
                from petition p
                where p.received_on between :from and :to and (cast(:all as boolean) or p.unit_id = any(:units))
                union all
                select p.unit_id, true,
                       p.petitioner_kind = 'GROUP' or p.signers_count > 1, p.petitioner_kind = 'ANONYMOUS',
                       coalesce(p.processed_on between :from and :to, false),
                       coalesce(p.processed_on between :from and :to and p.eligible, false),
                       p.content_kind, p.competence, p.handling, coalesce(p.matter_round, 1),
                       coalesce(p.matter_follow_up, false), coalesce(p.matter_accepted_on <= :to, false),
                       coalesce(p.matter_finished_on <= :to, false)
                from petition p
                where petition_pending_span(p.received_on, p.processed_on) @> cast(:from as date) and p.received_on <> :from
                  and (cast(:all as boolean) or p.unit_id = any(:units))
                offset 0),
            counts as (
                select unit_id, count(*) as total,
                       count(*) filter (where carried and many) as carried_many,
                       count(*) filter (where carried and not many and not anonymous) as carried_one,
                       count(*) filter (where carried and not many and anonymous) as carried_other,
                       count(*) filter (where not carried and many) as received_many,
                       count(*) filter (where not carried and not many and not anonymous) as received_one,
                       count(*) filter (where not carried and not many and anonymous) as received_other,
                       count(*) filter (where processed) as processed,
                       count(*) filter (where e) as eligible,
                       count(*) filter (where e and content_kind = 'COMPLAINT') as complaints,
                       count(*) filter (where e and content_kind = 'DENUNCIATION') as denunciations,
                       count(*) filter (where e and content_kind in ('RECOMMENDATION', 'REFLECTION', 'MULTIPLE')) as recommendations,
                       count(*) filter (where e and finished and round = 1 and not follow_up) as resolved_first,
                       count(*) filter (where e and finished and (round = 2 or follow_up)) as resolved_repeat,
                       count(*) filter (where e and accepted and not finished) as in_progress,
                       count(*) filter (where e and not accepted and not finished) as not_started,
                       count(*) filter (where e and competence = 'WITHIN') as within_competence,
                       count(*) filter (where e and competence = 'OUTSIDE') as outside_competence,
                       count(*) filter (where e and competence = 'OUTSIDE' and handling = 'GUIDE') as guided,
                       count(*) filter (where e and competence = 'OUTSIDE' and handling = 'FORWARD') as forwarded,
                       count(*) filter (where e and competence = 'OUTSIDE' and handling = 'URGE') as urged
                from facts group by unit_id),
            cases as (
                select p.unit_id, count(distinct coalesce(p.matter_id, -p.id)) as eligible_cases
                from petition p
                where p.processed_on between :from and :to and p.received_on <= :to and p.eligible
                  and (cast(:all as boolean) or p.unit_id = any(:units))
                group by p.unit_id)
            select c.*, coalesce(k.eligible_cases, 0) as eligible_cases
            from counts c left join cases k on k.unit_id = c.unit_id
            """);
}
