package vn.danvan.person;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.Grant;
import vn.danvan.identity.Role;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.person.PersonViews.PersonInput;
import vn.danvan.person.PersonViews.PositionInput;

/**
 * Demo people of the five seed scenarios with the positions the seed articles give them. The sources
 * confirm a position on one day only (the day of the event they report), so each demo position runs
 * from that day to that day: the title shows on the conference's page, and no start or end is
 * invented. Loaded once, through {@link People} (checked and audited), on the first start with demo data.
 */
@Component
@Order(44)
class PersonDemoOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PersonDemoOnStart.class);
    private static final long LOCK = 0x5045_5253_4f4eL;

    private final People people;
    private final OrgUnits units;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final boolean enabled;

    PersonDemoOnStart(People people, OrgUnits units, JdbcClient jdbc, TransactionTemplate tx,
                      @Value("${danvan.demo.enabled}") boolean enabled) {
        this.people = people;
        this.units = units;
        this.jdbc = jdbc;
        this.tx = tx;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        tx.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", LOCK).query(Object.class).single();
            if (!jdbc.sql("select exists (select 1 from person)").query(Boolean.class).single()) {
                log.info("Demo people: {} officials of the seed scenarios", load());
            }
        });
    }

    private CurrentUser system;

    private int load() {
        var root = unit("VN", LocalDate.of(2020, 1, 1));
        system = new CurrentUser(0, "system", "Hệ thống", root, List.of(new Grant(0, Role.SYSTEM_ADMIN, root, Set.of())));
        int n = 0;
        // S00 — Lạng Sơn, 28/6/2021: the interagency team and the province
        var s00 = LocalDate.of(2021, 6, 28);
        person("Triệu Văn Cường", "MALE", "VN", s00, pos("VN", "Thứ trưởng Bộ Nội vụ, Trưởng Đoàn công tác liên ngành"));
        person("Nguyễn Lam", "MALE", "VN", s00, pos("TW.BDV", "Phó Trưởng Ban Dân vận Trung ương"));
        person("Hồ Tiến Thiệu", "MALE", "20", s00, pos("20.TU", "Phó Bí thư Tỉnh ủy"), pos("20.UBND", "Chủ tịch UBND tỉnh"));
        person("Giáp Thị Bắc", "FEMALE", "20", s00, pos("20.TU", "Ủy viên Ban Thường vụ Tỉnh ủy"),
                pos("20.BDV", "Trưởng Ban Dân vận Tỉnh ủy"));
        n += 4;
        // S01 — Lạng Sơn, 28/3/2019: the quarterly briefing
        var s01 = LocalDate.of(2019, 3, 28);
        person("Hoàng Văn Nghiệm", "MALE", "20", s01, pos("20.TU", "Phó Bí thư Thường trực Tỉnh ủy"), pos("20.HDND", "Chủ tịch HĐND tỉnh"));
        person("Nguyễn Long Hải", "MALE", "20", s01, pos("20.UBND", "Phó Chủ tịch UBND tỉnh"));
        n += 2;
        // S02 — Thái Nguyên, 5/4/2022: closing review and signing
        var s02 = LocalDate.of(2022, 4, 5);
        person("Trịnh Việt Hùng", "MALE", "19", s02, pos("19.TU", "Ủy viên dự khuyết Trung ương Đảng, Phó Bí thư Tỉnh ủy"),
                pos("19.UBND", "Bí thư Ban Cán sự đảng, Chủ tịch UBND tỉnh"));
        person("Đặng Xuân Trường", "MALE", "19", s02, pos("19.TU", "Ủy viên Ban Thường vụ Tỉnh ủy"),
                pos("19.UBND", "Phó Bí thư Ban Cán sự đảng, Phó Chủ tịch Thường trực UBND tỉnh"));
        person("Dương Văn Tiến", "MALE", "19", s02, pos("19.TU", "Ủy viên Ban Thường vụ Tỉnh ủy"), pos("19.BDV", "Trưởng Ban Dân vận Tỉnh ủy"));
        n += 3;
        // S03 — Bắc Kạn, 20/7/2018: six-month review of dân vận chính quyền (units of the time)
        var s03 = LocalDate.of(2018, 7, 20);
        person("Lý Quang Vịnh", "MALE", "06", s03, pos("06.TU", "Ủy viên Ban Thường vụ Tỉnh ủy"),
                pos("06.MTTQ", "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh"));
        person("Trần Thị Lộc", "FEMALE", "06", s03, pos("06.TU", "Ủy viên Ban Thường vụ Tỉnh ủy"), pos("06.BDV", "Trưởng Ban Dân vận Tỉnh ủy"));
        person("Phạm Duy Hưng", "MALE", "06", s03, pos("06.UBND", "Phó Chủ tịch UBND tỉnh"));
        person("Ma Xuân Thu", "MALE", "06", s03, pos("06.SNV", "Giám đốc Sở Nội vụ"));
        person("Hoàng Duy Chinh", "MALE", "06", s03, pos("06.TU", "Phó Bí thư Tỉnh ủy"));
        n += 5;
        // S04 — Ninh Bình, 29/7/2020: the Central Steering Committee's working session
        var s04 = LocalDate.of(2020, 7, 29);
        person("Lê Vĩnh Tân", "MALE", "VN", s04, pos("VN", "Ủy viên Trung ương Đảng, Bộ trưởng Bộ Nội vụ, Trưởng Đoàn kiểm tra của Ban Chỉ đạo Trung ương"));
        person("Nguyễn Thị Thu Hà", "FEMALE", "37", s04, pos("37.TU", "Bí thư Tỉnh ủy"));
        n += 2;
        return n;
    }

    private record Pos(String unitCode, String title) {
    }

    private static Pos pos(String unitCode, String title) {
        return new Pos(unitCode, title);
    }

    /** A person kept by the unit {@code ownerCode} (as of {@code day}), holding the positions on {@code day}. */
    private void person(String name, String gender, String ownerCode, LocalDate day, Pos... positions) {
        var id = people.create(new PersonInput(name, gender, null, unit(ownerCode, day)), system);
        for (var p : positions) {
            people.addPosition(id, new PositionInput(unit(p.unitCode(), day), p.title(), day, day), system);
        }
    }

    private long unit(String code, LocalDate on) {
        return units.findByCode(code, on).map(u -> u.id())
                .orElseThrow(() -> new IllegalStateException("demo unit " + code + " not found on " + on));
    }
}
