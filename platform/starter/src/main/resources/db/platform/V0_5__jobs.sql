-- Jobs: long operations run in the background and are followed through a job resource.
-- scheduled_tasks is db-scheduler's table (its MySQL schema; picked_by widened for pod names):
-- one row per execution, picked by one replica at a time, revived when its heartbeat stops.
CREATE TABLE scheduled_tasks (
  task_name            VARCHAR(100) NOT NULL,
  task_instance        VARCHAR(100) NOT NULL,
  task_data            BLOB         NULL,
  execution_time       TIMESTAMP(6) NOT NULL,
  picked               BOOLEAN      NOT NULL,
  picked_by            VARCHAR(255) NULL,
  last_success         TIMESTAMP(6) NULL,
  last_failure         TIMESTAMP(6) NULL,
  consecutive_failures INT          NULL,
  last_heartbeat       TIMESTAMP(6) NULL,
  version              BIGINT       NOT NULL,
  priority             SMALLINT     NULL,
  PRIMARY KEY (task_name, task_instance),
  KEY execution_time_idx (execution_time),
  KEY last_heartbeat_idx (last_heartbeat),
  KEY priority_execution_time_idx (priority DESC, execution_time ASC)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- What users see of a job. active_key is the natural key (e.g. bill month + org) while the job is
-- queued or running, NULL afterwards: the unique index makes a second start return the first.
CREATE TABLE platform_job (
  id               BINARY(16)    NOT NULL,
  kind             VARCHAR(60)   NOT NULL,
  status           VARCHAR(20)   NOT NULL,
  active_key       VARCHAR(200)  NULL,
  org_path         VARCHAR(1000) NULL,
  created_by       VARCHAR(100)  NOT NULL,
  created_at       DATETIME(6)   NOT NULL,
  started_at       DATETIME(6)   NULL,
  finished_at      DATETIME(6)   NULL,
  attempts         INT           NOT NULL DEFAULT 0,
  cancel_requested BOOLEAN       NOT NULL DEFAULT FALSE,
  progress_done    BIGINT        NOT NULL DEFAULT 0,
  progress_total   BIGINT        NULL,
  progress_unit    VARCHAR(20)   NULL,
  payload          MEDIUMTEXT    NOT NULL,
  result           MEDIUMTEXT    NULL,
  problem          TEXT          NULL,
  file_name        VARCHAR(200)  NULL,
  file_media_type  VARCHAR(200)  NULL,
  file_size        BIGINT        NULL,
  file_expires_at  DATETIME(6)   NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_platform_job_active (active_key),
  KEY idx_platform_job_created (created_at),
  KEY idx_platform_job_creator (created_by, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A job's generated file, in 1 MiB chunks: written and read as a stream, shared by every replica,
-- and no chunk comes near max_allowed_packet.
CREATE TABLE platform_job_file_chunk (
  job_id BINARY(16) NOT NULL,
  seq    INT        NOT NULL,
  data   MEDIUMBLOB NOT NULL,
  PRIMARY KEY (job_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
