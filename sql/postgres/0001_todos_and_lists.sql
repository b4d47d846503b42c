-- 0001: lists and todos.
--
-- Ids are made on the client (UUIDv7) so rows can be created offline. Every change stamps the row
-- with a server-assigned change number (change_no, from one sequence) and the id of the writing
-- transaction (change_xid), so a client can ask what changed since it last looked; change_xid lets
-- that question be answered completely even though sequence numbers are not handed out in commit
-- order. version counts changes to the row; updates check it (optimistic concurrency).
-- Rows are never removed by the app: deleted_at is a tombstone that sync carries to other devices.
--
-- Several database roles may share one database: row-level security shows each role only the rows
-- it owns (owner defaults to current_user), so the tables are granted to PUBLIC.

CREATE SEQUENCE change_no_seq AS bigint;

CREATE FUNCTION stamp_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.change_no := nextval('change_no_seq');
    NEW.change_xid := pg_current_xact_id();
    IF TG_OP = 'UPDATE' THEN
        NEW.version := OLD.version + 1;
        NEW.owner := OLD.owner;      -- rows never change hands
        NEW.created_at := OLD.created_at;
    END IF;
    RETURN NEW;
END
$$;

CREATE TABLE lists (
    id          uuid PRIMARY KEY,
    owner       text NOT NULL DEFAULT current_user,
    name        text NOT NULL CHECK (name ~ '[^[:space:]]' AND char_length(name) <= 200),
    position    double precision NOT NULL DEFAULT 0,
    colour      text CHECK (colour ~ '^#[0-9A-Fa-f]{6}$'),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    deleted_at  timestamptz,
    version     bigint NOT NULL DEFAULT 1 CHECK (version > 0),
    change_no   bigint NOT NULL,
    change_xid  xid8 NOT NULL
);

CREATE TABLE todos (
    id           uuid PRIMARY KEY,
    owner        text NOT NULL DEFAULT current_user,
    title        text NOT NULL CHECK (title ~ '[^[:space:]]' AND char_length(title) <= 500),
    notes        text NOT NULL DEFAULT '' CHECK (char_length(notes) <= 100000),
    completed    boolean NOT NULL DEFAULT false,
    completed_at timestamptz,
    due_at       timestamptz,
    due_all_day  boolean NOT NULL DEFAULT false,  -- a date without a time: due_at is 00:00 UTC that day
    priority     smallint NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 3),
    list_id      uuid REFERENCES lists (id) ON DELETE SET NULL,
    position     double precision NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    deleted_at   timestamptz,
    version      bigint NOT NULL DEFAULT 1 CHECK (version > 0),
    change_no    bigint NOT NULL,
    change_xid   xid8 NOT NULL
);

CREATE TRIGGER lists_stamp_change BEFORE INSERT OR UPDATE ON lists
    FOR EACH ROW EXECUTE FUNCTION stamp_change();
CREATE TRIGGER todos_stamp_change BEFORE INSERT OR UPDATE ON todos
    FOR EACH ROW EXECUTE FUNCTION stamp_change();

CREATE INDEX lists_owner_change_no ON lists (owner, change_no);
CREATE INDEX todos_owner_change_no ON todos (owner, change_no);
CREATE INDEX todos_owner_list_position ON todos (owner, list_id, position) WHERE deleted_at IS NULL;
CREATE INDEX todos_owner_due ON todos (owner, due_at) WHERE deleted_at IS NULL AND NOT completed;
CREATE INDEX todos_list_id ON todos (list_id);

ALTER TABLE lists ENABLE ROW LEVEL SECURITY;
ALTER TABLE lists FORCE ROW LEVEL SECURITY;
CREATE POLICY lists_owner ON lists
    USING (owner = current_user) WITH CHECK (owner = current_user);

ALTER TABLE todos ENABLE ROW LEVEL SECURITY;
ALTER TABLE todos FORCE ROW LEVEL SECURITY;
CREATE POLICY todos_owner ON todos
    USING (owner = current_user) WITH CHECK (owner = current_user);

GRANT SELECT, INSERT, UPDATE, DELETE ON lists, todos TO PUBLIC;
GRANT USAGE ON SEQUENCE change_no_seq TO PUBLIC;
