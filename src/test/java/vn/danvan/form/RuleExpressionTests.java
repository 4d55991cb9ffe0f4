package vn.danvan.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.danvan.form.RuleExpression.Outcome.Status;

class RuleExpressionTests {

    private static RuleExpression.Outcome evaluate(String rule, Map<String, Integer> values) {
        return RuleExpression.parse(rule).evaluate(name -> Optional.ofNullable(values.get(name)).map(BigDecimal::valueOf));
    }

    @Test
    void aTotalEqualToTheSumOfItsPartsHoldsAndAnyOtherTotalFails() {
        assertThat(evaluate("A = B + C", Map.of("A", 7, "B", 3, "C", 4)).status()).isEqualTo(Status.HOLDS);
        var failed = evaluate("A = B + C", Map.of("A", 8, "B", 3, "C", 4));
        assertThat(failed.status()).isEqualTo(Status.FAILS);
        assertThat(failed.left()).isEqualByComparingTo("8");
        assertThat(failed.right()).isEqualByComparingTo("7");
        assertThat(failed.comparison()).isEqualTo(RuleExpression.Comparison.EQ);
    }

    @Test
    void greaterOrEqualAcceptsTheUnicodeSignAndItsAsciiSpelling() {
        assertThat(evaluate("A ≥ B", Map.of("A", 5, "B", 5)).status()).isEqualTo(Status.HOLDS);
        assertThat(evaluate("A >= B", Map.of("A", 4, "B", 5)).status()).isEqualTo(Status.FAILS);
        assertThat(evaluate("A ≤ B", Map.of("A", 4, "B", 5)).status()).isEqualTo(Status.HOLDS);
        assertThat(evaluate("A != B", Map.of("A", 4, "B", 5)).status()).isEqualTo(Status.HOLDS);
    }

    @Test
    void aChainedRangeChecksEveryComparison() {
        assertThat(evaluate("0 ≤ A ≤ 100", Map.of("A", 100)).status()).isEqualTo(Status.HOLDS);
        assertThat(evaluate("0 ≤ A ≤ 100", Map.of("A", 101)).status()).isEqualTo(Status.FAILS);
        var negative = evaluate("0 ≤ A ≤ 100", Map.of("A", -1));
        assertThat(negative.status()).isEqualTo(Status.FAILS);
        assertThat(negative.left()).isEqualByComparingTo("0");
    }

    @Test
    void aRuleWhoseOperandsAllLackValuesIsSkippedAndAMissingOneCountsAsZero() {
        assertThat(evaluate("A ≥ B", Map.of()).status()).isEqualTo(Status.SKIPPED);
        assertThat(evaluate("A ≥ B", Map.of("B", 1)).status()).isEqualTo(Status.FAILS);
        assertThat(evaluate("A ≥ B", Map.of("A", 1)).status()).isEqualTo(Status.HOLDS);
    }

    @Test
    void arithmeticFollowsPrecedenceAndParentheses() {
        assertThat(evaluate("A = B + C * 2", Map.of("A", 7, "B", 1, "C", 3)).status()).isEqualTo(Status.HOLDS);
        assertThat(evaluate("A = (B + C) * 2", Map.of("A", 8, "B", 1, "C", 3)).status()).isEqualTo(Status.HOLDS);
        assertThat(evaluate("A = B / C", Map.of("A", 1, "B", 1, "C", 0)).status()).isEqualTo(Status.FAILS);
    }

    @Test
    void operandsAreIndicatorCodesWithOptionalOptionCombinations() {
        var rule = RuleExpression.parse("mo_hinh = MO_HINH.COLLECTIVE + MO_HINH.INDIVIDUAL.ECONOMY");
        assertThat(rule.operands()).containsExactly("MO_HINH", "MO_HINH.COLLECTIVE", "MO_HINH.INDIVIDUAL.ECONOMY");
    }

    @Test
    void unreadableRulesAreRefused() {
        assertThatThrownBy(() -> RuleExpression.parse("A + B")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("comparison");
        assertThatThrownBy(() -> RuleExpression.parse("A = ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RuleExpression.parse("A = (B + C")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RuleExpression.parse("A = B # C")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RuleExpression.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
