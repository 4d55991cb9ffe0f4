package vn.danvan.calendar;

public enum Complexity { NORMAL, COMPLEX, ESPECIALLY_COMPLEX }
