-- Rutin store, schema version 1.
CREATE TABLE rutin_meta (
    one            boolean PRIMARY KEY DEFAULT true CHECK (one),
    application    text    NOT NULL,
    schema_version integer NOT NULL
);

-- Routine bundles (routine, organisation file, templates) by content hash.
CREATE TABLE bundles (
    hash    text  PRIMARY KEY,
    content bytea NOT NULL
);

-- One row per case: the last journal sequence number and the next due time.
CREATE TABLE cases (
    id        text   PRIMARY KEY,
    bundle    text   NOT NULL REFERENCES bundles (hash),
    last_seq  bigint NOT NULL,
    next_due  timestamp
);
CREATE INDEX cases_next_due ON cases (next_due) WHERE next_due IS NOT NULL;

-- The append-only journal.
CREATE TABLE journal (
    case_id text   NOT NULL REFERENCES cases (id),
    seq     bigint NOT NULL,
    entry   text   NOT NULL,
    PRIMARY KEY (case_id, seq)
);
