-- The SLA clock of a request moves to a narrow table of its own (issue 5, the midnight burst of
-- the sweep). The sweep changes only escalation and next_check_at; while they lived in
-- sd_request, every escalation rewrote the wide row and, next_check_at being indexed, added an
-- entry to all six indexes of sd_request (no HOT update on PostgreSQL; H2 removes and re-adds
-- the row in every index on any UPDATE). Here a sweep update touches a short row and two indexes.
--
-- row_version is the version of the whole request: every change of a request (a transition, an
-- escalation, a recomputed deadline) updates its clock row first, guarded by the version it read,
-- so the clock row is also the lock that orders concurrent changes of one request.
create table sd_request_clock (
    request_id    bigint    primary key references sd_request (id),
    escalation    integer   not null default 0,
    next_check_at timestamp,
    row_version   integer   not null default 0
);
insert into sd_request_clock (request_id, escalation, next_check_at, row_version)
    select id, escalation, next_check_at, row_version from sd_request;
-- The sweep is the range query  where next_check_at <= :now  on this index.
create index sd_request_clock_next_check on sd_request_clock (next_check_at);
drop index sd_request_next_check;
alter table sd_request drop column escalation;
alter table sd_request drop column next_check_at;
alter table sd_request drop column row_version;
