package dev.imagesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagesync.job.JobRunner;
import dev.imagesync.job.rescan.RescanImagesJobConfiguration;
import dev.imagesync.testsupport.Await;
import dev.imagesync.testsupport.SlowScanTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The commands an operator runs by hand: launch with parameters, stop, restart of a live execution, nodes. */
@ExtendWith(OutputCaptureExtension.class)
class ForegroundCommandsTest extends SlowScanTestBase {

    @Autowired
    ImagesyncCommandLine commandLine;
    @Autowired
    JobRunner jobRunner;

    @Test
    void rescanImages_printsItsExecutionIdFirst_thenProgressLines_andPassesItsParameters(CapturedOutput output) {
        int exit = cli("rescan-images", "--dry-run", "--registry", registry().hostAndPort());

        assertThat(exit).isZero();
        JobExecution execution = jobRunner.recentExecutions(1).get(0);
        assertThat(execution.getJobParameters().getString("dry-run")).isEqualTo("true");
        assertThat(execution.getJobParameters().getString("registry")).isEqualTo(registry().hostAndPort());
        String all = output.getAll();
        int started = all.indexOf("imagesync: rescan-images execution " + execution.getId() + " started");
        assertThat(started).isNotNegative().isLessThan(all.indexOf("rescan-images execution " + execution.getId()
                + ": COMPLETED"));
        assertThat(all).contains("imagesync: rescan-images execution " + execution.getId() + " STARTED: ")
                .contains("rescan-images execution " + execution.getId() + " COMPLETED: " + TAGS + " of " + TAGS
                        + " items done");
    }

    @Test
    void restart_ofAnExecutionWhoseOwnerIsAlive_isRefused_andStopEndsItStopped(CapturedOutput output)
            throws Exception {
        CompletableFuture<JobExecution> run = CompletableFuture.supplyAsync(() -> {
            try {
                return jobRunner.launch(RescanImagesJobConfiguration.JOB_NAME, Map.of());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long id = Await.value(Duration.ofSeconds(20), () ->
                jobRunner.runningExecutions().stream().findFirst().map(JobExecution::getId).orElse(null));

        assertThat(cli("restart", Long.toString(id))).isEqualTo(ExitCodes.FAILURE);
        assertThat(output.getErr()).contains("imagesync restart: error: execution " + id + " is STARTED on instance ")
                .contains("which is alive: not touched (stop it with 'imagesync stop " + id + "')");
        assertThat(cli("stop", Long.toString(id))).isZero();
        assertThat(run.get().getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(cli("stop", Long.toString(id))).isEqualTo(ExitCodes.FAILURE);
        assertThat(output.getErr()).contains("imagesync stop: error: execution " + id + " is STOPPED, not running");
    }

    @Test
    void nodes_listsNoInstanceWhenNoneServes(CapturedOutput output) {
        assertThat(cli("nodes")).isZero();
        assertThat(output.getOut().strip().lines()).hasSize(1).allSatisfy(line -> assertThat(line).startsWith("ID"));
    }

    private int cli(String... args) {
        return commandLine.create().execute(args);
    }
}
