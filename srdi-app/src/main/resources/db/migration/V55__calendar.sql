-- Working-day calendar (module calendar, V55-V59): official exceptions and the years they cover.
-- Seeded by V56 from calendar/holidays-cn.csv (2025, 2026); administrators add later years.

create table calendar_day (
    cal_date   date         primary key,
    kind       varchar(8)   not null,
    name_zh    varchar(100) not null,
    name_en    varchar(100) not null,
    updated_by varchar(64)  not null,
    updated_at timestamp    not null,
    constraint calendar_day_kind check (kind in ('HOLIDAY', 'WORKDAY'))
);

-- A year is covered once its official notice (国务院办公厅关于…部分节假日安排的通知) is entered.
create table calendar_year (
    cal_year   integer      primary key,
    notice     varchar(200) not null,
    updated_by varchar(64)  not null,
    updated_at timestamp    not null
);
