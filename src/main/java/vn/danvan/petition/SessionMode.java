package vn.danvan.petition;

/** In person, or online (Luật số 136/2025/QH15, from 1/7/2026). Labels: {@code petition.session-mode.<NAME>}. */
public enum SessionMode { IN_PERSON, ONLINE }
