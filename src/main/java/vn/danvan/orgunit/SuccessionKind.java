package vn.danvan.orgunit;

/**
 * How a unit passed to its successor: MERGED (whole, with others), SPLIT (in parts), RENAMED (one
 * unit to one differently named), REORGANISED (one to one, same name, re-established).
 */
public enum SuccessionKind {
    MERGED, SPLIT, RENAMED, REORGANISED
}
