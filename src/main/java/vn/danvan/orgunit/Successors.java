package vn.danvan.orgunit;

import java.time.LocalDate;
import java.util.List;

/** The units that carry {@code unit} on {@code on}, following every succession up to that day. */
public record Successors(OrgUnit unit, LocalDate on, List<OrgUnit> successors) {
}
