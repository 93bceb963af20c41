-- Executions that did not complete, newest first: candidates for 'imagesync restart ID'.
-- STARTED with no live process behind it means the process died; see the README on recovery.
SELECT e.JOB_EXECUTION_ID AS execution_id,
       i.JOB_NAME         AS job,
       e.STATUS           AS status,
       e.START_TIME       AS started_at,
       e.END_TIME         AS ended_at,
       e.EXIT_MESSAGE     AS exit_message
FROM BATCH_JOB_EXECUTION e
JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
WHERE e.STATUS IN ('FAILED', 'STOPPED', 'STARTED', 'UNKNOWN')
ORDER BY e.JOB_EXECUTION_ID DESC;
