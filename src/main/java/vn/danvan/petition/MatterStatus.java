package vn.danvan.petition;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a matter (vụ việc) stands at its handling unit, with the moves the law allows.
 * Labels: {@code petition.matter-status.<NAME>}.
 */
public enum MatterStatus {
    /** Đã nhận, chưa xử lý. */ RECEIVED,
    /** Đã thụ lý. */ ACCEPTED,
    /** Đang xác minh (và đối thoại). */ VERIFYING,
    /** Tạm đình chỉ. */ SUSPENDED,
    /** Đã có quyết định giải quyết / kết luận nội dung tố cáo / văn bản trả lời. */ DECIDED,
    /** Đã thi hành xong, kết thúc. */ CLOSED,
    /** Không thụ lý. */ NOT_ACCEPTED,
    /** Không thuộc thẩm quyền: đã hướng dẫn, chuyển đơn hoặc đôn đốc; hoặc lưu đơn. */ REFERRED,
    /** Rút toàn bộ nội dung. */ WITHDRAWN,
    /** Đình chỉ giải quyết (không do rút đơn). */ TERMINATED;

    private static final Set<MatterStatus> OPEN = EnumSet.of(ACCEPTED, VERIFYING, SUSPENDED);

    /** States in which the resolution deadline runs (or is suspended). */
    public boolean isBeingResolved() {
        return OPEN.contains(this);
    }

    public boolean isFinal() {
        return this == CLOSED || this == NOT_ACCEPTED || this == REFERRED || this == WITHDRAWN || this == TERMINATED;
    }
}
