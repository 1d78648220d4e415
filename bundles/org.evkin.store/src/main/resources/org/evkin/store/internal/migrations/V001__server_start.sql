-- The log of server starts: one row each time the store comes up.
CREATE TABLE server_start (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  started_at  TIMESTAMP(3) NOT NULL,
  version     VARCHAR(40)  NOT NULL,
  host        VARCHAR(255) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
