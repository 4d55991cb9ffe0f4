package vn.danvan.plan;

/**
 * Who assigned a task outside a plan: {@code new TaskOrigin("MEETING", 42)} is the conclusion of
 * conference 42. The kind is a short upper-case word chosen by the assigning module.
 */
public record TaskOrigin(String kind, long id) {
}
