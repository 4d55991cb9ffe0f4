package vn.danvan.person;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.person.PersonViews.PersonDetail;
import vn.danvan.person.PersonViews.PersonInput;
import vn.danvan.person.PersonViews.PersonRow;
import vn.danvan.person.PersonViews.PersonTitle;
import vn.danvan.person.PersonViews.PositionInput;
import vn.danvan.person.PersonViews.PositionView;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.PageResult;
import vn.danvan.shared.VietnameseText;

/**
 * People and their positions over time. A person is seen by users whose scope covers the unit that
 * keeps the record or the unit of one of the person's positions; created and changed by a writing
 * role covering the keeping unit; a position is added or closed by a writing role covering the
 * position's unit. Every change is audited in the same transaction.
 */
@Service
@Transactional
public class People {

    static final int MAX_NAME = 200;
    static final int MAX_TITLE = 300;

    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final OrgUnits units;
    private final AuditTrail audit;
    private final Clock clock;

    People(JdbcClient jdbc, OrgScope scope, OrgUnits units, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- reading --------------------------------------------------------------------------------

    /**
     * The person's name and title on {@code day} (the positions held that day, joined). Not scoped: the
     * caller shows it only beside a record the user may read (a conference's chairs and participants).
     *
     * @return empty when there is no such person
     */
    @Transactional(readOnly = true)
    public Optional<PersonTitle> titleOn(long personId, LocalDate day) {
        return Optional.ofNullable(titlesOn(List.of(personId), day).get(personId));
    }

    /** As {@link #titleOn} for several persons at once, keyed by id (unknown ids are left out). */
    @Transactional(readOnly = true)
    public Map<Long, PersonTitle> titlesOn(Collection<Long> personIds, LocalDate day) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        var ids = personIds.toArray(Long[]::new);
        var names = new LinkedHashMap<Long, String>();
        jdbc.sql("select id, full_name from person where id = any(:ids)").param("ids", ids)
                .query((rs, n) -> names.put(rs.getLong(1), rs.getString(2))).list();
        var held = new HashMap<Long, List<Titles.Held>>();
        jdbc.sql("select person_id, title, valid_from, valid_to, ordinal from person_position where person_id = any(:ids)")
                .param("ids", ids)
                .query((rs, n) -> held.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Titles.Held(rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getInt(5))))
                .list();
        var result = new LinkedHashMap<Long, PersonTitle>();
        names.forEach((id, name) -> result.put(id, new PersonTitle(id, name, Titles.on(held.getOrDefault(id, List.of()), day))));
        return result;
    }

    /** The positions the person held on {@code day}, in their order (not scoped, like {@link #titleOn}). */
    @Transactional(readOnly = true)
    public List<PersonViews.HeldPosition> positionsOn(long personId, LocalDate day) {
        return jdbc.sql("""
                        select unit_id, title from person_position
                        where person_id = :p
                          and (valid_from is null or valid_from <= :day)
                          and (valid_to is null or valid_to >= :day)
                        order by ordinal, id""")
                .param("p", personId).param("day", day).query(PersonViews.HeldPosition.class).list();
    }

    /** People within the user's scope whose name matches {@code q} without accents, in Vietnamese order. */
    @Transactional(readOnly = true)
    public PageResult<PersonRow> search(String q, int page, int size, CurrentUser user) {
        var readable = scope.readableUnitIds(user);
        var where = """
                from person p
                where (cast(:q as text) is null or p.search_text like '%' || search_key(cast(:q as text)) || '%')
                  and (cast(:all as boolean)
                       or p.owner_unit_id = any(:ids)
                       or exists (select 1 from person_position pp where pp.person_id = p.id and pp.unit_id = any(:ids)))
                """;
        var params = new HashMap<String, Object>();
        params.put("q", q == null || q.isBlank() ? null : q.strip());
        params.put("all", readable == null);
        params.put("ids", readable == null ? new Long[0] : readable.toArray(Long[]::new));
        var total = jdbc.sql("select count(*) " + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        var rows = jdbc.sql("select p.id, p.full_name " + where + """
                        order by p.full_name collate vietnamese, p.id
                        limit :limit offset :offset""")
                .params(params).query((rs, n) -> new long[] {rs.getLong(1)}).list();
        var today = LocalDate.now(clock);
        var titles = titlesOn(rows.stream().map(r -> r[0]).toList(), today);
        return new PageResult<>(rows.stream().map(r -> titles.get(r[0]))
                .map(t -> new PersonRow(t.personId(), t.name(), t.title())).toList(), total, page, size);
    }

    /** @throws NotFoundException when there is no such person or it is outside the user's scope */
    @Transactional(readOnly = true)
    public PersonDetail detail(long id, CurrentUser user) {
        var head = head(id).orElseThrow(() -> new NotFoundException("person", id));
        var today = LocalDate.now(clock);
        record Pos(long id, long unitId, String title, LocalDate validFrom, LocalDate validTo) {
        }
        var positions = jdbc.sql("""
                        select id, unit_id, title, valid_from, valid_to from person_position
                        where person_id = :id order by valid_from desc nulls last, ordinal, id""")
                .param("id", id).query(Pos.class).list();
        boolean visible = scope.canRead(user, head.ownerUnitId()) || positions.stream().anyMatch(p -> scope.canRead(user, p.unitId()));
        if (!visible) {
            throw new NotFoundException("person", id);
        }
        var views = positions.stream().map(p -> {
            var day = p.validFrom() != null ? p.validFrom() : today;
            var unitName = units.find(p.unitId(), day).map(u -> u.name()).orElse("");
            boolean current = (p.validFrom() == null || !today.isBefore(p.validFrom())) && (p.validTo() == null || !today.isAfter(p.validTo()));
            return new PositionView(p.id(), p.unitId(), unitName, p.title(), p.validFrom(), p.validTo(), current);
        }).toList();
        var owner = units.find(head.ownerUnitId(), today).map(u -> u.name()).orElse("");
        return new PersonDetail(id, head.name(), head.gender(), head.birthYear(), head.ownerUnitId(), owner, head.version(), views,
                scope.canWrite(user, head.ownerUnitId()));
    }

    /** The id of a person with exactly this name (NFC, case and tone placement ignored) kept by the unit, if any. */
    @Transactional(readOnly = true)
    public Optional<Long> idByName(String name, long ownerUnitId) {
        return jdbc.sql("select id, full_name from person where owner_unit_id = :u and search_text = search_key(:n) order by id")
                .param("u", ownerUnitId).param("n", VietnameseText.nfc(name.strip()))
                .query((rs, n) -> VietnameseText.sameName(rs.getString(2), name.strip()) ? rs.getLong(1) : null).stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    // ---- writing --------------------------------------------------------------------------------

    /**
     * Records a person kept by {@code input.ownerUnitId()}.
     *
     * @throws InvalidInputException naming each field in error
     * @throws NotFoundException when the keeping unit is outside the user's write scope
     */
    public long create(PersonInput input, CurrentUser user) {
        check(input);
        scope.requireWrite(user, input.ownerUnitId(), "unit", input.ownerUnitId());
        var id = jdbc.sql("""
                        insert into person (full_name, gender, birth_year, owner_unit_id, created_by)
                        values (:name, :gender, :birthYear, :owner, :by) returning id""")
                .param("name", VietnameseText.nfc(input.name().strip())).param("gender", blankToNull(input.gender()))
                .param("birthYear", input.birthYear()).param("owner", input.ownerUnitId()).param("by", user.username())
                .query(Long.class).single();
        audit.record("person.created", "person", id, input.ownerUnitId(), null,
                AuditTrail.fields("name", input.name().strip(), "gender", input.gender(), "birthYear", input.birthYear()));
        return id;
    }

    /**
     * Changes a person's name, gender, birth year; {@code version} is the version the user read.
     *
     * @throws ConflictException when someone saved it meanwhile
     */
    public void update(long id, PersonInput input, int version, CurrentUser user) {
        var before = head(id).orElseThrow(() -> new NotFoundException("person", id));
        scope.requireWrite(user, before.ownerUnitId(), "person", id);
        var in = new PersonInput(input.name(), input.gender(), input.birthYear(), before.ownerUnitId());
        check(in);
        var updated = jdbc.sql("""
                        update person set full_name = :name, gender = :gender, birth_year = :birthYear,
                               version = version + 1, updated_at = now()
                        where id = :id and version = :version""")
                .param("name", VietnameseText.nfc(in.name().strip())).param("gender", blankToNull(in.gender()))
                .param("birthYear", in.birthYear()).param("id", id).param("version", version).update();
        if (updated == 0) {
            throw new ConflictException("person", before.name());
        }
        audit.record("person.updated", "person", id, before.ownerUnitId(),
                AuditTrail.fields("name", before.name(), "gender", before.gender(), "birthYear", before.birthYear()),
                AuditTrail.fields("name", in.name().strip(), "gender", in.gender(), "birthYear", in.birthYear()));
    }

    /**
     * Records a position the person holds (or held) at a unit.
     *
     * @throws InvalidInputException naming the field: unit, title, an end before the start
     * @throws NotFoundException when the person is unknown or the position's unit outside the user's write scope
     */
    public long addPosition(long personId, PositionInput input, CurrentUser user) {
        var person = head(personId).orElseThrow(() -> new NotFoundException("person", personId));
        var problems = new ArrayList<Problem>();
        if (input.unitId() == null) {
            problems.add(new Problem("unitId", "validation.required"));
        }
        if (input.title() == null || input.title().isBlank()) {
            problems.add(new Problem("positionTitle", "validation.required"));
        } else if (input.title().strip().length() > MAX_TITLE) {
            problems.add(new Problem("positionTitle", "validation.too-long", MAX_TITLE));
        }
        if (input.validFrom() != null && input.validTo() != null && input.validTo().isBefore(input.validFrom())) {
            problems.add(new Problem("heldTo", "person.position.to-before-from"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        scope.requireWrite(user, input.unitId(), "unit", input.unitId());
        units.find(input.unitId(), input.validFrom() != null ? input.validFrom() : LocalDate.now(clock))
                .orElseThrow(() -> new NotFoundException("unit", input.unitId()));
        var ordinal = jdbc.sql("select coalesce(max(ordinal) + 1, 0) from person_position where person_id = :p")
                .param("p", personId).query(Integer.class).single();
        var id = jdbc.sql("""
                        insert into person_position (person_id, unit_id, title, valid_from, valid_to, ordinal, created_by)
                        values (:p, :u, :t, :from, :to, :o, :by) returning id""")
                .param("p", personId).param("u", input.unitId()).param("t", VietnameseText.nfc(input.title().strip()))
                .param("from", input.validFrom()).param("to", input.validTo()).param("o", ordinal).param("by", user.username())
                .query(Long.class).single();
        audit.record("person.position-added", "person", personId, input.unitId(), null,
                AuditTrail.fields("name", person.name(), "title", input.title().strip(), "from", input.validFrom(), "to", input.validTo()));
        return id;
    }

    /** Removes a position recorded by mistake (a writing role covering the position's unit). */
    public void removePosition(long personId, long positionId, CurrentUser user) {
        record Pos(long unitId, String title) {
        }
        var pos = jdbc.sql("select unit_id, title from person_position where id = :id and person_id = :p")
                .param("id", positionId).param("p", personId).query(Pos.class).optional()
                .orElseThrow(() -> new NotFoundException("position", positionId));
        scope.requireWrite(user, pos.unitId(), "position", positionId);
        jdbc.sql("delete from person_position where id = :id").param("id", positionId).update();
        audit.record("person.position-removed", "person", personId, pos.unitId(), AuditTrail.fields("title", pos.title()), null);
    }

    // ---- helpers --------------------------------------------------------------------------------

    record Head(long id, String name, String gender, Integer birthYear, long ownerUnitId, int version) {
    }

    private Optional<Head> head(long id) {
        return jdbc.sql("select id, full_name as name, gender, birth_year, owner_unit_id, version from person where id = :id")
                .param("id", id).query(Head.class).optional();
    }

    private static void check(PersonInput in) {
        var problems = new ArrayList<Problem>();
        if (in.name() == null || in.name().isBlank()) {
            problems.add(new Problem("fullName", "validation.required"));
        } else if (in.name().strip().length() > MAX_NAME) {
            problems.add(new Problem("fullName", "validation.too-long", MAX_NAME));
        }
        var gender = blankToNull(in.gender());
        if (gender != null && !gender.equals("MALE") && !gender.equals("FEMALE")) {
            problems.add(new Problem("gender", "validation.bad-value", gender));
        }
        if (in.birthYear() != null && (in.birthYear() < 1900 || in.birthYear() > 2100)) {
            problems.add(new Problem("birthYear", "person.birth-year.range"));
        }
        if (in.ownerUnitId() == null) {
            problems.add(new Problem("ownerUnitId", "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
