package vn.danvan;

import java.lang.ref.WeakReference;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * The record mapping of {@link RecordMappingJdbcClient} once a query's columns are known: which column feeds which
 * component is settled once per result set, as Spring's {@code SimplePropertyRowMapper} settles it on every row
 * (the component's name, else its underscored name, case-insensitive, the first column of that label), and each row
 * is then read by column index, converted and constructed exactly as Spring does it ({@code JdbcUtils.getResultSetValue}
 * with the component's type, the conversion service, {@code BeanUtils.instantiateClass}). Profiles of the reporting
 * answers showed Spring's per-row lookups (a set of used columns, the underscored names, a property lookup for every
 * other column) as a tenth of a request's CPU, and more than a quarter of an export's.
 *
 * <p>Only for records, and only when Spring's mapper would do nothing after the constructor: a result set with a
 * column that is not a component's but is named like one of the record's fields (Spring would try to set it), or a
 * component without a column (Spring refuses it with its own exception), is left to Spring's mapper.
 */
final class RecordRows<T> {

    /** The columns feeding the components for one result set. */
    private record Plan(WeakReference<ResultSet> rs, int[] columns) {
    }

    private final Constructor<T> constructor;
    private final String[] names;
    private final TypeDescriptor[] types;
    private final ConversionService conversions;
    /**
     * Lower-case names of the record's fields and components: an unused column named like one (as is or camel-cased)
     * Spring would try to write.
     */
    private final Set<String> writable = new HashSet<>();
    private final ThreadLocal<Plan> last = new ThreadLocal<>();

    private RecordRows(Class<T> type, ConversionService conversions) {
        this.constructor = BeanUtils.getResolvableConstructor(type);
        this.conversions = conversions;
        int n = constructor.getParameterCount();
        this.names = n > 0 ? BeanUtils.getParameterNames(constructor) : new String[0];
        this.types = new TypeDescriptor[n];
        for (int i = 0; i < n; i++) {
            types[i] = new TypeDescriptor(new MethodParameter(constructor, i));
        }
        for (Class<?> c = type; c != null && c != Object.class && c != Record.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                writable.add(f.getName().toLowerCase(Locale.ROOT));
            }
        }
        for (RecordComponent component : type.getRecordComponents()) {
            writable.add(component.getName().toLowerCase(Locale.ROOT));
        }
    }

    /** The fast mapping of a record type, or null for any other type (left to Spring's mapper). */
    static <T> RecordRows<T> of(Class<T> type, ConversionService conversions) {
        return type.isRecord() ? new RecordRows<>(type, conversions) : null;
    }

    /** The row mapped, or null when this result set is one to leave to Spring's mapper. */
    T mapRow(ResultSet rs) throws SQLException {
        var columns = columnsOf(rs);
        if (columns == null) {
            return null;
        }
        var args = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            var value = JdbcUtils.getResultSetValue(rs, columns[i], types[i].getType());
            args[i] = conversions.convert(value, types[i]);
        }
        return BeanUtils.instantiateClass(constructor, args);
    }

    private int[] columnsOf(ResultSet rs) throws SQLException {
        var plan = last.get();
        if (plan != null && plan.rs().get() == rs) {
            return plan.columns();
        }
        var meta = rs.getMetaData();
        int count = meta.getColumnCount();
        var byLabel = new HashMap<String, Integer>();
        for (int i = count; i >= 1; i--) {
            byLabel.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), i); // the lowest index wins, as in the driver
        }
        var columns = new int[names.length];
        var used = new HashSet<Integer>();
        boolean fast = true;
        for (int i = 0; i < names.length; i++) {
            var index = byLabel.get(names[i].toLowerCase(Locale.ROOT));
            if (index == null) {
                index = byLabel.get(JdbcUtils.convertPropertyNameToUnderscoreName(names[i]).toLowerCase(Locale.ROOT));
            }
            if (index == null) {
                fast = false; // Spring's mapper refuses it with its own exception
                break;
            }
            columns[i] = index;
            used.add(index);
        }
        for (int i = 1; fast && i <= count; i++) {
            if (!used.contains(i)) {
                var name = JdbcUtils.lookupColumnName(meta, i);
                fast = !writable.contains(name.toLowerCase(Locale.ROOT))
                        && !writable.contains(JdbcUtils.convertUnderscoreNameToPropertyName(name).toLowerCase(Locale.ROOT));
            }
        }
        var result = fast ? columns : null;
        last.set(new Plan(new WeakReference<>(rs), result));
        return result;
    }
}
