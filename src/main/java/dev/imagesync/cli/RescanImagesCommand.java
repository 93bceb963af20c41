package dev.imagesync.cli;

import dev.imagesync.job.JobRunner;
import dev.imagesync.job.rescan.RescanImagesJobConfiguration;
import dev.imagesync.job.rescan.ScanMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "rescan-images", mixinStandardHelpOptions = true,
        description = "Scan the configured registries (config/docker/registry/...), or only REGISTRY, and write the "
                + "kernel images found into etcd (images/...). Each run is a new job execution; a failed one is "
                + "resumed with 'imagesync restart'. Incremental by default: tags whose manifest digest did not change "
                + "since the last scan, and whose record is still in etcd, are not fetched again. Prints the "
                + "execution id first (stderr), progress while it runs, then a summary; exit 0 when COMPLETED, "
                + "1 otherwise.%n"
                + "Example: imagesync rescan-images cr.backend.ai --prune")
class RescanImagesCommand implements Callable<Integer> {

    private final JobRunner jobRunner;
    private final ExecutionReporter reporter;
    private final ForegroundJobConsole console;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "REGISTRY", description = "Registry name as configured in etcd (default: all).")
    String registry;

    @Option(names = "--registry", paramLabel = "REGISTRY", description = "Same as the REGISTRY argument.")
    String registryOption;

    @Option(names = "--full", description = "Fetch every tag's manifest and config, even those whose digest did not "
            + "change since the last scan.")
    boolean full;

    @Option(names = "--prune", description = "Remove the records of tags the registry no longer has (only for "
            + "registries scanned to completion); aliases to them are reported, not removed.")
    boolean prune;

    @Option(names = "--dry-run", description = "Report what would be written or removed; change nothing.")
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
        parameters.put(ScanMode.FULL, Boolean.toString(full));
        parameters.put(ScanMode.PRUNE, Boolean.toString(prune));
        parameters.put(ScanMode.DRY_RUN, Boolean.toString(dryRun));
        console.attach(!quiet);
        return reporter.report(spec.commandLine().getOut(), spec.commandLine().getErr(),
                jobRunner.launch(RescanImagesJobConfiguration.JOB_NAME, parameters));
    }
}
