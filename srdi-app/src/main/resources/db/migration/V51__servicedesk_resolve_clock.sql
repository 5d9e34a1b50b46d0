-- The resolve clock starts at submission and again when the firm reopens a resolved request:
-- resolve_from is its start (created_at until a reopen).
alter table sd_request add column resolve_from timestamp;
update sd_request set resolve_from = created_at where resolve_from is null;
