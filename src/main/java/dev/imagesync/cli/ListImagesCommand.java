package dev.imagesync.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import dev.imagesync.catalog.ImageCatalog;
import dev.imagesync.catalog.ImageEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list-images", mixinStandardHelpOptions = true,
        description = "List every image record in etcd: reference, digest, size, whether an agent has it installed "
                + "(Redis db 3) and its aliases; --json gives every field (labels, resource limits, accelerators, "
                + "installed agents). When Redis does not answer the list still prints, installed unknown, with a "
                + "warning on stderr.%n"
                + "Example: imagesync list-images --installed --short")
class ListImagesCommand implements Callable<Integer> {

    private static final String ROW = "%-60s %-20s %12s  %-9s  %s%n";

    private final ImageCatalog catalog;

    @Spec
    CommandSpec spec;

    @Option(names = "--short", description = "Only the canonical references, one per line.")
    boolean shortForm;

    @Option(names = "--installed", description = "Only images some agent has installed (needs Redis).")
    boolean installedOnly;

    @Option(names = "--json", description = "Print JSON with every field.")
    boolean json;

    ListImagesCommand(ImageCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Integer call() {
        ImageCatalog.Listing listing = catalog.list();
        if (listing.warning() != null) {
            if (installedOnly) {
                throw new IllegalStateException("cannot tell which images are installed: " + listing.warning());
            }
            spec.commandLine().getErr().println("imagesync list-images: warning: " + listing.warning()
                    + "; installed is unknown");
            spec.commandLine().getErr().flush();
        }
        List<ImageEntry> images = listing.images().stream()
                .filter(image -> !installedOnly || Boolean.TRUE.equals(image.installed()))
                .toList();
        print(images, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    private void print(List<ImageEntry> images, PrintWriter out) {
        if (json) {
            JsonOutput.print(out, images);
            return;
        }
        if (shortForm) {
            images.forEach(image -> out.println(image.canonical()));
        } else {
            out.printf(ROW, "REFERENCE", "DIGEST", "SIZE", "INSTALLED", "ALIASES");
            for (ImageEntry image : images) {
                out.printf(ROW, image.canonical(), shortDigest(image.digest()), image.sizeBytes(),
                        image.installed() == null ? "unknown" : image.installed() ? "yes" : "no",
                        String.join(",", image.aliases()));
            }
        }
        out.flush();
    }

    private static String shortDigest(String digest) {
        return digest.length() > 19 ? digest.substring(0, 19) : digest;
    }
}
