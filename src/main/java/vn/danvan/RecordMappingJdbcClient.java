package vn.danvan;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.BeanUtils;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Spring's {@link JdbcClient}, except that {@code query(SomeRecord.class)} maps rows without an
 * exception per column.
 *
 * <p>Spring's record mapping ({@link SimplePropertyRowMapper}) finds each component's column with
 * {@code ResultSet.findColumn(componentName)} and, when that fails, with the underscored name: for a
 * snake_case column ({@code held_on} for {@code heldOn}) the PostgreSQL driver builds and throws an
 * {@link SQLException} — a translated message and a stack trace — for every row and every such column.
 * Thread dumps of the oversight benchmark showed country-wide reads spending most of their time there.
 * Here the same mapper reads the same columns through a view of the result set whose
 * {@code findColumn} answers from the column labels (case-insensitive, first match, as the driver
 * does) and signals a missing name with one shared exception without a stack trace. The mapping
 * itself — which column feeds which component, conversions, nulls — is Spring's, unchanged; for records
 * {@link RecordRows} settles the columns once per result set instead of once per row.
 */
final class RecordMappingJdbcClient implements JdbcClient {

    private final NamedParameterJdbcOperations operations;
    private final JdbcClient delegate;
    private final ConversionService conversions;
    private final Map<Class<?>, RowMapper<?>> mappers = new ConcurrentHashMap<>();

    RecordMappingJdbcClient(NamedParameterJdbcOperations operations) {
        this.operations = operations;
        this.conversions = DefaultConversionService.getSharedInstance();
        this.delegate = JdbcClient.create(operations, conversions);
    }

    @Override
    public StatementSpec sql(String sql) {
        return new Statement(delegate.sql(sql));
    }

    /** The template underneath, for tests that compare with Spring's own client. */
    NamedParameterJdbcOperations operations() {
        return operations;
    }

    @SuppressWarnings("unchecked")
    <T> RowMapper<T> mapperFor(Class<T> type) {
        return (RowMapper<T>) mappers.computeIfAbsent(type, t -> new LabelledRowMapper<>(t, conversions));
    }

    /** Spring's record mapper, reading through a result set whose findColumn does not throw per row. */
    static final class LabelledRowMapper<T> extends SimplePropertyRowMapper<T> {

        /** Records whose columns are settled once per result set; null for other types. */
        private final RecordRows<T> records;

        LabelledRowMapper(Class<T> type, ConversionService conversions) {
            super(type, conversions);
            this.records = RecordRows.of(type, conversions);
        }

        @Override
        public T mapRow(ResultSet rs, int rowNumber) throws SQLException {
            var row = records != null ? records.mapRow(rs) : null;
            return row != null ? row : super.mapRow(LabelledResultSet.of(rs), rowNumber);
        }
    }

    /** A result set view answering findColumn from its labels; every other call goes to the driver's. */
    static final class LabelledResultSet implements InvocationHandler {

        /** Signals "no such column" to the mapper, which then tries the underscored name: cheap, no stack trace. */
        static final class MissingColumn extends SQLException {

            MissingColumn(String name) {
                super("Không có cột " + name + " trong kết quả truy vấn / no column " + name + " in the result", "42703");
            }

            @Override
            public synchronized Throwable fillInStackTrace() {
                return this;
            }
        }

        /**
         * The last result set viewed on this thread and its view, so that a query's rows reuse one view; held weakly,
         * so that a finished query's rows are not kept alive by the thread.
         */
        private static final ThreadLocal<Last> LAST = new ThreadLocal<>();

        private record Last(java.lang.ref.WeakReference<ResultSet> rs, java.lang.ref.WeakReference<ResultSet> view) {
        }

        private final ResultSet rs;
        private final Map<String, Integer> columns;

        private LabelledResultSet(ResultSet rs, Map<String, Integer> columns) {
            this.rs = rs;
            this.columns = columns;
        }

