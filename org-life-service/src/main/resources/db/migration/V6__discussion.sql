-- 党员议事厅: topics opened by a branch, posts and replies by its members, a simple vote, a
-- conclusion when closed. Scoped to the branch.
CREATE TABLE discussion_topic (
  id            BINARY(16)    NOT NULL,
  org_id        BINARY(16)    NOT NULL,
  org_path      VARCHAR(740)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  title         VARCHAR(200)  NOT NULL,
  body          VARCHAR(4000) NOT NULL,
  vote_options  VARCHAR(1000) NULL,
  status        VARCHAR(20)   NOT NULL,
  opened_by     VARCHAR(100)  NOT NULL,
  opened_at     TIMESTAMP(6)  NOT NULL,
  conclusion    VARCHAR(2000) NULL,
  closed_by     VARCHAR(100)  NULL,
  closed_at     TIMESTAMP(6)  NULL DEFAULT NULL,
  version       BIGINT        NOT NULL,
  PRIMARY KEY (id),
  KEY idx_topic_org (org_id, opened_at),
  KEY idx_topic_scope (org_path)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE discussion_post (
  id                BINARY(16)    NOT NULL,
  topic_id          BINARY(16)    NOT NULL,
  reply_to          BINARY(16)    NULL,
  author_member_id  BINARY(16)    NULL,
  author            VARCHAR(100)  NOT NULL,
  body              VARCHAR(4000) NOT NULL,
  created_at        TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (id),
  KEY idx_post_topic (topic_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE discussion_vote (
  topic_id      BINARY(16)   NOT NULL,
  member_id     BINARY(16)   NOT NULL,
  option_index  INT          NOT NULL,
  voted_at      TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (topic_id, member_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
