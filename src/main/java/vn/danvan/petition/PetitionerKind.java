package vn.danvan.petition;

/** Who stands behind a petition. Labels: {@code petition.petitioner-kind.<NAME>}. */
public enum PetitionerKind {
    /** Một người đứng tên. */ PERSON,
    /** Cơ quan, tổ chức. */ ORGANISATION,
    /** Nhiều người đứng tên, có người đại diện. */ GROUP,
    /** Người được ủy quyền. */ AUTHORISED,
    /** Đơn nặc danh, không rõ họ tên, địa chỉ. */ ANONYMOUS
}
