package vn.danvan.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL the application sends for the "Dân vận khéo" questions, copied from ExemplarQueries.search,
 * ExemplarFigures.figures, ExemplarRollup, SearchWords, ExemplarFields.all and OrgUnits.scopePaths/idsWithin
 * as they stand after V68/V69/V75 (the roll-up per branch, the words index, the per-unit words index). Keep it in step when they change.
 */
final class ExemplarSql {

    private ExemplarSql() {
    }

    /** OrgUnits.scopePaths: the unit and the units that passed into it. */
    static final NamedSql SCOPE_PATHS = new NamedSql("""
            with recursive origin(id) as (
                select cast(:id as bigint)
                union
                select s.predecessor_id from org_unit_succession s join origin o on s.successor_id = o.id
            )
            select u.path from org_unit u where u.id = any(array(select id from origin))
            """);

    /** OrgUnits.idsWithin, one path. */
    static final NamedSql IDS_WITHIN = new NamedSql("select id from org_unit where path ~>=~ :from and path ~<~ :to");

    /** ExemplarFields.all. */
    static final NamedSql FIELDS = new NamedSql("select code, name_vi, name_en, builtin, active from exemplar_field order by sort_order, code");

    /**
     * ExemplarFigures.figures: the statements in the order it sends them — the tally kept by the writers
     * (V40) rolled up per branch (V68; ExemplarRollup.sums: whole branches from the roll-up, other units
     * from the tally), the fields, the most replicated models.
     */
    static List<NamedSql> figures(boolean all) {
        return List.of(
                new NamedSql(all ? """
                        select measure, year, sum(collective), sum(individual) from exemplar_rollup
                        where year between :from and :year group by 1, 2
                        """ : """
                        select measure, year, sum(c), sum(i) from (
                            select measure, year, collective as c, individual as i from exemplar_rollup
                            where branch_id = any(:branches) and year between :from and :year
                            union all
                            select measure, year, collective, individual from exemplar_tally
                            where unit_id = any(:rest) and year between :from and :year
                        ) x group by 1, 2
                        """),
                FIELDS,
                new NamedSql("""
                        select e.id, e.number, e.name, e.kind, e.unit_id, e.replica_count from exemplar e
                        where e.replica_count > 0 and e.year <= :year %s
                        order by e.replica_count desc, e.registered_on, e.id limit 10
                        """.formatted(all ? "" : "and e.unit_id = any(:units)")));
    }

    /**
     * ExemplarRollup.split: the branches (units just under the root) whose every unit is covered, and the
     * covered units outside them. The application keeps the units' branches in memory.
     */
    static Long[][] split(java.sql.Connection db, Long[] covered) throws java.sql.SQLException {
        if (branchOf.isEmpty()) {
            try (var st = db.prepareStatement("select id, coalesce(nullif(split_part(path, '/', 3), '')::bigint, id) from org_unit");
                 var rs = st.executeQuery()) {
                while (rs.next()) {
                    branchOf.put(rs.getLong(1), rs.getLong(2));
                    branchSize.merge(rs.getLong(2), 1, Integer::sum);
                }
            }
        }
        var perBranch = new java.util.HashMap<Long, List<Long>>();
        for (var id : new java.util.LinkedHashSet<>(List.of(covered))) {
            perBranch.computeIfAbsent(branchOf.getOrDefault(id, -id), k -> new ArrayList<>()).add(id);
        }
        var branches = new ArrayList<Long>();
        var rest = new ArrayList<Long>();
        perBranch.forEach((branch, ids) -> {
            if (branch > 0 && ids.size() == branchSize.getOrDefault(branch, -1)) {
                branches.add(branch);
            } else {
                rest.addAll(ids);
            }
        });
        return new Long[][] {branches.toArray(Long[]::new), rest.toArray(Long[]::new)};
    }

    private static final java.util.Map<Long, Long> branchOf = new java.util.HashMap<>();
    private static final java.util.Map<Long, Integer> branchSize = new java.util.HashMap<>();

