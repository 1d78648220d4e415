-- Immutable snapshots of every instrument version ever deployed; kept after the bundle is removed.
CREATE TABLE instrument_version (
  code            VARCHAR(64)  NOT NULL,
  version         VARCHAR(32)  NOT NULL,
  version_order   BIGINT       NOT NULL,
  title           VARCHAR(500) NOT NULL,
  definition      LONGTEXT     NOT NULL,
  checksum        CHAR(64)     NOT NULL,
  source_bundle   VARCHAR(255) NOT NULL,
  first_seen_at   TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (code, version),
  KEY instrument_version_order (code, version_order)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What an admin decided for a program's battery: active or not, and its period.
CREATE TABLE instrument_schedule (
  code            VARCHAR(64)  NOT NULL PRIMARY KEY,
  status          VARCHAR(16)  NOT NULL,
  period_start    DATE         NULL,
  period_end      DATE         NULL,
  updated_at      TIMESTAMP(3) NOT NULL,
  updated_by      VARCHAR(255) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who did what, for every admin action.
CREATE TABLE audit_log (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at              TIMESTAMP(3) NOT NULL,
  actor           VARCHAR(255) NOT NULL,
  action          VARCHAR(64)  NOT NULL,
  subject         VARCHAR(255) NOT NULL,
  detail          TEXT         NULL,
  KEY audit_log_subject (subject, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
