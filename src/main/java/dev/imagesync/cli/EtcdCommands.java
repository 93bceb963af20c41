package dev.imagesync.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.imagesync.etcd.EtcdKeyCodec;
import dev.imagesync.etcd.EtcdTree;
import dev.imagesync.etcd.KeyValueStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.SortedMap;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The etcd verbs of Backend.AI's {@code mgr etcd}. Keys are relative to {@code /sorna/{namespace}/} and used
 * verbatim: quote components yourself (see {@code quote}) where the layout quotes them.
 */
final class EtcdCommands {

    private EtcdCommands() {
    }

    @Command(name = "quote", mixinStandardHelpOptions = true,
            description = "Print VALUE quoted as etcd key components are (Python quote(safe='')).%n"
                    + "Example: imagesync quote 'cr.backend.ai/stable'  ->  cr.backend.ai%%2Fstable")
    static final class Quote implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "VALUE")
        String value;

        @Override
        public Integer call() {
            spec.commandLine().getOut().println(EtcdKeyCodec.quote(value));
            return ExitCodes.OK;
        }
    }

    @Command(name = "unquote", mixinStandardHelpOptions = true,
            description = "Print VALUE with %%XX escapes decoded.%n"
                    + "Example: imagesync unquote 'cr.backend.ai%%2Fstable'  ->  cr.backend.ai/stable")
    static final class Unquote implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "VALUE")
        String value;

        @Override
        public Integer call() {
            spec.commandLine().getOut().println(EtcdKeyCodec.unquote(value));
            return ExitCodes.OK;
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "Print the value of KEY, or with --prefix the subtree under it as JSON (key components "
                    + "unquoted, a node's own value under \"\"). Exit 1 when nothing is there.%n"
                    + "Example: imagesync get images --prefix")
    static final class Get implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        private final KeyValueStore store;

        @Parameters(paramLabel = "KEY")
        String key;

        @Option(names = "--prefix", description = "Read KEY and everything below KEY/ as a tree.")
        boolean prefix;

        Get(KeyValueStore store) {
            this.store = store;
        }

        @Override
        public Integer call() throws Exception {
            if (prefix) {
                SortedMap<String, String> pairs = store.getPrefix(key);
                if (pairs.isEmpty()) {
                    return notFound();
                }
                ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                spec.commandLine().getOut().println(json.writeValueAsString(EtcdTree.fromPrefixRead(key, pairs).asMap()));
                return ExitCodes.OK;
            }
            Optional<String> value = store.get(key);
            if (value.isEmpty()) {
                return notFound();
            }
            spec.commandLine().getOut().println(value.get());
            return ExitCodes.OK;
        }

        private int notFound() {
            spec.commandLine().getErr().println("imagesync get: no key " + key + (prefix ? " (nor below it)" : ""));
            return ExitCodes.FAILURE;
        }
    }

    @Command(name = "put", mixinStandardHelpOptions = true,
            description = "Set KEY to VALUE.%nExample: imagesync put config/docker/registry/cr.backend.ai https://cr.backend.ai")
    static final class Put implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        private final KeyValueStore store;

        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE")
        String value;

        Put(KeyValueStore store) {
            this.store = store;
        }

        @Override
        public Integer call() {
            store.put(key, value);
            return ExitCodes.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete KEY, or with --prefix KEY and everything below KEY/. Prints how many keys went.%n"
                    + "Example: imagesync delete images/_aliases --prefix")
    static final class Delete implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        private final KeyValueStore store;

        @Parameters(paramLabel = "KEY")
        String key;

        @Option(names = "--prefix", description = "Delete KEY and everything below KEY/.")
        boolean prefix;

        Delete(KeyValueStore store) {
            this.store = store;
        }

        @Override
        public Integer call() {
            long deleted = prefix ? store.deletePrefix(key) : store.delete(key);
            spec.commandLine().getOut().println("deleted " + deleted + " key" + (deleted == 1 ? "" : "s"));
            return ExitCodes.OK;
        }
    }
}
