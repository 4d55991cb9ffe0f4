package vn.danvan.reporting;

import java.util.List;

/**
 * A grid to save: the entered lines by number, each with the value as typed (blank: no value), the
 * comment and the version read (0: there was no value); the narrative sections by key with the
 * version read. Lines and sections left out are not touched.
 */
public record GridInput(String form, String unit, String period, List<Cell> cells, List<Text> narratives) {

    public GridInput {
        cells = cells == null ? List.of() : List.copyOf(cells);
        narratives = narratives == null ? List.of() : List.copyOf(narratives);
    }

    public record Cell(int number, String value, String comment, int version) {
    }

    public record Text(String key, String text, int version) {
    }
}
