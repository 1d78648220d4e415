-- Accounts of admins (national, or regional scoped to a province and optionally a district).
CREATE TABLE account (
  id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email               VARCHAR(254) NOT NULL,
  name                VARCHAR(200) NOT NULL,
  password_hash       VARCHAR(255) NOT NULL,
  role                VARCHAR(24)  NOT NULL,
  province            VARCHAR(100) NULL,
  district            VARCHAR(150) NULL,
  active              BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at          TIMESTAMP(3) NOT NULL,
  password_changed_at TIMESTAMP(3) NOT NULL,
  UNIQUE KEY account_email (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Web sessions and API tokens of accounts; only the SHA-256 of the token is kept.
CREATE TABLE auth_session (
  token_hash          CHAR(64)     NOT NULL PRIMARY KEY,
  account_id          BIGINT       NOT NULL,
  kind                VARCHAR(8)   NOT NULL,
  created_at          TIMESTAMP(3) NOT NULL,
  expires_at          TIMESTAMP(3) NOT NULL,
  last_seen_at        TIMESTAMP(3) NOT NULL,
  KEY auth_session_account (account_id),
  CONSTRAINT auth_session_account_fk FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An evaluation cycle ("EvKin 2025") and the period and status of each program's battery in it.
CREATE TABLE cycle (
  id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name                VARCHAR(200) NOT NULL,
  created_at          TIMESTAMP(3) NOT NULL,
  created_by          VARCHAR(255) NOT NULL,
  UNIQUE KEY cycle_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE battery (
  cycle_id            BIGINT       NOT NULL,
  program_code        VARCHAR(64)  NOT NULL,
  status              VARCHAR(16)  NOT NULL,
  period_start        DATE         NOT NULL,
  period_end          DATE         NOT NULL,
  extended_until      DATE         NULL,
  updated_at          TIMESTAMP(3) NOT NULL,
  updated_by          VARCHAR(255) NOT NULL,
  PRIMARY KEY (cycle_id, program_code),
  CONSTRAINT battery_cycle_fk FOREIGN KEY (cycle_id) REFERENCES cycle (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A person evaluated: a Pengantar Kerja (identified by NIP) or a Petugas Antar Kerja (by NIP, else by e-mail).
CREATE TABLE participant (
  id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  identity_key        VARCHAR(260) NOT NULL,
  nip                 CHAR(18)     NULL,
  email               VARCHAR(254) NOT NULL,
  name                VARCHAR(200) NOT NULL,
  phone               VARCHAR(40)  NULL,
  kind                VARCHAR(3)   NOT NULL,
  level               VARCHAR(16)  NULL,
  institution         VARCHAR(300) NULL,
  province            VARCHAR(100) NOT NULL,
  district            VARCHAR(150) NULL,
  work_location       VARCHAR(300) NULL,
  identity_confirmed_at TIMESTAMP(3) NULL,
  created_at          TIMESTAMP(3) NOT NULL,
  updated_at          TIMESTAMP(3) NOT NULL,
  UNIQUE KEY participant_identity (identity_key),
  KEY participant_province (province, district)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A participant in a program of a cycle, with the training score that decides eligibility.
CREATE TABLE enrolment (
  id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  cycle_id            BIGINT       NOT NULL,
  participant_id      BIGINT       NOT NULL,
  program_code        VARCHAR(64)  NOT NULL,
  training_score      DECIMAL(5,2) NOT NULL,
  eligible            BOOLEAN      NOT NULL,
  ineligible_reason   VARCHAR(300) NULL,
  instrument_version  VARCHAR(32)  NULL,
  imported_at         TIMESTAMP(3) NOT NULL,
  UNIQUE KEY enrolment_unique (cycle_id, participant_id, program_code),
  KEY enrolment_program (cycle_id, program_code),
  CONSTRAINT enrolment_cycle_fk FOREIGN KEY (cycle_id) REFERENCES cycle (id),
  CONSTRAINT enrolment_participant_fk FOREIGN KEY (participant_id) REFERENCES participant (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The four raters of a participant in a cycle: DIRI, ATASAN, REKAN, PENGGUNA; one person each.
CREATE TABLE rater (
  id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  cycle_id            BIGINT       NOT NULL,
  participant_id      BIGINT       NOT NULL,
  role                VARCHAR(8)   NOT NULL,
  name                VARCHAR(200) NOT NULL,
  email               VARCHAR(254) NULL,
  phone               VARCHAR(40)  NULL,
  created_at          TIMESTAMP(3) NOT NULL,
  updated_at          TIMESTAMP(3) NOT NULL,
  UNIQUE KEY rater_unique (cycle_id, participant_id, role),
  CONSTRAINT rater_cycle_fk FOREIGN KEY (cycle_id) REFERENCES cycle (id),
  CONSTRAINT rater_participant_fk FOREIGN KEY (participant_id) REFERENCES participant (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Personal links: the SHA-256 of the token (never the token), an optional short code for raters without e-mail.
CREATE TABLE access_link (
  token_hash          CHAR(64)     NOT NULL PRIMARY KEY,
  short_code          CHAR(8)      NULL,
  cycle_id            BIGINT       NOT NULL,
  participant_id      BIGINT       NOT NULL,
  role                VARCHAR(8)   NOT NULL,
  created_at          TIMESTAMP(3) NOT NULL,
  expires_at          TIMESTAMP(3) NOT NULL,
  revoked_at          TIMESTAMP(3) NULL,
  UNIQUE KEY access_link_short_code (short_code),
  KEY access_link_owner (cycle_id, participant_id, role)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A form: Part 1 (task mapping, program '') or Part 2 (a program's items) of one rater for one participant.
CREATE TABLE form (
  id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  cycle_id            BIGINT       NOT NULL,
  participant_id      BIGINT       NOT NULL,
  rater_role          VARCHAR(8)   NOT NULL,
  part                TINYINT      NOT NULL,
  program_code        VARCHAR(64)  NOT NULL DEFAULT '',
  instrument_version  VARCHAR(32)  NULL,
  status              VARCHAR(10)  NOT NULL,
  revision            INT          NOT NULL DEFAULT 0,
  scope               VARCHAR(200) NULL,
  source              VARCHAR(8)   NOT NULL,
  started_at          TIMESTAMP(3) NOT NULL,
  updated_at          TIMESTAMP(3) NOT NULL,
  submitted_at        TIMESTAMP(3) NULL,
  UNIQUE KEY form_unique (cycle_id, participant_id, rater_role, part, program_code),
  KEY form_status (cycle_id, status),
  CONSTRAINT form_cycle_fk FOREIGN KEY (cycle_id) REFERENCES cycle (id),
  CONSTRAINT form_participant_fk FOREIGN KEY (participant_id) REFERENCES participant (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Part-2 answers: value 1..4, NULL = tidak dapat menilai.
CREATE TABLE answer (
  form_id             BIGINT       NOT NULL,
  item_code           VARCHAR(64)  NOT NULL,
  value               TINYINT      NULL,
  PRIMARY KEY (form_id, item_code),
  CONSTRAINT answer_form_fk FOREIGN KEY (form_id) REFERENCES form (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Part-1 ticks: the tasks of the catalog a rater says the participant performs (absent = not ticked).
CREATE TABLE task_tick (
  form_id             BIGINT       NOT NULL,
  task_code           VARCHAR(16)  NOT NULL,
  PRIMARY KEY (form_id, task_code),
  CONSTRAINT task_tick_form_fk FOREIGN KEY (form_id) REFERENCES form (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The transactional outbox of e-mail: written in the same transaction as what causes it, sent once by the mailer.
CREATE TABLE mail_outbox (
  id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  dedupe_key          VARCHAR(200) NOT NULL,
  to_address          VARCHAR(254) NOT NULL,
  subject             VARCHAR(300) NOT NULL,
  body_text           MEDIUMTEXT   NOT NULL,
  body_html           MEDIUMTEXT   NULL,
  status              VARCHAR(10)  NOT NULL,
  attempts            INT          NOT NULL DEFAULT 0,
  next_attempt_at     TIMESTAMP(3) NOT NULL,
  lease_until         TIMESTAMP(3) NULL,
  last_error          VARCHAR(1000) NULL,
  created_at          TIMESTAMP(3) NOT NULL,
  sent_at             TIMESTAMP(3) NULL,
  UNIQUE KEY mail_outbox_dedupe (dedupe_key),
  KEY mail_outbox_due (status, next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
