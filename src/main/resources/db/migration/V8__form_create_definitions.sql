-- Report form definitions (biểu mẫu) as data: one row per version of a form. The definitions shipped
-- with the application (forms/*.json) are stored on first start; administrators upload new versions
-- (for example the forms of Thông tư 06/2025/TT-TTCP) without a code change.
create table form_definition (
    code        text not null,
    version     int not null,
    valid_from  date not null,
    definition  jsonb not null,
    uploaded_by text not null,
    uploaded_at timestamptz not null default now(),
    primary key (code, version)
);