        static ResultSet of(ResultSet rs) throws SQLException {
            var last = LAST.get();
            if (last != null && last.rs().get() == rs) {
                var view = last.view().get();
                if (view != null) {
                    return view;
                }
            }
            var meta = rs.getMetaData();
            var columns = new HashMap<String, Integer>();
            for (int i = meta.getColumnCount(); i >= 1; i--) {
                columns.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), i); // lowest index wins, as in the driver
            }
            var view = (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(), new Class<?>[] {ResultSet.class},
                    new LabelledResultSet(rs, columns));
            LAST.set(new Last(new java.lang.ref.WeakReference<>(rs), new java.lang.ref.WeakReference<>(view)));
            return view;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("findColumn") && args != null && args.length == 1 && args[0] instanceof String name) {
                var index = columns.get(name.toLowerCase(Locale.ROOT));
                if (index == null) {
                    throw new MissingColumn(name);
                }
                return index;
            }
            try {
                return method.invoke(rs, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    private final class Statement implements StatementSpec {

        private StatementSpec spec;

        Statement(StatementSpec spec) {
            this.spec = spec;
        }

        @Override
        public <T> MappedQuerySpec<T> query(Class<T> mappedClass) {
            return BeanUtils.isSimpleProperty(mappedClass) ? spec.query(mappedClass) : spec.query(mapperFor(mappedClass));
        }

        @Override
        public StatementSpec withFetchSize(int fetchSize) {
            spec = spec.withFetchSize(fetchSize);
            return this;
        }

        @Override
        public StatementSpec withMaxRows(int maxRows) {
            spec = spec.withMaxRows(maxRows);
            return this;
        }

        @Override
        public StatementSpec withQueryTimeout(int queryTimeout) {
            spec = spec.withQueryTimeout(queryTimeout);
            return this;
        }

        @Override
        public StatementSpec param(Object value) {
            spec = spec.param(value);
            return this;
        }

        @Override
        public StatementSpec param(int jdbcIndex, Object value) {
            spec = spec.param(jdbcIndex, value);
            return this;
        }

        @Override
        public StatementSpec param(int jdbcIndex, Object value, int sqlType) {
            spec = spec.param(jdbcIndex, value, sqlType);
            return this;
        }

        @Override
        public StatementSpec param(String name, Object value) {
            spec = spec.param(name, value);
            return this;
        }

        @Override
        public StatementSpec param(String name, Object value, int sqlType) {
            spec = spec.param(name, value, sqlType);
            return this;
        }

        @Override
        public StatementSpec params(Object... values) {
            spec = spec.params(values);
            return this;
        }

        @Override
        public StatementSpec params(List<?> values) {
            spec = spec.params(values);
            return this;
        }

        @Override
        public StatementSpec params(Map<String, ?> paramMap) {
            spec = spec.params(paramMap);
            return this;
        }

        @Override
        public StatementSpec paramSource(Object namedParamObject) {
            spec = spec.paramSource(namedParamObject);
            return this;
        }

        @Override
        public StatementSpec paramSource(SqlParameterSource namedParamSource) {
            spec = spec.paramSource(namedParamSource);
            return this;
        }

        @Override
        public ResultQuerySpec query() {
            return spec.query();
        }

        @Override
        public <T> MappedQuerySpec<T> query(RowMapper<T> rowMapper) {
            return spec.query(rowMapper);
        }

        @Override
        public void query(RowCallbackHandler rch) {
            spec.query(rch);
        }

        @Override
        public <T> T query(ResultSetExtractor<T> rse) {
            return spec.query(rse);
        }

        @Override
        public int update() {
            return spec.update();
        }

        @Override
        public int update(KeyHolder generatedKeyHolder) {
            return spec.update(generatedKeyHolder);
        }

        @Override
        public int update(KeyHolder generatedKeyHolder, String... keyColumnNames) {
            return spec.update(generatedKeyHolder, keyColumnNames);
        }
    }
}
