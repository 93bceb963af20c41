package dev.imagesync.cli;

import dev.imagesync.etcd.NodeInfo;
import dev.imagesync.etcd.NodeRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "nodes", mixinStandardHelpOptions = true,
        description = "List the live 'imagesync serve' instances registered in etcd (nodes/imagesync/...). An "
                + "instance that died disappears within imagesync.serve.lease-ttl.%n"
                + "Example: imagesync nodes")
class NodesCommand implements Callable<Integer> {

    private static final String ROW = "%-40s %-30s %-10s %s%n";

    private final NodeRegistry registry;

    @Spec
    CommandSpec spec;

    NodesCommand(NodeRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        spec.commandLine().getOut().printf(ROW, "ID", "HOST", "VERSION", "STARTED");
        for (NodeInfo node : registry.list()) {
            spec.commandLine().getOut().printf(ROW, node.id(), node.host(), node.version(), node.startedAt());
        }
        return ExitCodes.OK;
    }
}
