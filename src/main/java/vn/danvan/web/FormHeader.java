package vn.danvan.web;

import java.util.ArrayList;
import java.util.List;
import vn.danvan.form.FormDefinition;

/** The header of a form as table rows of cells with their column and row spans, for the page. */
final class FormHeader {

    record Cell(String text, int colspan, int rowspan) {
    }

    private FormHeader() {
    }

    /** Row 0 starts with the "Đơn vị" cell spanning all header rows (added by the template). */
    static List<List<Cell>> rows(FormDefinition d) {
        int depth = d.headerDepth();
        var columns = d.columns();
        var rows = new ArrayList<List<Cell>>();
        for (int level = 0; level < depth; level++) {
            var row = new ArrayList<Cell>();
            int i = 0;
            while (i < columns.size()) {
                var header = columns.get(i).header();
                if (header.size() <= level) {
                    i++;
                    continue;
                }
                if (header.size() == level + 1) {
                    row.add(new Cell(header.get(level), 1, depth - level));
                    i++;
                    continue;
                }
                int j = i;
                var prefix = header.subList(0, level + 1);
                while (j + 1 < columns.size() && columns.get(j + 1).header().size() > level + 1
                        && columns.get(j + 1).header().subList(0, level + 1).equals(prefix)) {
                    j++;
                }
                row.add(new Cell(header.get(level), j - i + 1, 1));
                i = j + 1;
            }
            rows.add(row);
        }
        return rows;
    }
}
