-- Registry imports: the reporting columns of indicator_year staged with each row, so that a commit
-- inserts new firm-years and new firms with one INSERT ... SELECT each (no row-by-row round trips),
-- and the last staged row of a firm is found by index.
alter table import_row add column revenue decimal(18,4);
alter table import_row add column rd_expense decimal(18,4);
alter table import_row add column employees integer;
create index registry_import_row_code on import_row (import_id, credit_code, row_no);
