package vn.danvan.petition;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Statements composed of parts, each part a constant or an audit trail's CTE (one String per shape): the same parts
 * give the same String, composed once. A statement composed anew at every execution is a new String whose hash
 * Spring's cache of parsed statements and the driver's cache of prepared statements compute again, over its few
 * kilobytes, at every execution (bench/results/lifecycle-services-2026-12-02-s23.md: 13 % of the JVM's samples in a
 * lifecycle were String.hashCode).
 */
final class ComposedSql {

    private static final Map<List<String>, String> STATEMENTS = new ConcurrentHashMap<>();

    private ComposedSql() {
    }

    static String of(String... parts) {
        return STATEMENTS.computeIfAbsent(List.of(parts), p -> String.join("", p));
    }
}
