package vn.danvan;

import java.util.Map;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.PreparedStatementCreatorFactory;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.util.ConcurrentReferenceHashMap;

/**
 * Spring's {@link NamedParameterJdbcTemplate} (under every {@code JdbcClient} of the application), except that a
 * statement's text with its named parameters replaced by {@code ?} is made once per statement instead of at every
 * execution.
 *
 * <p>Spring makes that text anew at each execution, because a collection bound to a parameter expands into one
 * {@code ?} per element; the driver then finds its prepared statement by that new String, hashing its few kilobytes
 * again. In the complaint lifecycle, statement texts being hashed were 13 % of the JVM's samples
 * (bench/results/lifecycle-services-2026-12-02-s23.md). Here, when no parameter is bound to a collection (the only
 * values that change the text), the text made the first time is kept with the parsed statement and given again: the
 * same String, whose hash is computed once. A statement with a collection bound goes Spring's way.
 */
final class PositionalOnceJdbcTemplate extends NamedParameterJdbcTemplate {

    /** The texts with {@code ?}, by parsed statement (identity; dropped with it when Spring's cache lets it go). */
    private final Map<ParsedSql, String> positional = new ConcurrentReferenceHashMap<>(256,
            ConcurrentReferenceHashMap.ReferenceType.WEAK);

    PositionalOnceJdbcTemplate(JdbcOperations classic) {
        super(classic);
        // the application's statements are more than Spring's default 256: a statement evicted is parsed again
        setCacheLimit(2048);
    }

    @Override
    protected PreparedStatementCreatorFactory getPreparedStatementCreatorFactory(ParsedSql parsedSql, SqlParameterSource paramSource) {
        if (!(paramSource instanceof MapSqlParameterSource map) || expands(map.getValues())) {
            return super.getPreparedStatementCreatorFactory(parsedSql, paramSource);
        }
        var sql = positional.computeIfAbsent(parsedSql, parsed -> NamedParameterUtils.substituteNamedParameters(parsed, paramSource));
        return new PreparedStatementCreatorFactory(sql, NamedParameterUtils.buildSqlParameterList(parsedSql, paramSource));
    }

    /** Whether a value expands into several {@code ?}: a collection (an {@link Iterable}), typed or not. */
    static boolean expands(Map<String, Object> values) {
        for (var value : values.values()) {
            var v = value instanceof SqlParameterValue typed ? typed.getValue() : value;
            if (v instanceof Iterable<?>) {
                return true;
            }
        }
        return false;
    }
}
