-- Tomcat's DataSourceStore table: where both slots keep HTTP sessions when sessions are shared.
CREATE TABLE tomcat_sessions (
  session_id     varchar(100) NOT NULL PRIMARY KEY,
  valid_session  char(1)      NOT NULL,
  max_inactive   integer      NOT NULL,
  last_access    bigint       NOT NULL,
  app_name       varchar(255),
  session_data   bytea
);

CREATE INDEX tomcat_sessions_last_access_idx ON tomcat_sessions (last_access);
