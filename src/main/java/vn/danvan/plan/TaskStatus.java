package vn.danvan.plan;

/**
 * A task's status. The first four are stored; {@link #OVERDUE} is derived when a task is read (its
 * deadline has passed and it is neither done nor cancelled) and never written. Vietnamese names are
 * message keys {@code task.status.<NAME>}.
 */
public enum TaskStatus {
    NOT_STARTED, IN_PROGRESS, DONE, CANCELLED, OVERDUE;

    public boolean closed() {
        return this == DONE || this == CANCELLED;
    }
}
