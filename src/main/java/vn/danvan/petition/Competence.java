package vn.danvan.petition;

/** Within or outside the receiving body's competence. Labels: {@code petition.competence.<NAME>}. */
public enum Competence { WITHIN, OUTSIDE }
