package vn.danvan.document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.danvan.shared.VietnameseText;

/**
 * The type abbreviations a symbol may carry, with the name of the kind they stand for.
 * <ul>
 *   <li>State: the 27 administrative types of Decree 30/2020/NĐ-CP Appendix I (NQ … PB), and the
 *   legal normative ones of contracts §5 (NĐ, TT, TTLT, NQLT, L, VBHN).</li>
 *   <li>Party: the types of Regulation 66-QĐ/TW and Guidance 36-HD/VPTW (brief §8.2): NQ, QĐ, QĐi,
 *   CT, KL, QC, HD, TB, TT (thông tri), CTr, KH, ĐA, BC, TTr, CV, BB, CĐ, GM, GGT, PG.</li>
 * </ul>
 * Abbreviations keep their mixed case (QĐi, CTr, QyĐ); a match ignoring case, or ignoring the
 * stroke of Đ ("ND" typed for "NĐ"), is accepted when it points at one type only.
 */
final class DocumentTypes {

    private DocumentTypes() {
    }

    static final Map<String, String> STATE = ordered(
            "NQ", "Nghị quyết", "QĐ", "Quyết định", "CT", "Chỉ thị", "QC", "Quy chế", "QyĐ", "Quy định",
            "TC", "Thông cáo", "TB", "Thông báo", "HD", "Hướng dẫn", "CTr", "Chương trình", "KH", "Kế hoạch",
            "PA", "Phương án", "ĐA", "Đề án", "DA", "Dự án", "BC", "Báo cáo", "BB", "Biên bản", "TTr", "Tờ trình",
            "HĐ", "Hợp đồng", "CĐ", "Công điện", "BGN", "Bản ghi nhớ", "BTT", "Bản thỏa thuận", "GUQ", "Giấy ủy quyền",
            "GM", "Giấy mời", "GGT", "Giấy giới thiệu", "GNP", "Giấy nghỉ phép", "PG", "Phiếu gửi", "PC", "Phiếu chuyển",
            "PB", "Phiếu báo",
            // legal normative documents (contracts §5)
            "NĐ", "Nghị định", "TT", "Thông tư", "TTLT", "Thông tư liên tịch", "NQLT", "Nghị quyết liên tịch",
            "L", "Lệnh", "VBHN", "Văn bản hợp nhất");

    static final Map<String, String> PARTY = ordered(
            "NQ", "Nghị quyết", "QĐ", "Quyết định", "QĐi", "Quy định", "CT", "Chỉ thị", "KL", "Kết luận",
            "QC", "Quy chế", "HD", "Hướng dẫn", "TB", "Thông báo", "TT", "Thông tri", "CTr", "Chương trình",
            "KH", "Kế hoạch", "ĐA", "Đề án", "BC", "Báo cáo", "TTr", "Tờ trình", "CV", "Công văn", "BB", "Biên bản",
            "CĐ", "Công điện", "GM", "Giấy mời", "GGT", "Giấy giới thiệu", "PG", "Phiếu gửi");

    /** Types only the Party uses: a State-looking identifier carrying one is a Party identifier written with swapped separators. */
    static final Set<String> PARTY_ONLY = Set.of("QĐi", "KL", "CV");

    /** The canonical abbreviation for what was written, if it names one type of this system. */
    static Optional<String> canonical(String written, DocumentSystem system) {
        var types = system == DocumentSystem.PARTY ? PARTY : STATE;
        if (types.containsKey(written)) {
            return Optional.of(written);
        }
        var ignoringCase = types.keySet().stream().filter(t -> t.equalsIgnoreCase(written)).toList();
        if (ignoringCase.size() == 1) {
            return Optional.of(ignoringCase.get(0));
        }
        var key = VietnameseText.searchKey(written);
        List<String> folded = types.keySet().stream().filter(t -> VietnameseText.searchKey(t).equals(key)).toList();
        return folded.size() == 1 ? Optional.of(folded.get(0)) : Optional.empty();
    }

    /** "Chỉ thị" for CT; for a symbol without a type, "Luật" for acts of the National Assembly (QH13) and "Công văn" otherwise. */
    static String kindName(DocumentSystem system, String type, List<String> issuers) {
        if (type == null) {
            return !issuers.isEmpty() && issuers.get(0).matches("QH\\d+") ? "Luật" : "Công văn";
        }
        var names = system == DocumentSystem.PARTY ? PARTY : STATE;
        return names.getOrDefault(type, type);
    }

    private static Map<String, String> ordered(String... pairs) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
