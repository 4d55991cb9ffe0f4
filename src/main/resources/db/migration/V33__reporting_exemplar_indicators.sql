-- Computed indicators over the "Dân vận khéo" registry (provider 'exemplar'): models and exemplars
-- registered and recognised in a period, counted live from the records.
insert into reporting_indicator (code, name, name_en, description, value_type, aggregation, source, provider, measure) values
    ('DVK_DANG_KY', 'Số mô hình, điển hình "Dân vận khéo" đăng ký', '"Dân vận khéo" models and exemplars registered',
     'Tính từ sổ đăng ký theo ngày đăng ký', 'INTEGER', 'SUM', 'COMPUTED', 'exemplar', 'exemplars.registered'),
    ('DVK_DANG_KY_TAP_THE', 'Số mô hình tập thể "Dân vận khéo" đăng ký', 'Collective models registered',
     null, 'INTEGER', 'SUM', 'COMPUTED', 'exemplar', 'exemplars.registered.collective'),
    ('DVK_DANG_KY_CA_NHAN', 'Số điển hình cá nhân "Dân vận khéo" đăng ký', 'Individual exemplars registered',
     null, 'INTEGER', 'SUM', 'COMPUTED', 'exemplar', 'exemplars.registered.individual'),
    ('DVK_NHAN_RONG', 'Số mô hình "Dân vận khéo" nhân rộng', 'Models replicated from another',
     null, 'INTEGER', 'SUM', 'COMPUTED', 'exemplar', 'exemplars.replicated'),
    ('DVK_CONG_NHAN', 'Số mô hình, điển hình "Dân vận khéo" được công nhận', 'Models and exemplars recognised',
     'Theo ngày quyết định công nhận', 'INTEGER', 'SUM', 'COMPUTED', 'exemplar', 'exemplars.recognised'),
    ('DVK_TIEU_BIEU', 'Số mô hình, điển hình "Dân vận khéo" tiêu biểu', 'Typical models and exemplars recognised',
     null, 'INTEGER', 'SUM', 'COMPUTED', 'exemplar', 'exemplars.recognised.typical');
