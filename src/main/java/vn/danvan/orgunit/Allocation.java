package vn.danvan.orgunit;

import java.math.BigDecimal;

/**
 * Where part of a unit's figures go on a day: the unit carrying them then ({@code carrierId}, with
 * its {@code path}) and the part it carries — 1 through whole successions, the product of the
 * allocation shares along a split, or {@code null} while a share on the way is not set.
 */
public record Allocation(long carrierId, String path, BigDecimal share) {

    public boolean known() {
        return share != null;
    }
}
