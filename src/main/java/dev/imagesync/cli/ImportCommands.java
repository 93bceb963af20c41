package dev.imagesync.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.imagesync.job.aliases.AliasFileParser;
import dev.imagesync.job.aliases.ImportAliasesJobConfiguration;
import dev.imagesync.job.volumes.ImportVolumesJobConfiguration;
import dev.imagesync.job.volumes.VolumeFileParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The import jobs' commands: the file is checked whole before anything is written. */
final class ImportCommands {

    private ImportCommands() {
    }

    @Command(name = "import-aliases", mixinStandardHelpOptions = true,
            description = "Import image aliases from a YAML file ('aliases:' a list of [alias, target] pairs) into "
                    + "images/_aliases/. The whole file is checked first; every problem is listed with its line and "
                    + "nothing is written. A failed import of the same file content is resumed where it stopped.%n"
                    + "Example: imagesync import-aliases jobs/import-aliases/aliases.yaml --dry-run")
    static final class Aliases implements Callable<Integer> {
        private final ImportLauncher launcher;
        private final AliasFileParser parser;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The aliases YAML file.")
        Path file;

        @Option(names = "--dry-run", description = "Print the keys that would change; write nothing.")
        boolean dryRun;

        Aliases(ImportLauncher launcher, AliasFileParser parser) {
            this.launcher = launcher;
            this.parser = parser;
        }

        @Override
        public Integer call() throws Exception {
            return launcher.run(ImportAliasesJobConfiguration.JOB_NAME, file, parser, dryRun,
                    spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    @Command(name = "import-volumes", mixinStandardHelpOptions = true,
            description = "Import network volumes from a YAML file ('volumes:' a list of {name, mount: {key: value}}) "
                    + "into volumes/{name}/mount/{key}. The whole file is checked first; every problem is listed with "
                    + "its line and nothing is written. A failed import of the same file content is resumed.%n"
                    + "Example: imagesync import-volumes jobs/import-volumes/volumes.yaml")
    static final class Volumes implements Callable<Integer> {
        private final ImportLauncher launcher;
        private final VolumeFileParser parser;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The volumes YAML file.")
        Path file;

        @Option(names = "--dry-run", description = "Print the keys that would change; write nothing.")
        boolean dryRun;

        Volumes(ImportLauncher launcher, VolumeFileParser parser) {
            this.launcher = launcher;
            this.parser = parser;
        }

        @Override
        public Integer call() throws Exception {
            return launcher.run(ImportVolumesJobConfiguration.JOB_NAME, file, parser, dryRun,
                    spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }
}
