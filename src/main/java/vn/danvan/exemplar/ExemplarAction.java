package vn.danvan.exemplar;

/** The steps of a model's life, each recorded in its history. */
public enum ExemplarAction {
    REGISTER, START, ASSESS, RECOGNISE, MARK_TYPICAL, COMMEND, REPLICATE, PAUSE, RESUME, DISCONTINUE, EDIT
}
