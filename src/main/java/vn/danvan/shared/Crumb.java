package vn.danvan.shared;

import java.util.ArrayList;
import java.util.List;

/** One step of the breadcrumb trail; the last one is the current page and has no link. */
public record Crumb(String label, String href) {

    /** Builds a trail from label/href pairs: {@code Crumb.trail("Đơn vị", "/units", "Tỉnh Lạng Sơn", null)}. */
    public static List<Crumb> trail(String... labelsAndHrefs) {
        var crumbs = new ArrayList<Crumb>();
        for (int i = 0; i < labelsAndHrefs.length; i += 2) {
            crumbs.add(new Crumb(labelsAndHrefs[i], labelsAndHrefs[i + 1]));
        }
        return crumbs;
    }
}
