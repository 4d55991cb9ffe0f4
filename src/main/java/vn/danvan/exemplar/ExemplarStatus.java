package vn.danvan.exemplar;

/**
 * Where a model stands. The active statuses are stages of one ladder — registered, being
 * implemented, assessed, recognised, typical, commended, replicated — and a model only climbs it (a
 * recognised model assessed again in a later year stays recognised). Paused and discontinued sit
 * beside the ladder: a paused model resumes at the stage it left; discontinued is final.
 */
public enum ExemplarStatus {
    REGISTERED(0), IMPLEMENTING(1), ASSESSED(2), RECOGNISED(3), TYPICAL(4), COMMENDED(5), REPLICATED(6),
    PAUSED(-1), DISCONTINUED(-1);

    private final int stage;

    ExemplarStatus(int stage) {
        this.stage = stage;
    }

    public boolean active() {
        return stage >= 0;
    }

    /** Is this an active stage at least as far as {@code other}? */
    public boolean reached(ExemplarStatus other) {
        return active() && stage >= other.stage;
    }

    /** The higher of this stage and {@code target}: steps never move a model down the ladder. */
    ExemplarStatus raisedTo(ExemplarStatus target) {
        return target.stage > stage ? target : this;
    }

    /** Recognised, typical, commended or replicated: what the public showcase may list. */
    public boolean recognised() {
        return reached(RECOGNISED);
    }
}
