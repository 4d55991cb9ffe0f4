package vn.danvan.orgunit;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes units and their versions; used by the file import and by editing in the UI or API. */
@Repository
class UnitStore {

    /** One unit to insert with its first version; {@code path} ends with the unit's own id. */
    record NewRow(long id, String code, UnitKind kind, UnitLevel level, Long parentId, String path, int depth,
                  LocalDate validFrom, LocalDate validTo, String name, String nameEn, String source) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    UnitStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Reserves ids from the unit sequence, so that paths can be written with the rows. */
    List<Long> reserveIds(int count) {
        return jdbc.sql("select nextval(pg_get_serial_sequence('org_unit', 'id')) from generate_series(1, :n)")
                .param("n", count).query(Long.class).list();
    }

    void insert(List<NewRow> rows) {
        batch.batchUpdate("""
                insert into org_unit (id, code, category, level, parent_id, path, depth, valid_from, valid_to, source)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows.stream().map(r -> new Object[] {r.id(), r.code(), r.kind().category().name(), r.level().name(),
                r.parentId(), r.path(), r.depth(), r.validFrom(), r.validTo(), r.source()}).toList());
        batch.batchUpdate("""
                insert into org_unit_version (unit_id, valid_from, valid_to, kind, name, name_en, sort_name, change)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """, rows.stream().map(r -> new Object[] {r.id(), r.validFrom(), r.validTo(), r.kind().name(), r.name(),
                r.nameEn(), UnitNames.sortKey(r.name(), r.kind()), UnitChange.ESTABLISHED.name()}).toList());
    }

    /** Ends the version valid the day before {@code from} and starts a new one on {@code from}. */
    void changeFrom(long unitId, LocalDate from, UnitKind kind, String name, String nameEn, UnitChange change) {
        jdbc.sql("""
                update org_unit_version set valid_to = :lastDay
                where unit_id = :id and validity @> cast(:lastDay as date)
                """).param("id", unitId).param("lastDay", from.minusDays(1)).update();
        jdbc.sql("""
                insert into org_unit_version (unit_id, valid_from, valid_to, kind, name, name_en, sort_name, change)
                values (:id, :from, (select valid_to from org_unit where id = :id), :kind, :name, :nameEn, :sortName, :change)
                """).param("id", unitId).param("from", from).param("kind", kind.name()).param("name", name)
                .param("nameEn", nameEn).param("sortName", UnitNames.sortKey(name, kind)).param("change", change.name())
                .update();
    }

    /** Is the code held by some unit at a time within [from, to] (null: open)? */
    boolean codeHeldDuring(String code, LocalDate from, LocalDate to) {
        return jdbc.sql("select count(*) from org_unit where code = :code and validity && daterange(:from, :to, '[]')")
                .param("code", code).param("from", from).param("to", to).query(Long.class).single() > 0;
    }
}
