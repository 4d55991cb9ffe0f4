-- Narrative report templates (issue 8, point 7): the text of a report in an official layout, whose
-- figures are placeholders bound to indicators ({{CODE}}, {{CODE|prev}}, {{CODE|change}},
-- {{table:CODE,…}}, {{unit}}, {{period}}, {{year}}, {{previousPeriod}}); see reporting.NarrativeTemplate.
-- A report is generated for a unit and a period; every figure in it links to the records behind it.
create table reporting_narrative (
    id            bigint generated always as identity primary key,
    code          text    not null unique check (code ~ '^[A-Z][A-Z0-9_]{1,49}$'),
    title         text    not null,                                   -- the template's name in lists
    layout        text    not null check (layout in ('PARTY', 'STATE')), -- 36-HD/VPTW or Decree 30/2020
    kind_name     text    not null,                                   -- "Báo cáo"
    subject       text    not null,                                   -- may hold {{period}}, {{unit}}
    body          text    not null,
    period_hint   text,                                               -- the period a user is offered first: QUARTER, YEAR, TERM …
    version       int     not null default 1,
    updated_by    text    not null,
    updated_at    timestamptz not null default now()
);

insert into reporting_narrative (code, title, layout, kind_name, subject, body, period_hint, updated_by) values
('BC_DAN_VAN_QUY', 'Báo cáo kết quả công tác dân vận quý', 'PARTY', 'Báo cáo',
 'Kết quả công tác dân vận {{period}}',
 $body$# I. KẾT QUẢ THỰC HIỆN

# 1. Công tác tiếp công dân, giải quyết khiếu nại, tố cáo

Trong {{period}}, các cơ quan, đơn vị trên địa bàn {{unit}} đã tiếp {{LUOT_TIEP_CONG_DAN}} lượt công dân với {{NGUOI_DUOC_TIEP}} người ({{LUOT_TIEP_CONG_DAN|change}} so với cùng kỳ năm trước: {{LUOT_TIEP_CONG_DAN|prev}} lượt); tiếp nhận {{DON_TIEP_NHAN}} đơn thư, trong đó {{DON_DU_DIEU_KIEN}} đơn đủ điều kiện xử lý; đã xử lý {{DON_DA_XU_LY}} đơn; giải quyết xong {{VU_VIEC_DA_GIAI_QUYET}} vụ việc.

# 2. Phong trào thi đua "Dân vận khéo"

Các cấp, các ngành đăng ký mới {{DVK_DANG_KY}} mô hình, điển hình "Dân vận khéo" ({{DVK_DANG_KY|change}} so với cùng kỳ), trong đó {{DVK_DANG_KY_TAP_THE}} mô hình tập thể và {{DVK_DANG_KY_CA_NHAN}} điển hình cá nhân; {{DVK_CONG_NHAN}} mô hình, điển hình được công nhận, {{DVK_TIEU_BIEU}} mô hình tiêu biểu; {{DVK_NHAN_RONG}} mô hình được nhân rộng.

# 3. Hội nghị, kế hoạch và nhiệm vụ

Tổ chức {{HOI_NGHI_DA_TO_CHUC}} hội nghị, cuộc họp, trong đó {{HOI_NGHI_GIAO_BAN_DA_TO_CHUC}} hội nghị giao ban và {{HOI_NGHI_SO_KET_TONG_KET}} hội nghị sơ kết, tổng kết; ban hành {{KE_HOACH_BAN_HANH}} kế hoạch, trong đó {{KE_HOACH_TRIEN_KHAI_BAN_HANH}} kế hoạch triển khai văn bản của cấp trên. Trong {{NHIEM_VU_DUOC_GIAO}} nhiệm vụ có thời hạn trong kỳ, đã hoàn thành {{NHIEM_VU_HOAN_THANH}} nhiệm vụ ({{NHIEM_VU_HOAN_THANH_DUNG_HAN}} đúng hạn); còn {{NHIEM_VU_QUA_HAN}} nhiệm vụ quá hạn.

Kết quả theo đơn vị:

{{table:LUOT_TIEP_CONG_DAN,DON_TIEP_NHAN,DVK_DANG_KY,HOI_NGHI_DA_TO_CHUC}}

# II. HẠN CHẾ, NGUYÊN NHÂN

[Đơn vị soạn thảo bổ sung hạn chế và nguyên nhân.]

# III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI

[Đơn vị soạn thảo bổ sung nhiệm vụ trọng tâm kỳ tới.]$body$, 'QUARTER', 'system'),
('BC_TONG_KET_CT16_CTR79', 'Báo cáo tổng kết thực hiện Chỉ thị 16/CT-TTg và Chương trình 79-CTr/BDVTW-BCSĐCP', 'PARTY', 'Báo cáo',
 'Tổng kết {{period}} thực hiện Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ và Chương trình phối hợp số 79-CTr/BDVTW-BCSĐCP ngày 11/10/2016',
 $body$# I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TỔ CHỨC THỰC HIỆN

Giai đoạn {{period}}, các cấp trên địa bàn {{unit}} đã ban hành {{KE_HOACH_TRIEN_KHAI_BAN_HANH}} kế hoạch triển khai Chỉ thị, Chương trình và các văn bản của cấp trên; tổ chức {{HOI_NGHI_SO_KET_TONG_KET}} hội nghị sơ kết, tổng kết và {{HOI_NGHI_GIAO_BAN_DA_TO_CHUC}} hội nghị giao ban công tác dân vận.

# II. KẾT QUẢ THỰC HIỆN

# 1. Công tác tiếp công dân, giải quyết khiếu nại, tố cáo

Các cơ quan, đơn vị đã tiếp {{LUOT_TIEP_CONG_DAN}} lượt công dân, tiếp nhận {{DON_TIEP_NHAN}} đơn thư; giải quyết xong {{VU_VIEC_DA_GIAI_QUYET}} vụ việc.

# 2. Phong trào thi đua "Dân vận khéo"

Đã có {{DVK_DANG_KY}} mô hình, điển hình "Dân vận khéo" đăng ký, gồm {{DVK_DANG_KY_TAP_THE}} mô hình tập thể và {{DVK_DANG_KY_CA_NHAN}} điển hình cá nhân; {{DVK_CONG_NHAN}} được công nhận, {{DVK_NHAN_RONG}} mô hình được nhân rộng.

{{table:KE_HOACH_TRIEN_KHAI_BAN_HANH,LUOT_TIEP_CONG_DAN,DON_TIEP_NHAN,DVK_DANG_KY}}

# III. HẠN CHẾ, NGUYÊN NHÂN VÀ BÀI HỌC KINH NGHIỆM

[Đơn vị soạn thảo bổ sung.]

# IV. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN TIẾP THEO VÀ KIẾN NGHỊ, ĐỀ XUẤT

[Đơn vị soạn thảo bổ sung.]$body$, 'TERM', 'system');
