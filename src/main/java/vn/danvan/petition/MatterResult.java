package vn.danvan.petition;

/** The outcome of a decision or conclusion. Labels: {@code petition.result.<NAME>}. */
public enum MatterResult {
    /** Khiếu nại / tố cáo đúng. */ RIGHT,
    /** Khiếu nại / tố cáo sai. */ WRONG,
    /** Đúng một phần (có đúng, có sai). */ PARTLY_RIGHT,
    /** Lần hai: công nhận quyết định giải quyết lần đầu. */ UPHELD,
    /** Lần hai: hủy, sửa quyết định giải quyết lần đầu. */ ANNULLED
}
