package vn.danvan.orgunit;

import java.util.List;
import vn.danvan.shared.VietnameseText;

/** How unit names sort: by the proper name after the kind ("Tỉnh Bắc Ninh" sorts as "Bắc Ninh"), tone placement folded. */
final class UnitNames {

    /** Kind prefixes of official names, longest first so that "Thành phố" wins over "Thành". */
    private static final List<String> KIND_PREFIXES = List.of("Thành phố ", "Thị trấn ", "Thị xã ", "Đặc khu ", "Huyện ",
            "Phường ", "Quận ", "Tỉnh ", "Xã ");

    private UnitNames() {
    }

    static String sortKey(String name) {
        for (var prefix : KIND_PREFIXES) {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                return VietnameseText.withNewTonePlacement(name.substring(prefix.length()));
            }
        }
        return VietnameseText.withNewTonePlacement(name);
    }
}
