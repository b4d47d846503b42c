-- 0004: field-by-field sync.
-- (Function bodies use jsonb_exists(), not the ? operator, which Qt would take for a placeholder.) Who changed which field when, the push that resolves offline edits
-- against it, and the log of every value that lost.
--
-- field_stamps holds, per field, the last change to it: {"title": {"t": "2026-11-22T10:00:00.123Z",
-- "c": "<client id>", "v": 7}, ...}: when the person made the change (t, UTC, milliseconds), on
-- which device (c; "" for a change made online, which has no device id) and the row version it
-- produced (v). A field with no entry has not changed since the row was made (v = 1). Online
-- writes are stamped by the trigger; a push writes its own stamps (the time the person made the
-- edit offline, not the time it arrived).

ALTER TABLE lists ADD COLUMN field_stamps jsonb NOT NULL DEFAULT '{}';
ALTER TABLE todos ADD COLUMN field_stamps jsonb NOT NULL DEFAULT '{}';

-- The trigger's arguments name the fields it stamps. An UPDATE that sets field_stamps itself (the
-- push) is left as it is.
CREATE OR REPLACE FUNCTION stamp_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    stamp jsonb;
BEGIN
    NEW.change_no := nextval('change_no_seq');
    NEW.change_xid := pg_current_xact_id();
    IF TG_OP = 'UPDATE' THEN
        NEW.version := OLD.version + 1;
        NEW.owner := OLD.owner;      -- rows never change hands
        NEW.created_at := OLD.created_at;
        -- Nested: a table without field_stamps (no arguments) must not even name the column.
        IF TG_NARGS > 0 THEN
            IF NEW.field_stamps = OLD.field_stamps THEN
                stamp := jsonb_build_object(
                    't', to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                    'c', '', 'v', NEW.version);
                SELECT OLD.field_stamps || coalesce(jsonb_object_agg(n.key, stamp), '{}')
                  INTO NEW.field_stamps
                  FROM jsonb_each(to_jsonb(NEW)) n
                  JOIN jsonb_each(to_jsonb(OLD)) o ON o.key = n.key
                 WHERE n.key = ANY (TG_ARGV) AND n.value IS DISTINCT FROM o.value;
            END IF;
        END IF;
    END IF;
    RETURN NEW;
END
$$;

DROP TRIGGER lists_stamp_change ON lists;
CREATE TRIGGER lists_stamp_change BEFORE INSERT OR UPDATE ON lists
    FOR EACH ROW EXECUTE FUNCTION stamp_change('name', 'position', 'colour', 'deleted_at');
DROP TRIGGER todos_stamp_change ON todos;
CREATE TRIGGER todos_stamp_change BEFORE INSERT OR UPDATE ON todos
    FOR EACH ROW EXECUTE FUNCTION stamp_change('title', 'notes', 'completed', 'completed_at', 'due_at',
                                               'due_all_day', 'priority', 'list_id', 'position', 'deleted_at');

-- Every value that lost to another device's change of the same field, so the person can see it and
-- put it back. kept/lost are the values in the row's JSON form; the stamps say who made them when.
CREATE TABLE sync_conflicts (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    owner       text NOT NULL DEFAULT current_user,
    entity      text NOT NULL CHECK (entity IN ('todo', 'list')),
    entity_id   uuid NOT NULL,
    field       text NOT NULL,
    kept_value  jsonb,
    lost_value  jsonb,
    kept_stamp  jsonb,
    lost_stamp  jsonb,
    created_at  timestamptz NOT NULL DEFAULT now(),
    restored_at timestamptz,
    version     bigint NOT NULL DEFAULT 1 CHECK (version > 0),
    change_no   bigint NOT NULL,
    change_xid  xid8 NOT NULL
);
CREATE TRIGGER sync_conflicts_stamp_change BEFORE INSERT OR UPDATE ON sync_conflicts
    FOR EACH ROW EXECUTE FUNCTION stamp_change();
