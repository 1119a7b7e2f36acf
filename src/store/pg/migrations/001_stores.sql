-- The shared stores: key-value entries (subscriptions, chat settings, saved
-- searches, digest run state), the digest's delivery log, the update inbox.

CREATE TABLE kv (
  namespace  text        NOT NULL,
  key        text        NOT NULL,
  value      jsonb       NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (namespace, key)
);
-- Bounded namespaces (saved searches) forget their least recently written entries.
CREATE INDEX kv_by_age ON kv (namespace, updated_at);

CREATE TABLE digest_deliveries (
  chat_id    bigint           NOT NULL,
  day        text             NOT NULL,
  state      text             NOT NULL CHECK (state IN ('sending', 'sent', 'failed', 'gone', 'ambiguous')),
  parts_sent integer          NOT NULL,
  at         bigint           NOT NULL,
  cursor     double precision,
  error      text,
  run        text,
  PRIMARY KEY (chat_id, day)
);
CREATE INDEX digest_deliveries_sending ON digest_deliveries (day) WHERE state = 'sending';

CREATE TABLE update_inbox (
  update_id   bigint      PRIMARY KEY,
  body        jsonb       NOT NULL,
  received_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- The replica handling it took it at this time; another may take it over once the lease has run out.
  claimed_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  done_at     timestamptz
);
CREATE INDEX update_inbox_open ON update_inbox (update_id) WHERE done_at IS NULL;
CREATE INDEX update_inbox_done ON update_inbox (done_at) WHERE done_at IS NOT NULL;
