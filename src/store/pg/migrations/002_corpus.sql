-- The corpus every replica indexes: one row per article file, with its bytes
-- (at most 1 MiB each), so a replica can write it into its own SEEDS_DIR.

CREATE TABLE corpus_files (
  file       text        PRIMARY KEY,
  bytes_hash text        NOT NULL,
  -- When the article first entered the corpus (ms since epoch): the digest's "new", the same on every replica.
  added_at   bigint      NOT NULL,
  bytes      bytea       NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
