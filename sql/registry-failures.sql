-- Registries whose partition failed in an execution, with the step's exit message (the cause).
SELECT s.JOB_EXECUTION_ID          AS execution_id,
       SUBSTRING(s.STEP_NAME FROM 15) AS registry,
       s.STATUS                    AS status,
       s.END_TIME                  AS ended_at,
       s.EXIT_MESSAGE              AS exit_message
FROM BATCH_STEP_EXECUTION s
WHERE s.STEP_NAME LIKE 'scan-registry:%'
  AND s.STATUS IN ('FAILED', 'STOPPED', 'UNKNOWN')
ORDER BY s.JOB_EXECUTION_ID DESC, registry;
