-- Dashboard read model (产业大脑): indexes for its aggregate queries and lists.
-- The current region grade: latest grade_run with kind REGION and status DONE.
create index grade_run_kind_status on grade_run (kind, status, id);
-- Candidates: records of one run one or two conditions short of the next rung.
create index grade_record_candidates on grade_record (run_id, next_gap_count, next_tier);
-- Expiring titles: ACTIVE titles by expiry date.
create index enterprise_title_status_expiry on enterprise_title (status, expires_on);
-- Titles in force per rung (pyramid, plan actuals).
create index enterprise_title_tier on enterprise_title (tier, status);
-- Filters by focus industry.
create index enterprise_focus on enterprise (focus_industry);
