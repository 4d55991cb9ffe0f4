package vn.danvan.exemplar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.exemplar.ExemplarRounds.Criterion;
import vn.danvan.exemplar.ExemplarRounds.NewRound;
import vn.danvan.exemplar.ExemplarRounds.RoundDetail;
import vn.danvan.exemplar.ExemplarRounds.RoundKind;
import vn.danvan.exemplar.ExemplarRounds.RoundRow;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.InvalidInputException;

/** Assessment rounds and commendation ceremonies over JSON, with the screens' scope rules. */
@RestController
@RequestMapping("/api/exemplars/rounds")
@Tag(name = "Dân vận khéo")
class RoundApi {

    record RoundRequest(RoundKind kind, String unit, String name, Integer fromYear, Integer toYear, List<Criterion> criteria,
                        LocalDate ceremonyOn, String decisionNumber, String issuer, CommendationForm form) {
    }

    record AssessmentRequest(long exemplarId, List<BigDecimal> scores, LocalDate day, String assessor, String note) {
    }

    record SelectionRequest(List<Long> exemplarIds, Integer version) {
    }

    record CloseRequest(Integer version) {
    }

    private final ExemplarRounds rounds;
    private final CurrentUsers users;
    private final OrgUnits units;
    private final Clock clock;

    RoundApi(ExemplarRounds rounds, CurrentUsers users, OrgUnits units, Clock clock) {
        this.rounds = rounds;
        this.users = users;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Các đợt đánh giá và lễ khen thưởng trong phạm vi")
    List<RoundRow> list() {
        return rounds.list(users.require());
    }

    @PostMapping
    @Operation(summary = "Mở đợt đánh giá năm hoặc lễ khen thưởng giai đoạn",
            description = "ASSESSMENT: fromYear, criteria [{name, max}]; danh sách gồm các mô hình đang thực hiện trong cây đơn vị. CEREMONY: fromYear–toYear, ceremonyOn, decisionNumber, issuer, form; danh sách gồm các mô hình được công nhận trong giai đoạn")
    ResponseEntity<RoundDetail> open(@RequestBody RoundRequest r) {
        var user = users.require();
        Long unitId = null;
        if (r.unit() != null && !r.unit().isBlank()) {
            unitId = units.findByCode(r.unit().strip(), LocalDate.now(clock)).map(u -> u.id())
                    .orElseThrow(() -> new InvalidInputException("unit", "exemplar.validation.unit-code", r.unit().strip(),
                            ExemplarManagement.dmy(LocalDate.now(clock))));
        }
        var id = rounds.open(new NewRound(r.kind(), unitId, r.name(), r.fromYear(), r.toYear(), r.criteria(), r.ceremonyOn(),
                r.decisionNumber(), r.issuer(), r.form()), user);
        return ResponseEntity.created(URI.create("/api/exemplars/rounds/" + id)).body(rounds.detail(id, user));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Một đợt với bảng kết quả (đánh giá) hoặc danh sách được chọn (lễ khen thưởng)")
    RoundDetail detail(@PathVariable long id) {
        return rounds.detail(id, users.require());
    }

    @PostMapping("/{id}/assessments")
    @Operation(summary = "Đánh giá một mô hình trong đợt", description = "scores: điểm theo thứ tự tiêu chí của đợt")
    RoundDetail assess(@PathVariable long id, @RequestBody AssessmentRequest r) {
        var user = users.require();
        rounds.assess(id, r.exemplarId(), r.scores(), r.day(), r.assessor(), r.note(), user);
        return rounds.detail(id, user);
    }

    @PutMapping("/{id}/selection")
    @Operation(summary = "Chọn mô hình tiêu biểu của lễ khen thưởng", description = "Thay cho lựa chọn trước; version: phiên bản đã đọc")
    RoundDetail select(@PathVariable long id, @RequestBody SelectionRequest r) {
        var user = users.require();
        rounds.select(id, r.exemplarIds() == null ? List.of() : r.exemplarIds(), version(r.version()), user);
        return rounds.detail(id, user);
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Kết thúc đợt", description = "Lễ khen thưởng: các mô hình được chọn được công nhận tiêu biểu và khen thưởng theo quyết định của lễ — tất cả hoặc không mô hình nào")
    RoundDetail close(@PathVariable long id, @RequestBody CloseRequest r) {
        var user = users.require();
        rounds.close(id, version(r.version()), user);
        return rounds.detail(id, user);
    }

    private static int version(Integer version) {
        if (version == null) {
            throw new InvalidInputException("version", "validation.required");
        }
        return version;
    }
}
