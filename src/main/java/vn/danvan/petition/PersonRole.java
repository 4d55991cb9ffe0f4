package vn.danvan.petition;

/** The part a person plays. Labels: {@code petition.person-role.<NAME>}. */
public enum PersonRole { PETITIONER, REPRESENTATIVE, AUTHORISED, VISITOR }
