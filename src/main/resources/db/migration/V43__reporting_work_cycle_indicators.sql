-- Computed indicators over the work cycle: plans and tasks (provider 'plan') and conferences
-- (provider 'meeting'), counted live from the records, and the share of tasks done on time as the
-- ratio of two sums. (HOI_NGHI_GIAO_BAN of V32 stays an entered indicator, for units that keep no
-- conference records in danvan; HOI_NGHI_GIAO_BAN_DA_TO_CHUC counts the recorded ones.)
insert into reporting_indicator (code, name, name_en, description, value_type, aggregation, source, provider, measure) values
    ('KE_HOACH_BAN_HANH', 'Số kế hoạch đã ban hành', 'Plans issued',
     'Kế hoạch của đơn vị có ngày bắt đầu trong kỳ (kế hoạch năm: ngày 01/01)', 'INTEGER', 'SUM', 'COMPUTED', 'plan', 'plans.issued'),
    ('KE_HOACH_TRIEN_KHAI_BAN_HANH', 'Số kế hoạch triển khai văn bản, chương trình đã ban hành',
     'Implementing plans issued', 'Kế hoạch thực hiện một chỉ thị, nghị quyết hoặc chương trình phối hợp, bắt đầu trong kỳ',
     'INTEGER', 'SUM', 'COMPUTED', 'plan', 'plans.issued.implementing'),
    ('NHIEM_VU_DUOC_GIAO', 'Số nhiệm vụ được giao', 'Tasks assigned',
     'Nhiệm vụ (trừ nhiệm vụ đã hủy) có thời hạn trong kỳ, tính cho đơn vị chủ trì', 'INTEGER', 'SUM', 'COMPUTED', 'plan',
     'tasks.assigned'),
    ('NHIEM_VU_HOAN_THANH', 'Số nhiệm vụ đã hoàn thành', 'Tasks done',
     'Trong số nhiệm vụ có thời hạn trong kỳ', 'INTEGER', 'SUM', 'COMPUTED', 'plan', 'tasks.done'),
    ('NHIEM_VU_HOAN_THANH_DUNG_HAN', 'Số nhiệm vụ hoàn thành đúng hạn', 'Tasks done on time',
     'Hoàn thành trước hoặc đúng thời hạn', 'INTEGER', 'SUM', 'COMPUTED', 'plan', 'tasks.done.on-time'),
    ('NHIEM_VU_QUA_HAN', 'Số nhiệm vụ quá hạn', 'Tasks overdue',
     'Quá hạn tính đến ngày cuối kỳ hoặc đến hôm nay nếu kỳ chưa kết thúc', 'INTEGER', 'SUM', 'COMPUTED', 'plan', 'tasks.overdue'),
    ('HOI_NGHI_DA_TO_CHUC', 'Số hội nghị đã tổ chức', 'Conferences held',
     'Hội nghị, cuộc họp do đơn vị chủ trì tổ chức, tính theo ngày khai mạc', 'INTEGER', 'SUM', 'COMPUTED', 'meeting',
     'meetings.held'),
    ('HOI_NGHI_GIAO_BAN_DA_TO_CHUC', 'Số hội nghị giao ban đã tổ chức', 'Quarterly briefings held',
     null, 'INTEGER', 'SUM', 'COMPUTED', 'meeting', 'meetings.held.briefing'),
    ('HOI_NGHI_SO_KET_TONG_KET', 'Số hội nghị sơ kết, tổng kết đã tổ chức', 'Reviews held (six-month, annual, multi-year)',
     null, 'INTEGER', 'SUM', 'COMPUTED', 'meeting', 'meetings.held.review'),
    ('BUOI_LAM_VIEC_DOAN_KIEM_TRA', 'Số buổi làm việc với đoàn kiểm tra, đoàn công tác', 'Working sessions with inspection teams',
     null, 'INTEGER', 'SUM', 'COMPUTED', 'meeting', 'meetings.held.inspection'),
    ('Y_KIEN_TAI_HOI_NGHI', 'Số ý kiến, tham luận tại hội nghị', 'Opinions raised at conferences',
     'Ý kiến của các đơn vị tại hội nghị đã tổ chức trong kỳ', 'INTEGER', 'SUM', 'COMPUTED', 'meeting', 'opinions.raised'),
    ('NHIEM_VU_TU_KET_LUAN_HOI_NGHI', 'Số nhiệm vụ giao tại kết luận hội nghị', 'Tasks assigned by conference conclusions',
     'Nhiệm vụ (trừ nhiệm vụ đã hủy) do kết luận của hội nghị tổ chức trong kỳ giao', 'INTEGER', 'SUM', 'COMPUTED', 'meeting',
     'conclusion-tasks.assigned');

insert into reporting_indicator (code, name, name_en, description, value_type, aggregation, source, numerator_id, denominator_id) values
    ('TY_LE_NHIEM_VU_DUNG_HAN', 'Tỷ lệ nhiệm vụ hoàn thành đúng hạn (%)', 'Share of tasks done on time (%)',
     'Số nhiệm vụ hoàn thành đúng hạn chia số nhiệm vụ được giao có thời hạn trong kỳ (tỷ số của hai tổng)', 'PERCENTAGE', 'RATIO',
     'COMPUTED',
     (select id from reporting_indicator where code = 'NHIEM_VU_HOAN_THANH_DUNG_HAN'),
     (select id from reporting_indicator where code = 'NHIEM_VU_DUOC_GIAO'));
