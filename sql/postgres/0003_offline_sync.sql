-- 0003: what offline devices need to sync back exactly once.
--
-- Each device (client) numbers the changes it made offline 1, 2, 3, ... A push applies a batch and
-- records the client's last applied number in the same transaction, so a push whose COMMIT went
-- through but whose reply was lost is recognised when it is sent again and not applied twice.
-- Pulls ask for rows by the writing transaction's id (change_xid): indexed here.

CREATE TABLE sync_clients (
    owner       text NOT NULL DEFAULT current_user,
    client_id   uuid NOT NULL,
    last_seq    bigint NOT NULL CHECK (last_seq >= 0),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner, client_id)
);

ALTER TABLE sync_clients ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync_clients FORCE ROW LEVEL SECURITY;
CREATE POLICY sync_clients_owner ON sync_clients
    USING (owner = current_user) WITH CHECK (owner = current_user);
GRANT SELECT, INSERT, UPDATE ON sync_clients TO PUBLIC;

CREATE INDEX todos_owner_change_xid ON todos (owner, change_xid);
CREATE INDEX lists_owner_change_xid ON lists (owner, change_xid);
