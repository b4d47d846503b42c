-- 0002: an index for the end of the manual order.
--
-- Adding a todo puts it after every other one, max(position) + 1, in the INSERT itself; with the
-- index that is one index probe instead of a scan of every row of the owner.

CREATE INDEX todos_owner_position ON todos (owner, position);
