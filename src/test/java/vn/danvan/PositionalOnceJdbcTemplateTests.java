package vn.danvan;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * What the driver is given by {@link PositionalOnceJdbcTemplate}: a stand-in connection records the text of every
 * statement prepared and answers every query with no rows.
 */
class PositionalOnceJdbcTemplateTests {

    private final List<String> prepared = new ArrayList<>();
    private final PositionalOnceJdbcTemplate template = new PositionalOnceJdbcTemplate(new JdbcTemplate(recordingDataSource()));

    /** Runs the statement and answers the text the driver was given to prepare. */
    private String positional(String sql, MapSqlParameterSource values) {
        template.query(sql, values, (rs, i) -> 1);
        return prepared.get(prepared.size() - 1);
    }

    private DataSource recordingDataSource() {
        InvocationHandler rows = (proxy, method, args) -> method.getName().equals("next") ? false : null;
        var resultSet = (ResultSet) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ResultSet.class}, rows);
        InvocationHandler statements = (proxy, method, args) -> method.getName().equals("executeQuery") ? resultSet : null;
        var statement = (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, statements);
        InvocationHandler connections = (proxy, method, args) -> {
            if (method.getName().equals("prepareStatement")) {
                prepared.add((String) args[0]);
                return statement;
            }
            return method.getReturnType() == boolean.class ? false : null;
        };
        var connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, connections);
        InvocationHandler sources = (proxy, method, args) -> method.getName().equals("getConnection") ? connection : null;
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class}, sources);
    }

    @Test
    void aStatementExecutedTwiceWithOtherValuesIsGivenTheSameTextWithQuestionMarks() {
        var sql = "select * from petition where unit_id = :unit and received_on >= :from and subject = :subject";

        var first = positional(sql, new MapSqlParameterSource().addValue("unit", 1L).addValue("from", "2026-01-01")
                .addValue("subject", null, Types.VARCHAR));
        var second = positional(sql, new MapSqlParameterSource().addValue("unit", 2L).addValue("from", "2026-02-01")
                .addValue("subject", "Khiếu nại", Types.VARCHAR));

        assertThat(first).isEqualTo("select * from petition where unit_id = ? and received_on >= ? and subject = ?");
        assertThat(second).isSameAs(first);
    }

    @Test
    void aCollectionStillExpandsIntoOneQuestionMarkPerElementAndDoesNotChangeTheTextKeptForOtherExecutions() {
        var sql = "select * from petition where id in (:ids) and unit_id = :unit";
        var single = positional(sql, new MapSqlParameterSource().addValue("ids", 7L).addValue("unit", 1L));

        assertThat(positional(sql, new MapSqlParameterSource().addValue("ids", List.of(1L, 2L, 3L)).addValue("unit", 1L)))
                .isEqualTo("select * from petition where id in (?, ?, ?) and unit_id = ?");
        assertThat(positional(sql, new MapSqlParameterSource()
                .addValue("ids", new SqlParameterValue(Types.BIGINT, List.of(4L, 5L))).addValue("unit", 1L)))
                .isEqualTo("select * from petition where id in (?, ?) and unit_id = ?");
        assertThat(positional(sql, new MapSqlParameterSource().addValue("ids", 8L).addValue("unit", 2L))).isSameAs(single)
                .isEqualTo("select * from petition where id in (?) and unit_id = ?");
    }

    @Test
    void anArrayBoundToOneParameterStaysOneQuestionMark() {
        var sql = "select * from unnest(cast(:names as text[]))";

        assertThat(positional(sql, new MapSqlParameterSource().addValue("names", new String[] {"a", "b"})))
                .isEqualTo("select * from unnest(cast(? as text[]))");
    }
}
