package vn.danvan.exemplar;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.danvan.exemplar.ExemplarViews.ExemplarRow;
import vn.danvan.exemplar.ExemplarViews.UnitRef;

/**
 * The list's rows of models (units not yet named): a page of a filter in a given order, or the models
 * of a page already chosen by id (a search by words whose hits were all found by its count).
 */
@Component
class ExemplarListRows {

    private static final String SELECT = """
            select e.id, e.number, e.kind, e.name, e.person_name, e.unit_id, e.year, e.registered_on, e.status, e.replica_count,
                   array(select l.field_code from exemplar_field_link l where l.exemplar_id = e.id order by l.field_code) as fields,
                   (select r.level from exemplar_recognition r where r.exemplar_id = e.id
                     order by array_position(array['COMMUNE', 'DISTRICT', 'PROVINCE', 'CENTRAL'], r.level) desc limit 1) as highest_level,
                   (select s.number from exemplar s where s.id = e.source_id) as source_number
            from exemplar e
            """;

    private final JdbcClient jdbc;

    ExemplarListRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The filter's page: {@code where} over {@code exemplar e} with its parameters, sorted by {@code order}. */
    List<ExemplarRow> page(String where, Map<String, Object> params, String order, int size, long offset) {
        return jdbc.sql(SELECT + where + """

                order by %s
                limit :size offset :offset
                """.formatted(order)).params(params).param("size", size).param("offset", offset)
                .query((rs, n) -> row(rs)).list();
    }

    /** The models of the given ids, newest first (the list's order). */
    List<ExemplarRow> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + "where e.id = any(:ids)\norder by e.registered_on desc, e.id desc")
                .param("ids", ids.toArray(Long[]::new)).query((rs, n) -> row(rs)).list();
    }

    /** The years a search asks the year words index for, newest first: the filter's year, or every year a model was registered in. */
    List<Integer> yearsNewestFirst(Integer year) {
        if (year != null) {
            return List.of(year);
        }
        var range = jdbc.sql("select min(year), max(year) from exemplar")
                .query((rs, n) -> rs.getObject(1) == null ? null : new int[] {rs.getInt(1), rs.getInt(2)}).single();
        if (range == null) {
            return List.of();
        }
        var years = new java.util.ArrayList<Integer>();
        for (int y = range[1]; y >= range[0]; y--) {
            years.add(y);
        }
        return years;
    }

    private static ExemplarRow row(java.sql.ResultSet rs) throws SQLException {
        return new ExemplarRow(rs.getLong("id"), rs.getString("number"), ExemplarKind.valueOf(rs.getString("kind")),
                rs.getString("name"), rs.getString("person_name"), new UnitRef(rs.getLong("unit_id"), null, null),
                rs.getInt("year"), rs.getObject("registered_on", LocalDate.class), ExemplarStatus.valueOf(rs.getString("status")),
                strings(rs.getArray("fields")),
                rs.getString("highest_level") == null ? null : RecognitionLevel.valueOf(rs.getString("highest_level")),
                rs.getInt("replica_count"), rs.getString("source_number"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
