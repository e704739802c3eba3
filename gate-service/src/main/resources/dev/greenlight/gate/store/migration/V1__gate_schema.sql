-- The gate's own schema. Only new tables: nothing live reads them yet, so no lock or
-- compatibility concern applies (greenlight lint checks this file in the build).

CREATE TABLE gate_state (
  id integer PRIMARY KEY CHECK (id = 1),
  evidence_version bigint NOT NULL
);
INSERT INTO gate_state (id, evidence_version) VALUES (1, 0);

CREATE TABLE audit_head (
  id integer PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE audit_event (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  kind text NOT NULL,
  app text,
  environment text,
  release text,
  subject text,
  input_digest text,
  detail text NOT NULL,
  previous_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_event_app_env ON audit_event (app, environment, seq);

CREATE TABLE migration_report (
  app text NOT NULL,
  release text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('lint', 'verify')),
  digest text NOT NULL,
  findings text NOT NULL,
  body text NOT NULL,
  received_at timestamptz NOT NULL,
  actor text NOT NULL,
  PRIMARY KEY (app, release, kind)
);

CREATE TABLE agent_report (
  app text NOT NULL,
  environment text NOT NULL,
  instance_id text NOT NULL,
  slot text NOT NULL,
  release text NOT NULL,
  warmup text NOT NULL,
  session_storage text NOT NULL,
  active_sessions bigint NOT NULL,
  session_manager text,
  digest text NOT NULL,
  observed_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  body text NOT NULL,
  PRIMARY KEY (app, environment, instance_id)
);

CREATE TABLE captured_sql (
  app text NOT NULL,
  release text NOT NULL,
  digest text NOT NULL,
  body text NOT NULL,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (app, release)
);

CREATE TABLE live_slot (
  app text NOT NULL,
  environment text NOT NULL,
  live text NOT NULL,
  previous text,
  switched_at timestamptz,
  decision_id text,
  release text,
  revision bigint NOT NULL,
  PRIMARY KEY (app, environment)
);

CREATE TABLE waiver (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  app text NOT NULL,
  environment text NOT NULL,
  release text NOT NULL,
  waives text NOT NULL,
  reason text NOT NULL,
  expires_at timestamptz NOT NULL,
  approver text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX waiver_app_env ON waiver (app, environment);

CREATE TABLE decision_record (
  decision_id text PRIMARY KEY,
  app text NOT NULL,
  environment text NOT NULL,
  release text,
  slot text NOT NULL,
  verdict text NOT NULL,
  recorded_at timestamptz NOT NULL
);
