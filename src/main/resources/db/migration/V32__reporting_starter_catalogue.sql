-- The starter catalogue for dân vận reporting: categories for "Dân vận khéo" breakdowns, entered
-- indicators heard at quarterly briefings, a ratio, and the petition figures computed live from the
-- records (provider 'petition', the measures of forms 01/TCD … 04/KQGQ). Administrators add more at
-- /reporting/indicators without code.

insert into reporting_category (code, name, name_en) values
    ('KIND',  'Loại mô hình', 'Kind of model'),
    ('FIELD', 'Lĩnh vực',     'Field of work');

insert into reporting_category_option (category, code, name, name_en, position) values
    ('KIND',  'COLLECTIVE',       'Tập thể',                     'Collective',                 1),
    ('KIND',  'INDIVIDUAL',       'Cá nhân',                     'Individual',                 2),
    ('FIELD', 'ECONOMY',          'Kinh tế',                     'Economy',                    1),
    ('FIELD', 'CULTURE_SOCIETY',  'Văn hóa - xã hội',            'Culture and society',        2),
    ('FIELD', 'DEFENCE_SECURITY', 'Quốc phòng - an ninh',        'Defence and security',       3),
    ('FIELD', 'POLITICAL_SYSTEM', 'Xây dựng hệ thống chính trị', 'Building the political system', 4);

insert into reporting_category_combo (code, name, name_en) values
    ('KIND',       'Theo loại (tập thể, cá nhân)',        'By kind (collective, individual)'),
    ('KIND_FIELD', 'Theo loại và lĩnh vực',                'By kind and field');

insert into reporting_category_combo_member (combo, category, position) values
    ('KIND', 'KIND', 1),
    ('KIND_FIELD', 'KIND', 1),
    ('KIND_FIELD', 'FIELD', 2);

insert into reporting_indicator (code, name, name_en, description, value_type, aggregation, source, period_kind, period_cut, category_combo) values
    ('HOI_NGHI_GIAO_BAN', 'Số hội nghị giao ban công tác dân vận', 'Dân vận briefing meetings held',
     'Hội nghị giao ban công tác dân vận do đơn vị tổ chức trong kỳ', 'INTEGER', 'SUM', 'ENTERED', 'QUARTER', 'CALENDAR', null),
    ('LUOT_CAN_BO_TAP_HUAN', 'Số lượt cán bộ dự tập huấn, bồi dưỡng nghiệp vụ dân vận', 'Officer attendances at dân vận training',
     'Mỗi cán bộ dự một lớp tính một lượt', 'INTEGER', 'SUM', 'ENTERED', 'QUARTER', 'CALENDAR', null),
    ('LOP_TAP_HUAN', 'Số lớp tập huấn, bồi dưỡng nghiệp vụ dân vận', 'Dân vận training courses held',
     null, 'INTEGER', 'SUM', 'ENTERED', 'QUARTER', 'CALENDAR', null),
    ('DOI_THOAI', 'Số cuộc tiếp xúc, đối thoại của người đứng đầu cấp ủy, chính quyền với Nhân dân', 'Dialogues of leaders with the people',
     null, 'INTEGER', 'SUM', 'ENTERED', 'QUARTER', 'CALENDAR', null),
    ('Y_KIEN_DOI_THOAI', 'Số ý kiến, kiến nghị của Nhân dân tại đối thoại', 'Opinions raised in dialogues',
     null, 'INTEGER', 'SUM', 'ENTERED', 'QUARTER', 'CALENDAR', null),
    ('Y_KIEN_TRA_LOI_TAI_CHO', 'Số ý kiến được trả lời tại chỗ', 'Opinions answered on the spot',
     null, 'INTEGER', 'SUM', 'ENTERED', 'QUARTER', 'CALENDAR', null),
    ('MO_HINH_DVK_DANG_KY', 'Số mô hình, điển hình "Dân vận khéo" đăng ký mới', 'New "Dân vận khéo" models and exemplars registered',
     'Theo loại (tập thể, cá nhân) và lĩnh vực', 'INTEGER', 'SUM', 'ENTERED', 'QUARTER', 'CALENDAR', 'KIND_FIELD'),
    ('VAN_BAN_CHI_DAO', 'Số văn bản lãnh đạo, chỉ đạo công tác dân vận ban hành', 'Dân vận guidance documents issued',
     null, 'INTEGER', 'SUM', 'ENTERED', 'QUARTER', 'CALENDAR', null),
    ('CUOC_KIEM_TRA_GIAM_SAT', 'Số cuộc kiểm tra, giám sát về công tác dân vận', 'Dân vận inspections and supervisions',
     null, 'INTEGER', 'SUM', 'ENTERED', 'QUARTER', 'CALENDAR', null),
    ('HOI_NGHI_NHAN_DAN', 'Số hội nghị nhân dân, họp khu dân cư bàn và quyết định', 'Residents'' meetings that discussed and decided',
     'Theo Luật Thực hiện dân chủ ở cơ sở', 'INTEGER', 'SUM', 'ENTERED', 'QUARTER', 'CALENDAR', null),
    ('KINH_PHI_HUY_DONG', 'Kinh phí huy động từ Nhân dân cho các mô hình (triệu đồng)', 'Funds mobilised from the people for models (million VND)',
     null, 'DECIMAL', 'SUM', 'ENTERED', 'QUARTER', 'CALENDAR', null),
    ('TY_LE_KDC_CO_MO_HINH', 'Tỷ lệ khu dân cư có mô hình "Dân vận khéo" (%)', 'Share of residential areas with a "Dân vận khéo" model (%)',
     'Đơn vị nhập tỷ lệ của mình; tổng hợp là trung bình có trọng số theo số giá trị, không phải trung bình của các trung bình',
     'PERCENTAGE', 'AVERAGE', 'ENTERED', 'QUARTER', 'CALENDAR', null),
    ('BAN_TTND_HOAT_DONG', 'Ban Thanh tra nhân dân đang hoạt động (cuối kỳ)', 'People''s Inspection Boards active (end of period)',
     'Số tại thời điểm cuối kỳ: tổng hợp lấy giá trị kỳ cuối cùng', 'INTEGER', 'LAST', 'ENTERED', 'QUARTER', 'CALENDAR', null),
    ('DA_TO_CHUC_GIAO_BAN', 'Đã tổ chức giao ban dân vận trong kỳ', 'A dân vận briefing was held in the period',
     null, 'BOOLEAN', 'NONE', 'ENTERED', 'QUARTER', 'CALENDAR', null);

