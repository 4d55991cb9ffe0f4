package vn.danvan.petition;

/** Cases where a visitor may be refused (Luật Tiếp công dân 2013, Điều 9). Labels: {@code petition.refusal.<NAME>}. */
public enum RefusalReason {
    /** Người trong tình trạng say do dùng chất kích thích, người mắc bệnh tâm thần hoặc bệnh khác làm mất khả năng nhận thức. */ INTOXICATED_OR_ILL,
    /** Người có hành vi đe dọa, xúc phạm, vi phạm nội quy nơi tiếp công dân. */ THREATENING,
    /** Vụ việc đã giải quyết đúng pháp luật, đã được kiểm tra, rà soát, trả lời và hướng dẫn. */ ALREADY_SETTLED
}
