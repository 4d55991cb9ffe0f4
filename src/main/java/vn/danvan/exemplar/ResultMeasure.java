package vn.danvan.exemplar;

/** The figures a model reports as its results, each with its unit of measure in the messages. */
public enum ResultMeasure {
    PEOPLE_REACHED, HOUSEHOLDS, MONEY_VND, WORKDAYS, LAND_M2, ROAD_M
}
