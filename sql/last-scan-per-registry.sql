-- When each registry was last scanned to completion, and by which execution.
-- Partition steps of rescan-images are named 'scan-registry:{registry}'. Works on H2 and PostgreSQL.
SELECT SUBSTRING(s.STEP_NAME FROM 15) AS registry,
       s.JOB_EXECUTION_ID          AS execution_id,
       s.END_TIME                  AS completed_at,
       s.READ_COUNT                AS tags_read,
       s.WRITE_COUNT               AS records_written,
       s.FILTER_COUNT              AS tags_skipped
FROM BATCH_STEP_EXECUTION s
WHERE s.STEP_NAME LIKE 'scan-registry:%'
  AND s.STATUS = 'COMPLETED'
  AND s.END_TIME = (SELECT MAX(t.END_TIME)
                    FROM BATCH_STEP_EXECUTION t
                    WHERE t.STEP_NAME = s.STEP_NAME AND t.STATUS = 'COMPLETED')
ORDER BY registry;
