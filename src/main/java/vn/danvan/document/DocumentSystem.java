package vn.danvan.document;

/**
 * Which numbering grammar a document follows: the State's (Decree 30/2020, {@code 16/CT-TTg},
 * numbering from 01 each calendar year) or the Party's (Guidance 36-HD/VPTW, {@code 290-QĐ/TW},
 * numbering from 01 for each type within a Party-committee term).
 */
public enum DocumentSystem {
    STATE, PARTY
}
