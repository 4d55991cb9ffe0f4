package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.shared.InvalidInputException;

/**
 * The one-statement write of a value ({@link ValueWrites}) against the embedded PostgreSQL: the indicator
 * definitions it keeps never let a value through against a changed definition, an approval that commits
 * while a write waits for it is seen and the write refused, and an import reads its indicators once and
 * still refuses unknown ones row by row. Each test uses its own indicator or unit × period in 2029, which
 * neither the demo nor the other tests write.
 */
@SpringBootTest
class ValueWritesIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CurrentUsers currentUsers;
    @Autowired
    ReportValues values;
    @Autowired
    Indicators indicators;
    @Autowired
    DataValueSets dataValueSets;
    @Autowired
    PlatformTransactionManager transactions;

    CurrentUser admin;

    @BeforeEach
    void setUp() throws Exception {
        admin = ReportingTestUsers.as(new SignedInMvc(context), currentUsers, "admin");
    }

    @AfterEach
    void tearDown() {
        ReportingTestUsers.signOut();
    }

    private Indicator define(String code, String periodType) {
        return indicators.define(new IndicatorInput(code, "Chỉ số thử " + code, null, null, ValueType.INTEGER, Aggregation.SUM,
                IndicatorSource.ENTERED, periodType, null, null, null, null, null), admin);
    }

    private String stored(String indicator, String unit, String period) {
        return jdbc.sql("""
                select v.value::text from reporting_value v join reporting_indicator i on i.id = v.indicator_id
                join org_unit u on u.id = v.unit_id
                where i.code = :i and u.code = :u and v.period = :p and u.valid_to is null
                """).param("i", indicator).param("u", unit).param("p", period).query(String.class).optional().orElse(null);
    }

    @Test
    void aValueWrittenAfterItsIndicatorChangedIsCheckedAgainstTheNewDefinition() {
        var quarterly = define("VW_DOI_KY", "2029Q1");
        values.save(new ValueInput("VW_DOI_KY", "05983", "2029Q1", null, 3, null), admin); // the quarterly definition is kept

        indicators.update("VW_DOI_KY", new IndicatorInput("VW_DOI_KY", quarterly.name(), null, null, ValueType.INTEGER, Aggregation.SUM,
                IndicatorSource.ENTERED, "202901", null, null, null, null, null), quarterly.version(), admin);

        assertThatThrownBy(() -> values.save(new ValueInput("VW_DOI_KY", "05983", "2029Q2", null, 5, null), admin))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("period"));
        assertThat(stored("VW_DOI_KY", "05983", "2029Q2")).isNull();
        var monthly = values.save(new ValueInput("VW_DOI_KY", "05983", "202904", null, 7, null), admin);
        assertThat(monthly.version()).isEqualTo(1);
        assertThat(stored("VW_DOI_KY", "05983", "202904")).isEqualTo("7");
    }

    @Test
    void aValueOfAnIndicatorChangedToTextAfterItWasKeptIsCheckedAsText() {
        var number = define("VW_DOI_KIEU", null);
        // a refused value: the integer definition is now kept, nothing is stored
        assertThatThrownBy(() -> values.save(new ValueInput("VW_DOI_KIEU", "05983", "2029Q1", null, "ba hội nghị", null), admin))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("value"));
        indicators.update("VW_DOI_KIEU", new IndicatorInput("VW_DOI_KIEU", number.name(), null, null, ValueType.TEXT, Aggregation.NONE,
                IndicatorSource.ENTERED, null, null, null, null, null, null), number.version(), admin);

        var text = values.save(new ValueInput("VW_DOI_KIEU", "05983", "2029Q2", null, "Đã tổ chức 3 hội nghị", null), admin);

        assertThat(text.value()).isEqualTo("Đã tổ chức 3 hội nghị");
        assertThat(jdbc.sql("""
                select v.text_value from reporting_value v join reporting_indicator i on i.id = v.indicator_id
                where i.code = 'VW_DOI_KIEU' and v.period = '2029Q2'
                """).query(String.class).single()).isEqualTo("Đã tổ chức 3 hội nghị");
    }

    @Test
    void anApprovalThatCommitsWhileAWriteWaitsForItIsSeenAndTheWriteRefused() throws Exception {
        var indicator = define("VW_CHO_DUYET", "2029Q3");
        values.save(new ValueInput("VW_CHO_DUYET", "05983", "2029Q3", null, 4, null), admin);
        long unitId = jdbc.sql("select id from org_unit where code = '05983' and valid_to is null").query(Long.class).single();
        long submissionId = jdbc.sql("""
                insert into reporting_submission (form_code, form_version, unit_id, period, period_start, period_end, status,
                                                  created_by, updated_by)
                values ('DV-QUY', 1, :unit, '2029Q3', date '2029-07-01', date '2029-09-30', 'SUBMITTED', 'test', 'test')
                returning id
                """).param("unit", unitId).query(Long.class).single();
        // an approval in flight, as Approvals does it: the submission held FOR UPDATE, approved, its lock rows written
        var held = new CountDownLatch(1);
        var pool = Executors.newSingleThreadExecutor();
        var approval = pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("select id from reporting_submission where id = :id for update").param("id", submissionId).query(Long.class).single();
            jdbc.sql("update reporting_submission set status = 'APPROVED', version = version + 1 where id = :id")
                    .param("id", submissionId).update();
            jdbc.sql("""
                    insert into reporting_value_lock (unit_id, period, indicator_id, submission_id)
                    values (:unit, '2029Q3', :indicator, :submission)
                    """).param("unit", unitId).param("indicator", indicator.id()).param("submission", submissionId).update();
            held.countDown();
            try {
                Thread.sleep(700);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        long started = System.nanoTime();

        assertThatThrownBy(() -> values.save(new ValueInput("VW_CHO_DUYET", "05983", "2029Q3", null, 9, null), admin))
                .isInstanceOf(ValueLockedException.class);

        assertThat((System.nanoTime() - started) / 1_000_000).as("the write waited for the approval").isGreaterThanOrEqualTo(300);
        approval.get(10, TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(stored("VW_CHO_DUYET", "05983", "2029Q3")).isEqualTo("4");
    }

    @Test
    void anImportReadsItsIndicatorsOnceAndStillRefusesAnUnknownOneRowByRow() {
        define("VW_NHAP_A", "2029Q4");
        define("VW_NHAP_B", "2029Q4");
        var rows = List.of(
                new DataValueSets.DataValue("vw_nhap_a", "2029Q4", "05983", null, null, "11", null, null, null, null),
                new DataValueSets.DataValue("VW_NHAP_B", "2029Q4", "05983", null, null, "12", null, null, null, null),
                new DataValueSets.DataValue("VW_KHONG_CO", "2029Q4", "05983", null, null, "13", null, null, null, null),
                new DataValueSets.DataValue("VW_NHAP_A", "2029Q4", "05977", null, null, "14", null, null, null, null));

        var summary = dataValueSets.importValues(new DataValueSets.DataValueSet(null, null, null, null, rows), false,
                DataValueSets.AtomicMode.NONE, admin);

        assertThat(summary.importCount().imported()).isEqualTo(3);
        assertThat(summary.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.index()).isEqualTo(2);
            assertThat(c.field()).isEqualTo("dataElement");
        });
        assertThat(stored("VW_NHAP_A", "05983", "2029Q4")).isEqualTo("11");
        assertThat(stored("VW_NHAP_B", "05983", "2029Q4")).isEqualTo("12");
    }
}
