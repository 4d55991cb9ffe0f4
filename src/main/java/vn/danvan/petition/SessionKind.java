package vn.danvan.petition;

/** Regular, periodic or ad hoc reception (Luật Tiếp công dân, Điều 2). Labels: {@code petition.session-kind.<NAME>}. */
public enum SessionKind { REGULAR, PERIODIC, AD_HOC }
