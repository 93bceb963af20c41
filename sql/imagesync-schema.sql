-- imagesync's own table in the job repository database, for H2 and PostgreSQL alike (standard SQL).
-- imagesync runs it at start-up; it is idempotent.
-- The manifest digest each tag had at its last scan, and what the scan made of it, so that an incremental
-- rescan can skip the manifest and config fetches of tags that did not change.
CREATE TABLE IF NOT EXISTS IMAGESYNC_TAG_DIGEST (
    REGISTRY        VARCHAR(255)  NOT NULL,
    REPOSITORY      VARCHAR(1024) NOT NULL,
    TAG             VARCHAR(255)  NOT NULL,
    MANIFEST_DIGEST VARCHAR(128)  NOT NULL,
    OUTCOME         VARCHAR(255)  NOT NULL,
    POLICY          VARCHAR(255)  NOT NULL,
    SCANNED_AT      TIMESTAMP     NOT NULL,
    PRIMARY KEY (REGISTRY, REPOSITORY, TAG)
);
