-- 0002: an index for the end of the manual order.
--
-- Adding a todo puts it after every other one of its owner, in the INSERT itself:
--   (SELECT position FROM todos WHERE owner = current_user::text ORDER BY position DESC LIMIT 1)
-- With this index that is one probe instead of a scan of all the owner's rows. The owner column is
-- indexed in the "C" collation because the row-level security policy compares it with current_user,
-- a name, whose collation is "C": only then can the planner use the index to order by position.
-- (max(position) cannot use any index here: the aggregate sits above the policy's filter.)

CREATE INDEX todos_owner_position ON todos ((owner COLLATE "C"), position);
