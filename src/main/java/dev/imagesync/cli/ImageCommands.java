package dev.imagesync.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.imagesync.catalog.ImageCatalog;
import dev.imagesync.catalog.ImageEntry;
import dev.imagesync.catalog.ImageResourceLimits;
import dev.imagesync.image.SlotRange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Commands on one image: inspect, forget, alias, dealias, resource limits and slot ranges. */
final class ImageCommands {

    private ImageCommands() {
    }

    @Command(name = "inspect-image", mixinStandardHelpOptions = true,
            description = "Show one image by reference or alias: digest, size, labels, aliases, resource limits, "
                    + "accelerators and installed agents.%nExample: imagesync inspect-image cr.backend.ai/stable/python:3.9 --json")
    static final class Inspect implements Callable<Integer> {
        private final ImageCatalog catalog;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "REF", description = "Image reference or alias.")
        String reference;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        Inspect(ImageCatalog catalog) {
            this.catalog = catalog;
        }

        @Override
        public Integer call() {
            ImageCatalog.Listing listing = catalog.inspect(reference);
            if (listing.warning() != null) {
                spec.commandLine().getErr().println("imagesync inspect-image: warning: " + listing.warning());
                spec.commandLine().getErr().flush();
            }
            ImageEntry image = listing.images().get(0);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, image);
                return ExitCodes.OK;
            }
            out.printf("reference: %s%ndigest: %s%nsize_bytes: %d%naliases: %s%naccelerators: %s%ninstalled: %s%n",
                    image.canonical(), image.digest(), image.sizeBytes(), String.join(", ", image.aliases()),
                    String.join(", ", image.supportedAccelerators()),
                    image.installed() == null ? "unknown" : String.join(", ", image.installedAgents()));
            image.resourceLimits().forEach(limit ->
                    out.printf("resource %s: min %s, max %s%n", limit.key(), limit.min(), limit.max()));
            image.labels().forEach((label, value) -> out.printf("label %s: %s%n", label, value));
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "forget-image", mixinStandardHelpOptions = true,
            description = "Delete one tag's record (images/{registry}/{image}/{tag} and below; sibling tags stay).%n"
                    + "Example: imagesync forget-image cr.backend.ai/stable/python:3.9")
    static final class Forget implements Callable<Integer> {
        private final ImageCatalog catalog;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "REF", description = "Image reference or alias.")
        String reference;

        Forget(ImageCatalog catalog) {
            this.catalog = catalog;
        }

        @Override
        public Integer call() {
            ImageCatalog.Forgotten forgotten = catalog.forget(reference);
            spec.commandLine().getOut().printf("forgot %s (%d keys deleted)%n", forgotten.ref(), forgotten.deletedKeys());
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "alias", mixinStandardHelpOptions = true,
            description = "Point ALIAS at TARGET (an image reference or another alias).%n"
                    + "Example: imagesync alias python cr.backend.ai/stable/python:3.9-ubuntu20.04")
    static final class Alias implements Callable<Integer> {
        private final ImageCatalog catalog;
        @Parameters(index = "0", paramLabel = "ALIAS")
        String alias;
        @Parameters(index = "1", paramLabel = "TARGET")
        String target;

        Alias(ImageCatalog catalog) {
            this.catalog = catalog;
        }

        @Override
        public Integer call() {
            catalog.alias(alias, target);
            return ExitCodes.OK;
        }
    }

    @Command(name = "dealias", mixinStandardHelpOptions = true,
            description = "Remove ALIAS; exit 1 when there is no such alias.%nExample: imagesync dealias python")
    static final class Dealias implements Callable<Integer> {
        private final ImageCatalog catalog;
        @Parameters(paramLabel = "ALIAS")
        String alias;

        Dealias(ImageCatalog catalog) {
            this.catalog = catalog;
        }

        @Override
        public Integer call() {
            if (!catalog.dealias(alias)) {
                throw new IllegalArgumentException("no alias '" + alias + "'");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "set-image-resource-limit", mixinStandardHelpOptions = true,
            description = "Set an image's MIN:MAX for a known resource slot; either side may be empty to leave it. "
                    + "Bytes slots take binary suffixes (256m, 1g).%n"
                    + "Example: imagesync set-image-resource-limit cr.backend.ai/stable/python:3.9 mem 512m:4g")
    static final class SetLimit implements Callable<Integer> {
        private final ImageResourceLimits limits;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "REF")
        String reference;
        @Parameters(index = "1", paramLabel = "SLOT")
        String slot;
        @Parameters(index = "2", paramLabel = "MIN:MAX")
        String range;

        SetLimit(ImageResourceLimits limits) {
            this.limits = limits;
        }

        @Override
        public Integer call() {
            limits.set(reference, slot, range).forEach((key, value) ->
                    spec.commandLine().getOut().println("set " + key + " = " + value));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "image-slot-ranges", mixinStandardHelpOptions = true,
            description = "Print min and max per known resource slot for an image (bytes in bytes; missing bounds "
                    + "0 and Infinity; slots the cluster does not know are left out).%n"
                    + "Example: imagesync image-slot-ranges python --json")
    static final class SlotRanges implements Callable<Integer> {
        private final ImageResourceLimits limits;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "REF")
        String reference;
        @Option(names = "--json", description = "Print JSON: {slot: {min, max}}.")
        boolean json;

        SlotRanges(ImageResourceLimits limits) {
            this.limits = limits;
        }

        @Override
        public Integer call() {
            Map<String, SlotRange> ranges = limits.slotRanges(reference);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, ranges);
                return ExitCodes.OK;
            }
            out.printf("%-20s %24s %24s%n", "SLOT", "MIN", "MAX");
            ranges.forEach((slot, range) -> out.printf("%-20s %24s %24s%n", slot, range.min(), range.max()));
            out.flush();
            return ExitCodes.OK;
        }
    }
}
