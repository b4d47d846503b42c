-- 0001: lists and todos, the local database (the embedded default and the offline mirror).
--
-- Same meaning as sql/postgres/0001 in SQLite's terms: ids are UUID text (lower case, no braces);
-- times are UTC ISO-8601 text with milliseconds and 'Z', which sorts as text; booleans are 0/1.
-- There is one user per file, so there is no owner column. change_no here is the server's change
-- number this row was last synced at (NULL for a row the server has not seen).

CREATE TABLE lists (
    id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
    name        TEXT NOT NULL CHECK (length(trim(name, ' ' || char(9, 10, 13))) > 0 AND length(name) <= 200),
    position    REAL NOT NULL DEFAULT 0,
    colour      TEXT CHECK (colour IS NULL OR (length(colour) = 7 AND colour GLOB '#[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]')),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    deleted_at  TEXT,
    version     INTEGER NOT NULL DEFAULT 1 CHECK (version > 0),
    change_no   INTEGER
) STRICT;

CREATE TABLE todos (
    id           TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
    title        TEXT NOT NULL CHECK (length(trim(title, ' ' || char(9, 10, 13))) > 0 AND length(title) <= 500),
    notes        TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 100000),
    completed    INTEGER NOT NULL DEFAULT 0 CHECK (completed IN (0, 1)),
    completed_at TEXT,
    due_at       TEXT,
    due_all_day  INTEGER NOT NULL DEFAULT 0 CHECK (due_all_day IN (0, 1)),
    priority     INTEGER NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 3),
    list_id      TEXT REFERENCES lists (id) ON DELETE SET NULL,
    position     REAL NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    deleted_at   TEXT,
    version      INTEGER NOT NULL DEFAULT 1 CHECK (version > 0),
    change_no    INTEGER
) STRICT;

CREATE INDEX todos_list_position ON todos (list_id, position) WHERE deleted_at IS NULL;
CREATE INDEX todos_due ON todos (due_at) WHERE deleted_at IS NULL AND completed = 0;
