package vn.danvan.orgunit;

import java.util.List;
import vn.danvan.shared.VietnameseText;

/**
 * How unit names sort: an area by its proper name after its kind ("Tỉnh Bắc Ninh" sorts as "Bắc
 * Ninh"), a body by its whole name ("Tỉnh ủy …"); tone placement folded.
 */
final class UnitNames {

    /** Kind prefixes of official names, longest first so that "Thành phố" wins over "Thành". */
    private static final List<String> KIND_PREFIXES = List.of("Thành phố ", "Thị trấn ", "Thị xã ", "Đặc khu ", "Huyện ",
            "Phường ", "Quận ", "Tỉnh ", "Xã ");

    private UnitNames() {
    }

    static String sortKey(String name, UnitKind kind) {
        for (var prefix : kind.category() == UnitCategory.AREA ? KIND_PREFIXES : List.<String>of()) {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                return VietnameseText.withNewTonePlacement(name.substring(prefix.length()));
            }
        }
        return VietnameseText.withNewTonePlacement(name);
    }
}
