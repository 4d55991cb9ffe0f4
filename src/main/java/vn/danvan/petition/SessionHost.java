package vn.danvan.petition;

/** Who receives: the reception office, the head of the body, or a deputy the head delegated. Labels: {@code petition.session-host.<NAME>}. */
public enum SessionHost { OFFICE, HEAD, DELEGATE }
