-- Agent reports gain the session storage the server is configured with (sessions.configuredStorage,
-- null from older agents) and the shutdown flag (the last report of a stopping JVM). Both columns
-- are nullable or have a constant default, so adding them rewrites nothing; a gate of the previous
-- version sharing the database keeps working because it never names them.
SET lock_timeout = '5s';

ALTER TABLE agent_report
  ADD COLUMN configured_storage text,
  ADD COLUMN stopping boolean NOT NULL DEFAULT false;
