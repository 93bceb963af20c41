package dev.imagesync.serve;

import dev.imagesync.job.JobRunner;
import dev.imagesync.job.ops.ExecutionRecovery;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /jobs}: launch any job by name with parameters ({@code POST /jobs/rescan-images?registry=...} or a JSON
 * object body), list executions, restart or stop one. Guarded by {@link BearerTokenGuard}.
 */
@RestController
@RequestMapping("/jobs")
@ConditionalOnBooleanProperty("imagesync.serve.enabled")
@ConditionalOnWebApplication
public class JobsController {

    private final JobRunner jobRunner;
    private final BackgroundLauncher launcher;
    private final ExecutionRecovery recovery;

    public JobsController(JobRunner jobRunner, BackgroundLauncher launcher, ExecutionRecovery recovery) {
        this.jobRunner = jobRunner;
        this.launcher = launcher;
        this.recovery = recovery;
    }

    @PostMapping("/{job}")
    public ResponseEntity<Map<String, Object>> launch(@PathVariable String job,
                                                      @RequestParam Map<String, String> query,
                                                      @RequestBody(required = false) Map<String, String> body)
            throws Exception {
        if (!jobRunner.jobNames().contains(job)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "unknown job '" + job
                    + "' (known: " + String.join(", ", new java.util.TreeSet<>(jobRunner.jobNames())) + ")"));
        }
        Map<String, String> parameters = new TreeMap<>(query);
        if (body != null) {
            parameters.putAll(body);
        }
        long id = launcher.launch(job, parameters);
        return ResponseEntity.accepted().body(Map.of("job", job, "executionId", id));
    }

    @GetMapping("/executions")
    public List<Map<String, Object>> executions(@RequestParam(defaultValue = "20") int limit) {
        return jobRunner.recentExecutions(limit).stream().map(JobsController::describe).toList();
    }

    @PostMapping("/executions/{id}/restart")
    public ResponseEntity<Map<String, Object>> restart(@PathVariable long id) throws Exception {
        recovery.recoverIfOrphaned(id);
        long restarted = launcher.restart(id);
        return ResponseEntity.accepted().body(Map.of("restarting", id, "executionId", restarted));
    }

    @PostMapping("/executions/{id}/stop")
    public ResponseEntity<Map<String, Object>> stop(@PathVariable long id) throws Exception {
        jobRunner.stop(id);
        return ResponseEntity.accepted().body(Map.of("stopping", id));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<Map<String, String>> notFound(IllegalArgumentException problem) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", problem.getMessage()));
    }

    @ExceptionHandler(IllegalStateException.class)
    public ResponseEntity<Map<String, String>> conflict(IllegalStateException problem) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", problem.getMessage()));
    }

    private static Map<String, Object> describe(JobExecution execution) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", execution.getId());
        out.put("job", execution.getJobInstance().getJobName());
        out.put("status", execution.getStatus().name());
        out.put("start", String.valueOf(execution.getStartTime()));
        out.put("end", String.valueOf(execution.getEndTime()));
        Map<String, String> parameters = new TreeMap<>();
        for (JobParameter<?> parameter : execution.getJobParameters().parameters()) {
            parameters.put(parameter.name(), String.valueOf(parameter.value()));
        }
        out.put("parameters", parameters);
        return out;
    }
}
