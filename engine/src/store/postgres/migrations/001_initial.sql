-- Rutin case store, schema version 1 (the same tables as the SQLite store).
-- Text is in the "C" collation: ids sort byte by byte as in SQLite, whatever the
-- database's locale, and times (text `YYYY-MM-DDTHH:MM:SS[.f]`) sort in time
-- order while keeping every digit the engine wrote.

CREATE TABLE rutin_meta (
    one boolean PRIMARY KEY DEFAULT true CHECK (one),
    application text COLLATE "C" NOT NULL,
    schema_version integer NOT NULL
);

-- Routine versions (routine, organisation file, templates) by content hash.
CREATE TABLE bundles (
    hash text COLLATE "C" PRIMARY KEY,
    content text COLLATE "C" NOT NULL
);

-- The index of each case, rewritten by every command.
CREATE TABLE cases (
    id text COLLATE "C" PRIMARY KEY,
    routine text COLLATE "C" NOT NULL,
    version text COLLATE "C" NOT NULL,
    bundle text COLLATE "C" NOT NULL REFERENCES bundles (hash),
    open boolean NOT NULL,
    next_due text COLLATE "C",
    lease_until text COLLATE "C",
    last_seq bigint  NOT NULL CHECK (last_seq >= 0),
    last_hash text COLLATE "C" NOT NULL
);
CREATE INDEX cases_due ON cases (next_due) WHERE open AND next_due IS NOT NULL;
CREATE INDEX cases_leased ON cases (lease_until) WHERE lease_until IS NOT NULL;
CREATE INDEX cases_routine ON cases (routine, version, open);

-- The append-only journal, each entry with its chained hash.
CREATE TABLE journal (
    case_id text COLLATE "C" NOT NULL REFERENCES cases (id),
    seq bigint NOT NULL CHECK (seq > 0),
    entry text COLLATE "C" NOT NULL,
    hash text COLLATE "C" NOT NULL,
    PRIMARY KEY (case_id, seq)
);

-- Schedules of each routine version and when they run next.
CREATE TABLE schedules (
    routine text COLLATE "C" NOT NULL,
    version text COLLATE "C" NOT NULL,
    schedule text COLLATE "C" NOT NULL,
    bundle text COLLATE "C" NOT NULL REFERENCES bundles (hash),
    next_due text COLLATE "C" NOT NULL,
    PRIMARY KEY (routine, version, schedule)
);

-- One row per schedule run: a due time runs once.
CREATE TABLE schedule_runs (
    routine text COLLATE "C" NOT NULL,
    version text COLLATE "C" NOT NULL,
    schedule text COLLATE "C" NOT NULL,
    due text COLLATE "C" NOT NULL,
    selected text COLLATE "C" NOT NULL,
    PRIMARY KEY (routine, version, schedule, due)
);

-- Messages to deliver, written in the transaction of the command that made them.
CREATE TABLE outbox (
    id text COLLATE "C" PRIMARY KEY,
    source text COLLATE "C" NOT NULL,
    created text COLLATE "C" NOT NULL,
    message text COLLATE "C" NOT NULL,
    status text COLLATE "C" NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    attempts integer NOT NULL,
    next_attempt text COLLATE "C",
    last_error text COLLATE "C",
    sent_at text COLLATE "C"
);
CREATE INDEX outbox_due ON outbox (next_attempt) WHERE status = 'pending';
CREATE INDEX outbox_created ON outbox (created, id);
