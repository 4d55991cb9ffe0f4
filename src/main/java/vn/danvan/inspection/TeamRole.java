package vn.danvan.inspection;

/** A team member's role; exactly one HEAD per team. Labels {@code inspection.role.<NAME>}. */
public enum TeamRole {
    HEAD, DEPUTY, MEMBER, SECRETARY
}
