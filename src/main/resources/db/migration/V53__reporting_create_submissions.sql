-- A submission (báo cáo của một đơn vị): the data of one report form for one unit and one period
-- belong to one record, so that the approval steps (submitted, approved, accepted by the parent)
-- can be added to it without reshaping the tables. It starts as DRAFT; version counts its saves.
create table reporting_submission (
    id           bigint generated always as identity primary key,
    form_code    text    not null,
    form_version int     not null,
    unit_id      bigint  not null references org_unit (id),
    period       text    not null,
    period_start date    not null,
    period_end   date    not null,
    status       text    not null default 'DRAFT'
                 check (status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'ACCEPTED', 'RETURNED')),
    version      int     not null default 1,
    created_by   text    not null,
    created_at   timestamptz not null default now(),
    updated_by   text    not null,
    updated_at   timestamptz not null default now(),
    constraint reporting_submission_key unique (form_code, unit_id, period)
);
-- Completeness of a form for a period across units (who has a submission) reads this index.
create index reporting_submission_form_period on reporting_submission (form_code, period, unit_id);

-- The narrative sections of a submission (kết quả đạt được; hạn chế, nguyên nhân; nhiệm vụ kỳ tới;
-- kiến nghị, đề xuất), each with its own version so that two officers editing different sections do
-- not collide and the same section cannot be overwritten silently.
create table reporting_submission_text (
    submission_id bigint not null references reporting_submission (id),
    section       text   not null,
    body          text   not null,
    version       int    not null default 1,
    updated_by    text   not null,
    updated_at    timestamptz not null default now(),
    primary key (submission_id, section)
);