    /** ExemplarQueries.search: the latest year from which the models per year (newest first) reach {@code needed}; 0 if none. */
    static int fromYear(java.sql.Connection db, NamedSql perYear, java.util.Map<String, Object> params, int needed)
            throws java.sql.SQLException {
        var jdbc = perYear.text.replaceAll("(?<![:\\w\\[]):([a-zA-Z][a-zA-Z0-9]*)", "?");
        var names = new ArrayList<String>();
        var m = java.util.regex.Pattern.compile("(?<![:\\w\\[]):([a-zA-Z][a-zA-Z0-9]*)").matcher(perYear.text);
        while (m.find()) {
            names.add(m.group(1));
        }
        try (var st = db.prepareStatement(jdbc)) {
            for (int i = 0; i < names.size(); i++) {
                var v = params.get(names.get(i));
                if (v instanceof Long[] a) {
                    st.setArray(i + 1, db.createArrayOf("bigint", a));
                } else {
                    st.setObject(i + 1, v);
                }
            }
            long sum = 0;
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    sum += rs.getLong(3);
                    if (sum >= needed) {
                        return rs.getInt(2);
                    }
                }
            }
        }
        return 0;
    }

    /** SearchWords.query: the whole words typed after the first, the last as a prefix; null when none. */
    static String words(String typed) {
        var parts = typed.strip().split(" ", -1);
        var terms = new ArrayList<String>();
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].matches("[a-z]+")) {
                terms.add(i == parts.length - 1 ? parts[i] + ":*" : parts[i]);
            }
        }
        return terms.isEmpty() ? null : String.join(" & ", terms);
    }

    /**
     * SearchWords.terms (VietnameseText.wordTerms) for accent-free text: two neighbouring words typed after the
     * first (or from the first, when no syllable ends with it) are asked as a pair ("thanh vinh"), the second a prefix
     * when it is the last; a word in no pair alone.
     */
    static List<String> terms(String typed) {
        var parts = typed.strip().split(" ", -1);
        int n = parts.length;
        var usable = new boolean[n];
        for (int i = 1; i < n; i++) {
            usable[i] = parts[i].matches("[a-z]{1,40}");
        }
        // the first word joins its pair when no Vietnamese syllable ends with it (VietnameseText.BEGINS_ONLY, V99), or
        // (session 15) as a choice of its pair and those of the syllables it ends when its initial ends longer ones
        var beginsOnly = parts[0].matches("(b|c|ch|d|k|kh|l|m|n|ng|ngh|nh|p|ph|q|s|t|th|tr|v|x)[aeiouy][a-z]*") && parts[0].length() <= 40;
        var endsLonger = !beginsOnly && parts[0].matches("(gh|h|g|r)[aeiouy][a-z]*") && parts[0].length() <= 37;
        usable[0] = n > 1 && usable[1] && (beginsOnly || endsLonger);
        var terms = new ArrayList<String>();
        var paired = new boolean[n];
        for (int i = 0; i + 1 < n; i++) {
            if (usable[i] && usable[i + 1]) {
                var pair = parts[i] + " " + parts[i + 1] + (i + 1 == n - 1 ? ":*" : "");
                if (i == 0 && endsLonger) {
                    var before = parts[0].startsWith("gh") ? List.of("n") : switch (parts[0].charAt(0)) {
                        case 'h' -> List.of("c", "g", "k", "n", "ng", "p", "t");
                        case 'g' -> List.of("n");
                        default -> List.of("t");
                    };
                    var choice = new StringBuilder(pair);
                    for (var b : before) {
                        choice.append('|').append(b).append(pair);
                    }
                    pair = choice.toString();
                }
                terms.add(pair);
                paired[i] = true;
                paired[i + 1] = true;
            }
        }
        for (int i = 1; i < n; i++) {
            if (usable[i] && !paired[i]) {
                terms.add(i == n - 1 ? parts[i] + ":*" : parts[i]);
            }
        }
        if (n > 1 && parts[n - 1].matches("[0-9]{1,40}")) {
            terms.add(parts[n - 1] + ":*"); // a number typed last: the beginning of a single word (VietnameseText.NUMBER)
        }
        return terms.isEmpty() ? null : terms;
    }

    /** SearchWords.perYear: the terms asked of each year's own entries (V84), {@code '2026/thanh vinh':*}, in the order given. */
    static String[] perYear(List<String> terms, List<Integer> years) {
        var out = new String[years.size()];
        for (int y = 0; y < out.length; y++) {
            out[y] = keyed(terms, List.of(String.valueOf(years.get(y))));
        }
        return out;
    }

    /**
     * VietnameseText.keyedQuery: the terms under each key given ({@code 2026.42}), each key's group an alternative —
     * {@code ('2026.42/thanh vinh':* & '2026.42/hai') | ('2026.45/thanh vinh':* & '2026.45/hai')}.
     */
    static String keyed(List<String> terms, List<String> keys) {
        var q = new StringBuilder();
        for (var key : keys) {
            var group = new StringBuilder();
            for (var term : terms) {
                var choices = term.split("\\|");
                var choice = new StringBuilder();
                for (var one : choices) {
                    var prefix = one.endsWith(":*");
                    var word = prefix ? one.substring(0, one.length() - 2) : one;
                    choice.append(choice.isEmpty() ? "" : " | ").append('\'').append(key).append('/').append(word).append('\'')
                            .append(prefix ? ":*" : "");
                }
                group.append(group.isEmpty() ? "" : " & ").append(choices.length > 1 ? "(" + choice + ")" : choice);
            }
            q.append(q.isEmpty() ? "" : " | ").append(keys.size() > 1 && terms.size() > 1 ? "(" + group + ")" : group);
        }
        return q.toString();
    }

    /** ExemplarQueries.yearsNewestFirst: the years of registration a search in the whole country asks. */
    static final NamedSql YEARS = new NamedSql("select min(year), max(year) from exemplar");

    /** Short names of the figures' statements, for the report. */
    static final List<String> FIGURE_NAMES = List.of("tally", "fields", "most replicated");

    private static final String LEVEL_ORDER = "array['COMMUNE', 'DISTRICT', 'PROVINCE', 'CENTRAL']";

    /**
     * ExemplarQueries.search: the count and the page, with only the conditions asked for, in the order the
     * application appends them. The count: without words, exact from the roll-up (ExemplarRollup.total, the
     * measure FIELD:code or REGISTERED; the application sums both kinds and keeps the one asked for, here
     * the sum picks it); with words, counted up to 1,001 (SEARCH_COUNT_CAP + 1), which picks the page's plan.
     */
    static List<NamedSql> search(boolean units, boolean text, boolean kind, boolean field) {
        return search(units, text, kind, field, false, 0);
    }

    /**
     * As the application sends them; {@code manyHits}: a search by words whose hits passed 1,000, whose
     * page then leaves out the words index and walks the models newest first. With up to 1,000 hits the
     * page is the models of the page's ids ({@code :ids}), taken from the hits in the list's order.
     * Words in a subtree ({@code units}) ask the per-unit words index (V75, {@code :unitWords}: one
     * tsquery per unit, SearchWords.perUnit), in the whole country the year words index (V84): the count is one
     * branch per year ({@code years} of them, {@code :yearWords0} the newest), stopped at 1,001 hits.
     */
    static List<NamedSql> search(boolean units, boolean text, boolean kind, boolean field, boolean manyHits, int years) {
        var where = new StringBuilder("where true");
        if (units) {
            where.append(" and e.unit_id = any(:units)");
        }
        if (text) {
            where.append(" and strpos(e.search_text, search_key(:text)) > 0").append(units ? UNIT_WORDS : YEAR_WORDS);
        }
        if (kind) {
            where.append(" and e.kind = :kind");
        }
        if (field) {
            where.append(" and exists (select 1 from exemplar_field_link l where l.exemplar_id = e.id and l.field_code = :field)");
        }
        var out = new ArrayList<NamedSql>();
        if (text) {
            // the hits' ids and days, up to 1,001: their number is the count, and with few the page is taken from them
            if (units) {
                out.add(new NamedSql("select e.id, e.registered_on from exemplar e " + where + " limit " + (1_000 + 1)));
            } else {
                // ExemplarQueries.hitsByYear
                var union = new StringBuilder("select h.id, h.registered_on from (\n");
                for (int y = 0; y < years; y++) {
                    union.append(y == 0 ? "" : "\nunion all\n").append("(select e.id, e.registered_on from exemplar e ")
                            .append(where.toString().replace(YEAR_WORDS, " and exemplar_year_words(e.year, e.search_text) @@ cast(:yearWords"
                                    + y + " as tsquery)")).append(')');
                }
                out.add(new NamedSql(union.append("\n) h limit ").append(1_000 + 1).toString()));
            }
        } else {
            // ExemplarRollup.perYear, the total beside each year (the application adds them up in Java)
            var pick = kind ? "case when :kind = 'COLLECTIVE' then c else i end" : "c + i";
            out.add(new NamedSql(units ? """
                    select sum(n) over () as total, year, n from (select year, %s as n from (
                        select year, sum(c) as c, sum(i) as i from (
                            select year, collective as c, individual as i from exemplar_rollup
                            where branch_id = any(:branches) and measure = :measure
                            union all
                            select year, collective, individual from exemplar_tally where unit_id = any(:rest) and measure = :measure
                        ) x group by 1) y) z order by year desc
                    """.formatted(pick) : """
                    select sum(n) over () as total, year, n from (select year, %s as n from (
                        select year, sum(collective) as c, sum(individual) as i from exemplar_rollup where measure = :measure group by 1
                    ) y) z order by year desc
                    """.formatted(pick)));
            // the years the first page reaches (ExemplarQueries.search)
            where.append(" and e.year >= :fromYear");
        }
        var select = """
                select e.id, e.number, e.kind, e.name, e.person_name, e.unit_id, e.year, e.registered_on, e.status, e.replica_count,
                       array(select l.field_code from exemplar_field_link l where l.exemplar_id = e.id order by l.field_code) as fields,
                       (select r.level from exemplar_recognition r where r.exemplar_id = e.id
                         order by array_position(%s, r.level) desc limit 1) as highest_level,
                       (select s.number from exemplar s where s.id = e.source_id) as source_number
                from exemplar e
                """.formatted(LEVEL_ORDER);
        if (text && !manyHits) {
            // ExemplarListRows.byIds
            out.add(new NamedSql(select + "where e.id = any(:ids)\norder by e.registered_on desc, e.id desc"));
        } else {
            var pageWhere = where.toString().replace(YEAR_WORDS, "").replace(UNIT_WORDS, "");
            out.add(new NamedSql(select + pageWhere + """

                    order by e.registered_on desc, e.id desc
                    limit :size offset :offset
                    """));
        }
        return out;
    }

    private static final String YEAR_WORDS = " and exemplar_year_words(e.year, e.search_text)"
            + " @@ any(array(select cast(unnest(cast(:yearWords as text[])) as tsquery)))";
    private static final String UNIT_WORDS = " and exemplar_unit_words(e.unit_id, e.search_text)"
            + " @@ any(array(select cast(unnest(cast(:unitWords as text[])) as tsquery)))";

    /** SearchWords.perUnit: the words asked of each unit's own entries, {@code '977/thon' & '977/moi':*}. */
    static String[] perUnit(String words, Long[] units) {
        var out = new String[units.length];
        for (int u = 0; u < units.length; u++) {
            var q = new StringBuilder();
            for (var term : words.split(" & ")) {
                var prefix = term.endsWith(":*");
                var word = prefix ? term.substring(0, term.length() - 2) : term;
                q.append(q.isEmpty() ? "" : " & ").append('\'').append(units[u]).append('/').append(word).append('\'')
                        .append(prefix ? ":*" : "");
            }
            out[u] = q.toString();
        }
        return out;
    }
}
