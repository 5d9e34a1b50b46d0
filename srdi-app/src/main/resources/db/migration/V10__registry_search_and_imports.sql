-- Registry: indexes for the firm list (100,000 firms: filters, sorts, count + page queries)
-- (index names prefixed registry_ so that other modules' migrations never collide with them)
-- and the staging columns of imports (upload -> preview -> commit).

create index registry_enterprise_name on enterprise (name);
create index registry_enterprise_updated on enterprise (updated_at);
create index registry_title_tier_expiry on enterprise_title (tier, status, expires_on);
create index registry_title_code_status on enterprise_title (credit_code, status);
create index registry_change_import on indicator_change (import_id);
create index registry_import_uploader on import_batch (uploaded_by, id);

-- What a staged row says about the firm itself (the yearly figures are in import_row.data).
alter table import_row add column name varchar(200);
alter table import_row add column industry_code varchar(5);
alter table import_row add column region_code varchar(6);

-- Preview figures and notes of a batch.
alter table import_batch add column rows_warned integer not null default 0;
alter table import_batch add column firms_new integer not null default 0;
alter table import_batch add column years_new integer not null default 0;
alter table import_batch add column years_update integer not null default 0;
alter table import_batch add column fiscal_years varchar(200);
alter table import_batch add column notice_zh varchar(2000);
alter table import_batch add column notice_en varchar(2000);
alter table import_batch add column file_bytes bigint;
alter table import_batch add column millis_staged bigint;
alter table import_batch add column millis_committed bigint;
alter table import_batch add column changes_recorded integer not null default 0;
