-- How often each rater source of a participant was reminded, and when last.
CREATE TABLE reminder (
  cycle_id            BIGINT       NOT NULL,
  participant_id      BIGINT       NOT NULL,
  role                VARCHAR(8)   NOT NULL,
  sent                INT          NOT NULL,
  last_at             TIMESTAMP(3) NOT NULL,
  escalated_at        TIMESTAMP(3) NULL,
  PRIMARY KEY (cycle_id, participant_id, role)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