CREATE INDEX sync_conflicts_owner_change_xid ON sync_conflicts (owner, change_xid);
ALTER TABLE sync_conflicts ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync_conflicts FORCE ROW LEVEL SECURITY;
CREATE POLICY sync_conflicts_owner ON sync_conflicts
    USING (owner = current_user) WITH CHECK (owner = current_user);
GRANT SELECT, INSERT, UPDATE ON sync_conflicts TO PUBLIC;

-- One push: a batch of a device's offline changes, applied exactly once, in ONE statement (so one
-- round trip, and its own transaction when sent outside one: it works through the pooler).
--
-- p_changes: [{"seq": 12, "entity": "todo", "id": "...", "base": 7, "at": "2026-...Z",
--              "f": {"title": "...", ...}}, ...] in sequence order. base is the row version the
-- device had from the server when it made the change (null for a row it made itself).
--
-- 1. The device's ledger row is made or locked; changes numbered at or below its last_seq were
--    applied by an earlier push whose answer was lost, and are skipped.
-- 2. Per row, the changes are merged (the last value of each field, with the time it was set),
--    and each field is decided on its own: when the server's field has not changed since the
--    device's base version, the device's value is written; when it has (both sides changed the
--    same field), the later edit wins, ties going to the larger device id ("" for online edits,
--    so a device wins a tie against an online edit). The value that lost goes to sync_conflicts.
-- 3. An edit to a row deleted elsewhere brings it back, and the deletion is logged like a lost
--    value (restoring it deletes the row again).
-- 4. last_seq moves to the highest number in the batch.
-- Returns {"applied": n, "skipped": n, "inserted": n, "updated": n, "conflicts": n, "revived": n}.
CREATE FUNCTION sync_push(p_client uuid, p_changes jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    last_applied bigint;
    highest bigint;
    ch record;
    tbl text;
    cur jsonb;
    next_row jsonb;
    stamps jsonb;
    norm jsonb;
    fld record;
    mine jsonb;
    theirs jsonb;
    mine_stamp jsonb;
    concurrent boolean;
    changed boolean;
    new_version bigint;
    n_applied int := 0;
    n_skipped int := 0;
    n_inserted int := 0;
    n_updated int := 0;
    n_conflicts int := 0;
    n_revived int := 0;
BEGIN
    INSERT INTO sync_clients (client_id, last_seq) VALUES (p_client, 0)
        ON CONFLICT (owner, client_id) DO UPDATE SET updated_at = now()
        RETURNING last_seq INTO last_applied;
    SELECT max((c->>'seq')::bigint), count(*) FILTER (WHERE (c->>'seq')::bigint <= last_applied)
      INTO highest, n_skipped
      FROM jsonb_array_elements(p_changes) c;
    IF highest IS NULL OR highest <= last_applied THEN
        RETURN jsonb_build_object('applied', 0, 'skipped', n_skipped, 'inserted', 0, 'updated', 0,
                                  'conflicts', 0, 'revived', 0);
    END IF;

    -- Lists before todos (todos refer to them); rows in id order, so two pushes lock in one order.
    FOR ch IN
        WITH e AS (
            SELECT (c->>'seq')::bigint AS seq, c->>'entity' AS entity, (c->>'id')::uuid AS id,
                   (c->>'base')::bigint AS base, c->>'at' AS at, c->'f' AS f
              FROM jsonb_array_elements(p_changes) c
             WHERE (c->>'seq')::bigint > last_applied),
        latest AS (
            SELECT DISTINCT ON (e.entity, e.id, kv.key) e.entity, e.id, kv.key, kv.value, e.at
              FROM e, jsonb_each(e.f) kv
             ORDER BY e.entity, e.id, kv.key, e.seq DESC)
        SELECT l.entity, l.id, jsonb_object_agg(l.key, l.value) AS vals, jsonb_object_agg(l.key, l.at) AS ats,
               (SELECT min(e.base) FROM e WHERE e.entity = l.entity AND e.id = l.id) AS base,
               (SELECT min(e.at) FROM e WHERE e.entity = l.entity AND e.id = l.id) AS first_at,
               (SELECT max(e.at) FROM e WHERE e.entity = l.entity AND e.id = l.id) AS last_at,
               (SELECT count(*) FROM e WHERE e.entity = l.entity AND e.id = l.id) AS entries
          FROM latest l
         GROUP BY l.entity, l.id
         ORDER BY l.entity <> 'list', l.id
    LOOP
        n_applied := n_applied + ch.entries;
        tbl := CASE ch.entity WHEN 'list' THEN 'lists' ELSE 'todos' END;
        -- The pushed values in the row's own JSON form (times, numbers), so they compare as equal
        -- to the stored ones when they are.
        IF ch.entity = 'list' THEN
            norm := to_jsonb(jsonb_populate_record(NULL::lists, ch.vals));
        ELSE
            norm := to_jsonb(jsonb_populate_record(NULL::todos, ch.vals));
        END IF;
        EXECUTE format('SELECT to_jsonb(t) FROM %I t WHERE t.id = $1 FOR UPDATE', tbl) INTO cur USING ch.id;

        IF cur IS NULL AND NOT jsonb_exists(ch.vals, CASE ch.entity WHEN 'list' THEN 'name' ELSE 'title' END) THEN
            -- Changes to a row the server has never had, without the row itself: nothing to apply
            -- them to. Logged, never dropped silently.
            INSERT INTO sync_conflicts (entity, entity_id, field, kept_value, lost_value, kept_stamp, lost_stamp)
            VALUES (ch.entity, ch.id, '*', NULL, ch.vals, NULL,
                    jsonb_build_object('t', ch.last_at, 'c', p_client::text));
            n_conflicts := n_conflicts + 1;
            CONTINUE;
        END IF;
        IF cur IS NULL THEN
            -- A row the device made: its fields, the columns' defaults for the rest.
            stamps := '{}';
            FOR fld IN SELECT key FROM jsonb_each(ch.vals) LOOP
                stamps := stamps || jsonb_build_object(fld.key, jsonb_build_object(
                    't', ch.ats->>fld.key, 'c', p_client::text, 'v', 1));
            END LOOP;
            IF ch.entity = 'list' THEN
                INSERT INTO lists (id, name, position, colour, created_at, updated_at, deleted_at, field_stamps)
                SELECT ch.id, r.name, coalesce(r.position, 0), r.colour, ch.first_at::timestamptz,
                       ch.last_at::timestamptz, r.deleted_at, stamps
                  FROM jsonb_populate_record(NULL::lists, ch.vals) r;
            ELSE
                INSERT INTO todos (id, title, notes, completed, completed_at, due_at, due_all_day, priority,
                                   list_id, position, created_at, updated_at, deleted_at, field_stamps)
                SELECT ch.id, r.title, coalesce(r.notes, ''), coalesce(r.completed, false), r.completed_at,
                       r.due_at, coalesce(r.due_all_day, false), coalesce(r.priority, 0),
                       (SELECT l.id FROM lists l WHERE l.id = r.list_id), coalesce(r.position, 0),
                       ch.first_at::timestamptz, ch.last_at::timestamptz, r.deleted_at, stamps
                  FROM jsonb_populate_record(NULL::todos, ch.vals) r;
            END IF;
            n_inserted := n_inserted + 1;
            CONTINUE;
        END IF;

        new_version := (cur->>'version')::bigint + 1;
        next_row := cur;
        stamps := cur->'field_stamps';
        changed := false;
        FOR fld IN SELECT key FROM jsonb_each(ch.vals) LOOP
            mine := norm->fld.key;
            theirs := stamps->fld.key;
            mine_stamp := jsonb_build_object('t', ch.ats->>fld.key, 'c', p_client::text, 'v', new_version);
            -- Both sides changed this field when the server's change is newer than the device's base.
            concurrent := ch.base IS NOT NULL AND coalesce((theirs->>'v')::bigint, 1) > ch.base;
            IF NOT concurrent
               OR (mine_stamp->>'t' COLLATE "C", mine_stamp->>'c' COLLATE "C")
                  > (coalesce(theirs->>'t', '') COLLATE "C", coalesce(theirs->>'c', '') COLLATE "C") THEN
                IF cur->fld.key IS DISTINCT FROM mine THEN
                    IF concurrent THEN
                        INSERT INTO sync_conflicts (entity, entity_id, field, kept_value, lost_value, kept_stamp, lost_stamp)
                        VALUES (ch.entity, ch.id, fld.key, mine, cur->fld.key, mine_stamp, theirs);
                        n_conflicts := n_conflicts + 1;
                    END IF;
                    next_row := next_row || jsonb_build_object(fld.key, mine);
                    stamps := stamps || jsonb_build_object(fld.key, mine_stamp);
                    changed := true;
                END IF;
            ELSIF cur->fld.key IS DISTINCT FROM mine THEN
                INSERT INTO sync_conflicts (entity, entity_id, field, kept_value, lost_value, kept_stamp, lost_stamp)
                VALUES (ch.entity, ch.id, fld.key, cur->fld.key, mine, theirs, mine_stamp);
                n_conflicts := n_conflicts + 1;
            END IF;
        END LOOP;

        -- Edited here, deleted elsewhere: the edit brings the row back, and says so in the log.
        IF changed AND cur->'deleted_at' <> 'null'::jsonb AND next_row->'deleted_at' <> 'null'::jsonb
           AND NOT jsonb_exists(ch.vals, 'deleted_at') THEN
            mine_stamp := jsonb_build_object('t', ch.last_at, 'c', p_client::text, 'v', new_version);
            INSERT INTO sync_conflicts (entity, entity_id, field, kept_value, lost_value, kept_stamp, lost_stamp)
            VALUES (ch.entity, ch.id, 'deleted_at', 'null'::jsonb, cur->'deleted_at', mine_stamp,
                    stamps->'deleted_at');
            next_row := next_row || jsonb_build_object('deleted_at', NULL);
            stamps := stamps || jsonb_build_object('deleted_at', mine_stamp);
            n_revived := n_revived + 1;
            n_conflicts := n_conflicts + 1;
        END IF;

        IF changed THEN
            next_row := next_row || jsonb_build_object('field_stamps', stamps, 'updated_at',
                greatest((cur->>'updated_at')::timestamptz, ch.last_at::timestamptz));
            IF ch.entity = 'list' THEN
                UPDATE lists t SET (name, position, colour, deleted_at, updated_at, field_stamps) =
                    (SELECT r.name, r.position, r.colour, r.deleted_at, r.updated_at, r.field_stamps
                       FROM jsonb_populate_record(NULL::lists, next_row) r)
                 WHERE t.id = ch.id;
            ELSE
                UPDATE todos t SET (title, notes, completed, completed_at, due_at, due_all_day, priority, list_id,
                                    position, deleted_at, updated_at, field_stamps) =
                    (SELECT r.title, r.notes, r.completed, r.completed_at, r.due_at, r.due_all_day, r.priority,
                            (SELECT l.id FROM lists l WHERE l.id = r.list_id), r.position, r.deleted_at,
                            r.updated_at, r.field_stamps
                       FROM jsonb_populate_record(NULL::todos, next_row) r)
                 WHERE t.id = ch.id;
            END IF;
            n_updated := n_updated + 1;
        END IF;
    END LOOP;

    UPDATE sync_clients SET last_seq = highest, updated_at = now() WHERE client_id = p_client;
    RETURN jsonb_build_object('applied', n_applied, 'skipped', n_skipped, 'inserted', n_inserted,
                              'updated', n_updated, 'conflicts', n_conflicts, 'revived', n_revived);
END
$$;
GRANT EXECUTE ON FUNCTION sync_push(uuid, jsonb) TO PUBLIC;
