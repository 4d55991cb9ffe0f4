package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;

/**
 * The country's petition forms have one row per province (before or after the 2025 reform) and per central body, each
 * the sum of its subtree, instead of one row per unit with records; every figure of such a row still opens the records
 * it counts, and the rows add up to the country's total.
 */
@SpringBootTest
class PetitionFormsCountryIntegrationTests {

    /** Forms whose columns all count records, so that the list behind a figure has exactly as many records. */
    static final List<String> TRACED = List.of("02-TCD", "01-XLD");

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void theCountrysFormHasARowPerProvinceOrCentralBodyThatAddsUpToTheTotalAndOpensItsRecords() throws Exception {
        var signedIn = new SignedInMvc(context);
        var admin = signedIn.login("admin");
        var mvc = signedIn.mvc();
        var year = LocalDate.now(clock).getYear();
        var from = LocalDate.of(year - 1, 1, 1).toString();
        var to = LocalDate.of(year, 12, 31).toString();
        var country = jdbc.sql("select id from org_unit where parent_id is null").query(Long.class).single();
        var parentOfCode = new HashMap<String, List<Long>>();
        jdbc.sql("select code, coalesce(parent_id, 0) as parent from org_unit").query((RowCallbackHandler) rs ->
                parentOfCode.computeIfAbsent(rs.getString("code"), c -> new java.util.ArrayList<>()).add(rs.getLong("parent")));
        int traced = 0;
        int tracedLangSon = 0;
        for (var code : List.of("01-TCD", "02-TCD", "01-XLD", "01-KQGQ")) {
            var json = mvc.perform(get("/api/forms/" + code).param("unit", "VN").param("from", from).param("to", to).session(admin))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            List<Map<String, Object>> columns = JsonPath.read(json, "$.columns[?(@.note == false)]");
            List<Map<String, Object>> rows = JsonPath.read(json, "$.rows[?(@.kind == 'UNIT')]");
            Map<String, Object> total = JsonPath.read(json, "$.rows[0].values");
            assertThat(rows).as(code + ": the country's rows").isNotEmpty();
            var sums = new HashMap<String, BigDecimal>();
            for (var row : rows) {
                var unit = (String) row.get("unit");
                assertThat(parentOfCode.get(unit)).as(code + ": row " + unit + " is a province or central body, or the country")
                        .anyMatch(parent -> parent == country || parent == 0L);
                @SuppressWarnings("unchecked")
                var values = (Map<String, Object>) row.get("values");
                for (var column : columns) {
                    var number = column.get("number").toString();
                    var figure = new BigDecimal(values.get(number).toString());
                    sums.merge(number, figure, BigDecimal::add);
                    if (figure.signum() == 0 || figure.intValue() > 500 || !TRACED.contains(code) || (traced >= 40 && !unit.equals("20"))) {
                        continue; // 01/TCD and 01/KQGQ sum persons and money in some columns: only their sums are checked; 40 traced suffice, with every one of Lạng Sơn's (its communes' records count in its row)
                    }
                    var records = mvc.perform(get("/api/forms/" + code + "/records").param("unit", "VN").param("from", from)
                                    .param("to", to).param("column", number).param("row", unit).session(admin))
                            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
                    List<?> found = JsonPath.read(records, "$.records");
                    assertThat(found).as(code + " column " + number + " row " + row.get("label")).hasSize(figure.intValue());
                    traced++;
                    tracedLangSon += unit.equals("20") ? 1 : 0;
                }
            }
            for (var column : columns) {
                var number = column.get("number").toString();
                assertThat(sums.get(number)).as(code + ": column " + number + " of the rows adds up to the total")
                        .isEqualByComparingTo(new BigDecimal(total.get(number).toString()));
            }
        }
        assertThat(traced).as("figures of the country's rows traced to their records").isGreaterThan(20);
        assertThat(tracedLangSon).as("figures of Lạng Sơn's row, where its communes' petitions count").isPositive();
    }
}
