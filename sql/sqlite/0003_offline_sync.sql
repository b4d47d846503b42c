-- 0003: changes made offline, waiting for the server (see sql/postgres/0003).
--
-- Every local write made while offline adds one row here in the same transaction as the write
-- itself, so a change is never waiting without being made, nor made without waiting. seq is this
-- device's sequence number for the change (AUTOINCREMENT: never reused, even after rows are sent
-- and removed). fields holds the changed fields and their new values as a JSON object.
-- sync_state keeps this device's id and how far it has read the server's changes.

CREATE TABLE outbox (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    entity       TEXT NOT NULL CHECK (entity IN ('todo', 'list')),
    entity_id    TEXT NOT NULL CHECK (length(entity_id) = 36),
    fields       TEXT NOT NULL CHECK (json_valid(fields) AND json_type(fields) = 'object'),
    base_version INTEGER CHECK (base_version IS NULL OR base_version > 0),
    changed_at   TEXT NOT NULL
) STRICT;

CREATE TABLE sync_state (
    key    TEXT PRIMARY KEY NOT NULL,
    value  TEXT NOT NULL
) STRICT;
