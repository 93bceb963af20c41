package dev.imagesync.cli;

import picocli.CommandLine;

/** The version from the jar manifest (Boot writes Implementation-Version), or "dev" when run from classes. */
class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"imagesync " + (version == null ? "dev" : version)};
    }
}
