package vn.danvan.orgunit;

import java.time.LocalDate;

/** One succession edge seen from one side: {@code other} is the predecessor or the successor. */
public record SuccessionLink(OrgUnit other, LocalDate effectiveOn, boolean whole, SuccessionKind kind) {
}
