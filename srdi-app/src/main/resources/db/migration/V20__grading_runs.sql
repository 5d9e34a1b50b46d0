-- Grading (module grading, V20-V29).
-- skipped: firms of a region run without indicators for the base year (counted in done, no record).
-- base_run_id: for SANDBOX runs, the run graded under the base rules that they are compared with.
alter table grade_run add column skipped integer not null default 0;
alter table grade_run add column base_run_id bigint;
create index grade_run_kind on grade_run (kind, status);
