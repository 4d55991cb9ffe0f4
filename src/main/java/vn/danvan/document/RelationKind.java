package vn.danvan.document;

/**
 * How one document stands to another, read "from … to": a plan IMPLEMENTS a directive (triển khai
 * thực hiện), 23-QĐ/TW REPLACES 290-QĐ/TW (thay thế), AMENDS (sửa đổi, bổ sung), GUIDES (hướng dẫn),
 * 33/CT-TTg RENEWS 16/CT-TTg (tiếp nối; a programme's next period), a report REPORTS_ON what it
 * reviews (báo cáo kết quả thực hiện). Labels: {@code document.relation.<KIND>} from the source's side,
 * {@code document.relation.<KIND>.inverse} from the target's.
 */
public enum RelationKind {
    IMPLEMENTS, REPLACES, AMENDS, GUIDES, RENEWS, REPORTS_ON;

    /** Relations that make a lineage: one document takes the place of another. */
    public boolean succeeds() {
        return this == REPLACES || this == RENEWS;
    }
}