insert into reporting_indicator (code, name, name_en, description, value_type, aggregation, source, period_kind, period_cut,
                                 numerator_id, denominator_id) values
    ('TY_LE_TRA_LOI_TAI_CHO', 'Tỷ lệ ý kiến được trả lời tại chỗ (%)', 'Share of opinions answered on the spot (%)',
     'Tổng số ý kiến trả lời tại chỗ chia tổng số ý kiến tại đối thoại (tỷ số của hai tổng)', 'PERCENTAGE', 'RATIO', 'COMPUTED',
     'QUARTER', 'CALENDAR',
     (select id from reporting_indicator where code = 'Y_KIEN_TRA_LOI_TAI_CHO'),
     (select id from reporting_indicator where code = 'Y_KIEN_DOI_THOAI'));

insert into reporting_indicator (code, name, name_en, description, value_type, aggregation, source, period_kind, period_cut, provider, measure) values
    ('LUOT_TIEP_CONG_DAN', 'Số lượt tiếp công dân', 'Citizen reception visits', 'Biểu 01/TCD cột 1, tính từ hồ sơ tiếp công dân',
     'INTEGER', 'SUM', 'COMPUTED', 'MONTH', 'CALENDAR', 'petition', 'visits.total'),
    ('NGUOI_DUOC_TIEP', 'Số người được tiếp', 'Persons received', 'Biểu 01/TCD cột 2',
     'INTEGER', 'SUM', 'COMPUTED', 'MONTH', 'CALENDAR', 'petition', 'visits.persons'),
    ('VU_VIEC_TIEP', 'Số vụ việc được tiếp', 'Matters received in person', 'Biểu 01/TCD cột 3',
     'INTEGER', 'SUM', 'COMPUTED', 'MONTH', 'CALENDAR', 'petition', 'visits.cases'),
    ('DON_TIEP_NHAN', 'Số đơn thư tiếp nhận', 'Petitions received', 'Biểu 01/XLD: tổng số đơn',
     'INTEGER', 'SUM', 'COMPUTED', 'MONTH', 'CALENDAR', 'petition', 'petitions.total'),
    ('DON_DA_XU_LY', 'Số đơn đã xử lý', 'Petitions processed', 'Biểu 01/XLD: đơn đã xử lý',
     'INTEGER', 'SUM', 'COMPUTED', 'MONTH', 'CALENDAR', 'petition', 'petitions.processed'),
    ('DON_DU_DIEU_KIEN', 'Số đơn đủ điều kiện xử lý', 'Eligible petitions', 'Biểu 01/XLD: đơn đủ điều kiện',
     'INTEGER', 'SUM', 'COMPUTED', 'MONTH', 'CALENDAR', 'petition', 'petitions.eligible'),
    ('VU_VIEC_DA_GIAI_QUYET', 'Số vụ việc đã giải quyết', 'Matters settled', 'Biểu 01/KQGQ, 03/KQGQ: vụ việc đã giải quyết',
     'INTEGER', 'SUM', 'COMPUTED', 'MONTH', 'CALENDAR', 'petition', 'cases.finished');
