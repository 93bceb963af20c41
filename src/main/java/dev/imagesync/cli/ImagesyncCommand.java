package dev.imagesync.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level command: lists the subcommands. */
@Command(name = "imagesync", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Keeps a Backend.AI image catalog in etcd in step with container registries.%n"
                + "Configuration comes from Spring properties: environment variables (IMAGESYNC_ETCD_ENDPOINTS=...)"
                + " or --imagesync.etcd.endpoints=... before the command.",
        subcommands = {
                RescanImagesCommand.class,
                RestartCommand.class,
                StopCommand.class,
                ServeCommand.class,
                NodesCommand.class,
                ExecutionsCommand.class,
                SeedSamplesCommand.class,
                FetchCeilingCommand.class,
                EtcdCommands.Quote.class,
                EtcdCommands.Unquote.class,
                EtcdCommands.Get.class,
                EtcdCommands.Put.class,
                EtcdCommands.Delete.class,
                ImportCommands.Aliases.class,
                ImportCommands.Volumes.class,
                ListImagesCommand.class,
                ImageCommands.Inspect.class,
                ImageCommands.Forget.class,
                ImageCommands.Alias.class,
                ImageCommands.Dealias.class,
                ImageCommands.SetLimit.class,
                ImageCommands.SlotRanges.class,
                SharedConfigCommands.Slots.class,
                SharedConfigCommands.UpdateSlots.class,
                SharedConfigCommands.VfolderTypes.class,
                ManagerStatusCommand.class,
                SharedConfigCommands.ManagerNodes.class,
                SharedConfigCommands.AllowedOrigins.class,
                SharedConfigCommands.Get.class,
                SharedConfigCommands.RedisUrlCommand.class,
                ValidateConfigCommand.class,
        })
public class ImagesyncCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required (see imagesync --help)");
    }
}
