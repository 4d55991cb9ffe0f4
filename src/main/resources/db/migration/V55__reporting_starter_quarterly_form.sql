-- The starter quarterly dân vận report (báo cáo kết quả công tác dân vận quý) as a form definition of
-- provider 'reporting', over the starter catalogue (V32) and the computed indicators (petitions V32,
-- Dân vận khéo V33, plans and meetings V43): six sections of numbered lines (mã số), the "Dân vận
-- khéo" registrations by kind × field, validation rules (errors and warnings), reported quarterly by
-- communes and provinces, due 10 working days after the quarter, with the four narrative sections.
-- Administrators add versions at /reporting/forms without code.
insert into form_definition (code, version, valid_from, definition, uploaded_by)
values ('DV-QUY', 1, date '2024-01-01', $json$
{
 "code": "DV-QUY",
 "symbol": "DV/Q",
 "circular": null,
 "version": 1,
 "validFrom": "2024-01-01",
 "title": "Báo cáo kết quả công tác dân vận quý",
 "provider": "reporting",
 "parameters": {},
 "cut": "CALENDAR",
 "columns": [
  {
   "number": 1,
   "header": [
    "I. Lãnh đạo, chỉ đạo công tác dân vận",
    "Số văn bản lãnh đạo, chỉ đạo công tác dân vận ban hành"
   ],
   "measure": "VAN_BAN_CHI_DAO",
   "kind": "COUNT"
  },
  {
   "number": 2,
   "header": [
    "I. Lãnh đạo, chỉ đạo công tác dân vận",
    "Số hội nghị giao ban công tác dân vận"
   ],
   "measure": "HOI_NGHI_GIAO_BAN",
   "kind": "COUNT"
  },
  {
   "number": 3,
   "header": [
    "I. Lãnh đạo, chỉ đạo công tác dân vận",
    "Số kế hoạch đã ban hành (tính từ hồ sơ)"
   ],
   "measure": "KE_HOACH_BAN_HANH",
   "kind": "COUNT"
  },
  {
   "number": 4,
   "header": [
    "I. Lãnh đạo, chỉ đạo công tác dân vận",
    "Số hội nghị đã tổ chức (tính từ hồ sơ)"
   ],
   "measure": "HOI_NGHI_DA_TO_CHUC",
   "kind": "COUNT"
  },
  {
   "number": 5,
   "header": [
    "II. Tập huấn, kiểm tra, giám sát",
    "Số lớp tập huấn, bồi dưỡng nghiệp vụ dân vận"
   ],
   "measure": "LOP_TAP_HUAN",
   "kind": "COUNT"
  },
  {
   "number": 6,
   "header": [
    "II. Tập huấn, kiểm tra, giám sát",
    "Số lượt cán bộ dự tập huấn, bồi dưỡng"
   ],
   "measure": "LUOT_CAN_BO_TAP_HUAN",
   "kind": "COUNT"
  },
  {
   "number": 7,
   "header": [
    "II. Tập huấn, kiểm tra, giám sát",
    "Số cuộc kiểm tra, giám sát về công tác dân vận"
   ],
   "measure": "CUOC_KIEM_TRA_GIAM_SAT",
   "kind": "COUNT"
  },
  {
   "number": 8,
   "header": [
    "III. Dân vận chính quyền, thực hiện dân chủ ở cơ sở",
    "Số cuộc tiếp xúc, đối thoại của người đứng đầu với Nhân dân"
   ],
   "measure": "DOI_THOAI",
   "kind": "COUNT"
  },
  {
   "number": 9,
   "header": [
    "III. Dân vận chính quyền, thực hiện dân chủ ở cơ sở",
    "Số ý kiến, kiến nghị của Nhân dân tại đối thoại"
   ],
   "measure": "Y_KIEN_DOI_THOAI",
   "kind": "COUNT"
  },
  {
   "number": 10,
   "header": [
    "III. Dân vận chính quyền, thực hiện dân chủ ở cơ sở",
    "Trong đó: số ý kiến được trả lời tại chỗ"
   ],
   "measure": "Y_KIEN_TRA_LOI_TAI_CHO",
   "kind": "COUNT"
  },
  {
   "number": 11,
   "header": [
    "III. Dân vận chính quyền, thực hiện dân chủ ở cơ sở",
    "Số hội nghị nhân dân, họp khu dân cư bàn và quyết định"
   ],
   "measure": "HOI_NGHI_NHAN_DAN",
   "kind": "COUNT"
  },
  {
   "number": 12,
   "header": [
    "III. Dân vận chính quyền, thực hiện dân chủ ở cơ sở",
    "Số Ban Thanh tra nhân dân đang hoạt động (cuối kỳ)"
   ],
   "measure": "BAN_TTND_HOAT_DONG",
   "kind": "COUNT"
  },
  {
   "number": 13,
   "header": [
    "IV. Phong trào thi đua \"Dân vận khéo\"",
    "Mô hình tập thể đăng ký mới, lĩnh vực kinh tế"
   ],
   "measure": "MO_HINH_DVK_DANG_KY.COLLECTIVE.ECONOMY",
   "kind": "COUNT"
  },
  {
   "number": 14,
   "header": [
    "IV. Phong trào thi đua \"Dân vận khéo\"",
    "Mô hình tập thể đăng ký mới, lĩnh vực văn hóa - xã hội"
   ],
   "measure": "MO_HINH_DVK_DANG_KY.COLLECTIVE.CULTURE_SOCIETY",
   "kind": "COUNT"
  },
  {
   "number": 15,
   "header": [
    "IV. Phong trào thi đua \"Dân vận khéo\"",
    "Mô hình tập thể đăng ký mới, lĩnh vực quốc phòng - an ninh"
   ],
   "measure": "MO_HINH_DVK_DANG_KY.COLLECTIVE.DEFENCE_SECURITY",
   "kind": "COUNT"
  },
  {
   "number": 16,
   "header": [
    "IV. Phong trào thi đua \"Dân vận khéo\"",
    "Mô hình tập thể đăng ký mới, lĩnh vực xây dựng hệ thống chính trị"
   ],
   "measure": "MO_HINH_DVK_DANG_KY.COLLECTIVE.POLITICAL_SYSTEM",
   "kind": "COUNT"
  },
  {
   "number": 17,
   "header": [
    "IV. Phong trào thi đua \"Dân vận khéo\"",
    "Điển hình cá nhân đăng ký mới, lĩnh vực kinh tế"
   ],
   "measure": "MO_HINH_DVK_DANG_KY.INDIVIDUAL.ECONOMY",
   "kind": "COUNT"
  },
  {
   "number": 18,
   "header": [
    "IV. Phong trào thi đua \"Dân vận khéo\"",
    "Điển hình cá nhân đăng ký mới, lĩnh vực văn hóa - xã hội"
   ],
   "measure": "MO_HINH_DVK_DANG_KY.INDIVIDUAL.CULTURE_SOCIETY",
   "kind": "COUNT"
  },
  {
   "number": 19,
   "header": [
    "IV. Phong trào thi đua \"Dân vận khéo\"",
    "Điển hình cá nhân đăng ký mới, lĩnh vực quốc phòng - an ninh"
   ],
   "measure": "MO_HINH_DVK_DANG_KY.INDIVIDUAL.DEFENCE_SECURITY",
   "kind": "COUNT"
  },
  {
   "number": 20,
   "header": [
    "IV. Phong trào thi đua \"Dân vận khéo\"",
    "Điển hình cá nhân đăng ký mới, lĩnh vực xây dựng hệ thống chính trị"
   ],
   "measure": "MO_HINH_DVK_DANG_KY.INDIVIDUAL.POLITICAL_SYSTEM",
   "kind": "COUNT"
  },
  {
   "number": 21,
   "header": [
    "IV. Phong trào thi đua \"Dân vận khéo\"",
    "Số mô hình, điển hình đăng ký trong sổ (tính từ hồ sơ)"
   ],
   "measure": "DVK_DANG_KY",
   "kind": "COUNT"
  },
  {
   "number": 22,
   "header": [
    "IV. Phong trào thi đua \"Dân vận khéo\"",
    "Trong đó: mô hình tập thể (tính từ hồ sơ)"
   ],
   "measure": "DVK_DANG_KY_TAP_THE",
   "kind": "COUNT"
  },
  {
   "number": 23,
   "header": [
    "IV. Phong trào thi đua \"Dân vận khéo\"",
    "Trong đó: điển hình cá nhân (tính từ hồ sơ)"
   ],
   "measure": "DVK_DANG_KY_CA_NHAN",
   "kind": "COUNT"
  },
  {
   "number": 24,
   "header": [
    "IV. Phong trào thi đua \"Dân vận khéo\"",
    "Số mô hình, điển hình được công nhận (tính từ hồ sơ)"
   ],
   "measure": "DVK_CONG_NHAN",
   "kind": "COUNT"
  },
  {
   "number": 25,
   "header": [
    "IV. Phong trào thi đua \"Dân vận khéo\"",
    "Tỷ lệ khu dân cư có mô hình \"Dân vận khéo\" (%)"
   ],
   "measure": "TY_LE_KDC_CO_MO_HINH",
   "kind": "COUNT"
  },
  {
   "number": 26,
   "header": [
    "IV. Phong trào thi đua \"Dân vận khéo\"",
    "Kinh phí huy động từ Nhân dân cho các mô hình (triệu đồng)"
   ],
   "measure": "KINH_PHI_HUY_DONG",
   "kind": "MONEY"
  },
  {
   "number": 27,
   "header": [
    "V. Tiếp công dân, tiếp nhận và xử lý đơn thư",
    "Số lượt tiếp công dân (tính từ hồ sơ)"
   ],
   "measure": "LUOT_TIEP_CONG_DAN",
   "kind": "COUNT"
  },
  {
   "number": 28,
   "header": [
    "V. Tiếp công dân, tiếp nhận và xử lý đơn thư",
    "Số đơn thư tiếp nhận (tính từ hồ sơ)"
   ],
   "measure": "DON_TIEP_NHAN",
   "kind": "COUNT"
  },
  {
   "number": 29,
   "header": [
    "V. Tiếp công dân, tiếp nhận và xử lý đơn thư",
    "Số đơn đã xử lý (tính từ hồ sơ)"
   ],
   "measure": "DON_DA_XU_LY",
   "kind": "COUNT"
  },
  {
   "number": 30,
   "header": [
    "VI. Thực hiện nhiệm vụ được giao",
    "Số nhiệm vụ được giao có thời hạn trong kỳ (tính từ hồ sơ)"
   ],
   "measure": "NHIEM_VU_DUOC_GIAO",
   "kind": "COUNT"
  },
  {
   "number": 31,
   "header": [
    "VI. Thực hiện nhiệm vụ được giao",
    "Số nhiệm vụ hoàn thành đúng hạn (tính từ hồ sơ)"
   ],
   "measure": "NHIEM_VU_HOAN_THANH_DUNG_HAN",
   "kind": "COUNT"
  },
  {
   "number": 32,
   "header": [
    "VI. Thực hiện nhiệm vụ được giao",
    "Số nhiệm vụ quá hạn (tính từ hồ sơ)"
   ],
   "measure": "NHIEM_VU_QUA_HAN",
   "kind": "COUNT"
  },
  {
   "number": 33,
   "header": [
    "VI. Thực hiện nhiệm vụ được giao",
    "Tỷ lệ nhiệm vụ hoàn thành đúng hạn (%)"
   ],
   "measure": "TY_LE_NHIEM_VU_DUNG_HAN",
   "kind": "COUNT"
  }
 ],
 "identities": [],
 "notes": [
  "Dòng ghi \"tính từ hồ sơ\" do danvan tính trực tiếp từ hồ sơ của đơn vị, không nhập; bấm vào số để xem các hồ sơ được tính.",
  "Số liệu nhập là số của riêng đơn vị báo cáo trong kỳ."
 ],
 "periodKind": "QUARTER",
 "deadline": {
  "days": 10,
  "workingDays": true
 },
 "reporters": {
  "levels": [
   "COMMUNE",
   "PROVINCE"
  ],
  "kinds": []
 },
 "rules": [
  {
   "expression": "Y_KIEN_TRA_LOI_TAI_CHO ≤ Y_KIEN_DOI_THOAI",
   "severity": "ERROR",
   "message": "Số ý kiến được trả lời tại chỗ không thể vượt tổng số ý kiến tại đối thoại"
  },
  {
   "expression": "0 ≤ TY_LE_KDC_CO_MO_HINH ≤ 100",
   "severity": "ERROR",
   "message": "Tỷ lệ phần trăm phải từ 0 đến 100"
  },
  {
   "expression": "LUOT_CAN_BO_TAP_HUAN ≥ LOP_TAP_HUAN",
   "severity": "WARNING",
   "message": "Mỗi lớp tập huấn thường có ít nhất một lượt cán bộ dự"
  },
  {
   "expression": "DVK_DANG_KY = DVK_DANG_KY_TAP_THE + DVK_DANG_KY_CA_NHAN",
   "severity": "WARNING",
   "message": "Tổng số mô hình, điển hình đăng ký bằng số tập thể cộng số cá nhân"
  },
  {
   "expression": "NHIEM_VU_HOAN_THANH_DUNG_HAN ≤ NHIEM_VU_DUOC_GIAO",
   "severity": "WARNING",
   "message": null
  }
 ],
 "narratives": [
  {
   "key": "ket_qua",
   "title": "Kết quả đạt được"
  },
  {
   "key": "han_che",
   "title": "Hạn chế, nguyên nhân"
  },
  {
   "key": "nhiem_vu",
   "title": "Nhiệm vụ trọng tâm kỳ tới"
  },
  {
   "key": "kien_nghi",
   "title": "Kiến nghị, đề xuất"
  }
 ]
}
$json$::jsonb, 'migration')
on conflict (code, version) do nothing;
