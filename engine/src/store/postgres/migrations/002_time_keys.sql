-- Version 2: times outside years 0000-9999 get keys that sort as time
-- (engine/src/store/time_key.rs). The rewrite of existing keys is done in
-- code right after this (schema.rs, rewrite_time_keys); the tables keep
-- their shape.
SELECT 1;
