-- The handlers of a department are read on every request intake (the department's to-dos to accept
-- it, servicedesk Departments.members): without an index that read scanned every account, firm
-- users included (issue 5's intake profile, docs/PERFORMANCE.md).
create index app_user_department on app_user (department, role);
