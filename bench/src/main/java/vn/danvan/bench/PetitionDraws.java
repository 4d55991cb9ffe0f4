package vn.danvan.bench;

/**
 * What the petition questions draw their parameters from: classification values for the filtered search and the
 * words typed into the full-text search — topics, and names of persons, places and a land parcel (accent-free, as
 * an officer types them; "dong kinh" and "vinh trai" test a first word that may end a longer word).
 */
final class PetitionDraws {

    private PetitionDraws() {
    }

    static final String[] KINDS = {"COMPLAINT", "DENUNCIATION", "RECOMMENDATION", "REFLECTION", "MULTIPLE"};
    static final String[] STATES = {"RECEIVED", "PROCESSED", "ACCEPTED", "VERIFYING", "DECIDED", "CLOSED"};
    static final String[] FIELDS = {"ADMIN_POLICY", "ADMIN_LAND", "ADMIN_CIVIL_SERVICE", "ADMIN_OTHER", "CORRUPTION",
            "JUSTICE", "PARTY", "OTHER"};
    static final String[] TOPIC_WORDS = {"thu hoi dat", "boi thuong", "tai dinh cu", "giay chung nhan", "ky luat vien chuc",
            "ngan sach", "lan chiem dat cong", "sach nhieu", "o nhiem nguon nuoc", "thi hanh ban an", "nguoi co cong",
            "chieu sang cong cong", "mua lu", "ho ngheo", "bao hiem xa hoi", "giay phep xay dung"};
    static final String[] NAME_WORDS = {"nguyen van an", "tran thi lan", "le duc nam", "hoang thu hoa", "dong kinh",
            "vinh trai", "luong van tri", "tam dao", "an nhon dong", "pham ngoc yen", "lo kim thang", "trinh hong hai",
            "ho quang tam", "vi xuan phuc", "nong thanh vinh", "thua dat so 713"};
}
