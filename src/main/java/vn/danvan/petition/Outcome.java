package vn.danvan.petition;

import java.math.BigDecimal;

/**
 * What a decision or conclusion orders, or what its enforcement achieved (biểu 01/KQGQ–04/KQGQ):
 * money in million VND, land in m²; persons and organisations restored, disciplined, transferred to
 * investigators.
 */
public record Outcome(BigDecimal recoverMoney, BigDecimal recoverLand, BigDecimal returnOrgMoney, BigDecimal returnOrgLand,
                      BigDecimal returnPersonMoney, BigDecimal returnPersonLand, int orgsRestored, int personsRestored,
                      int orgsDisciplined, int personsDisciplined, int officialsDisciplined, int casesTransferred,
                      int personsTransferred, int officialsTransferred) {

    public Outcome {
        recoverMoney = orZero(recoverMoney);
        recoverLand = orZero(recoverLand);
        returnOrgMoney = orZero(returnOrgMoney);
        returnOrgLand = orZero(returnOrgLand);
        returnPersonMoney = orZero(returnPersonMoney);
        returnPersonLand = orZero(returnPersonLand);
    }

    public static Outcome none() {
        return new Outcome(null, null, null, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
