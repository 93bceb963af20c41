package dev.imagesync.cli;

import dev.imagesync.job.JobRunner;
import dev.imagesync.job.rescan.RescanImagesJobConfiguration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "rescan-images", mixinStandardHelpOptions = true,
        description = "Scan the configured registries (config/docker/registry/...), or only REGISTRY, and write the "
                + "kernel images found into etcd (images/...). Each run is a new job execution; a failed one is "
                + "resumed with 'imagesync restart'. Prints the execution id first (stderr), progress while it runs, then "
                + "a summary; exit 0 when COMPLETED, 1 otherwise.%n"
                + "Example: imagesync rescan-images cr.backend.ai")
class RescanImagesCommand implements Callable<Integer> {

    /** Job parameter asking the writer to report what would change without writing. */
    static final String DRY_RUN_PARAMETER = "dry-run";

    private final JobRunner jobRunner;
    private final ExecutionReporter reporter;
    private final ForegroundJobConsole console;

    @Parameters(arity = "0..1", paramLabel = "REGISTRY", description = "Registry name as configured in etcd (default: all).")
    String registry;

    @Option(names = "--registry", paramLabel = "REGISTRY", description = "Same as the REGISTRY argument.")
    String registryOption;

    @Option(names = "--dry-run", description = "Report what would change without writing to etcd.")
    boolean dryRun;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar or progress lines.")
    boolean quiet;

    RescanImagesCommand(JobRunner jobRunner, ExecutionReporter reporter, ForegroundJobConsole console) {
        this.jobRunner = jobRunner;
        this.reporter = reporter;
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        Map<String, String> parameters = new HashMap<>();
        parameters.put(RescanImagesJobConfiguration.REGISTRY_PARAMETER, registryOption != null ? registryOption : registry);
        parameters.put(DRY_RUN_PARAMETER, dryRun ? "true" : null);
        console.attach(!quiet);
        return reporter.report(jobRunner.launch(RescanImagesJobConfiguration.JOB_NAME, parameters));
    }
}
