package vn.danvan.orgunit;

/**
 * One reason a unit file was rejected: the row (1 is the header), the column, and a message key
 * {@code orgunit.file.<reason>} with its arguments.
 */
public record UnitFileProblem(int row, String column, String reason, Object... args) {
}
