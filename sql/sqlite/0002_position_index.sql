-- 0002: an index for the end of the manual order (see sql/postgres/0002).

CREATE INDEX todos_position ON todos (position);
