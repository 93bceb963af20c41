package dev.imagesync.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.imagesync.catalog.ResourceSlots;
import dev.imagesync.catalog.SharedConfig;
import dev.imagesync.image.SlotUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The SharedConfig reads and writes that are not about images. */
final class SharedConfigCommands {

    private SharedConfigCommands() {
    }

    @Command(name = "resource-slots", mixinStandardHelpOptions = true,
            description = "Print the known resource slots and their units: intrinsic cpu (count) and mem (bytes) "
                    + "plus config/resource_slots/*.%nExample: imagesync resource-slots --json")
    static final class Slots implements Callable<Integer> {
        private final ResourceSlots slots;
        @Spec
        CommandSpec spec;
        @Option(names = "--json", description = "Print JSON: {slot: unit}.")
        boolean json;

        Slots(ResourceSlots slots) {
            this.slots = slots;
        }

        @Override
        public Integer call() {
            Map<String, String> units = new LinkedHashMap<>();
            slots.all().forEach((slot, unit) -> units.put(slot, unit.configValue()));
            return printMap(spec, units, json);
        }
    }

    @Command(name = "update-resource-slots", mixinStandardHelpOptions = true,
            description = "Set resource slot units (count or bytes); only slots whose unit is new or different are "
                    + "written.%nExample: imagesync update-resource-slots cuda.device=count cuda.mem=bytes")
    static final class UpdateSlots implements Callable<Integer> {
        private final ResourceSlots slots;
        @Spec
        CommandSpec spec;
        @Parameters(arity = "1..*", paramLabel = "SLOT=UNIT")
        Map<String, String> wanted;

        UpdateSlots(ResourceSlots slots) {
            this.slots = slots;
        }

        @Override
        public Integer call() {
            Map<String, SlotUnit> units = new LinkedHashMap<>();
            wanted.forEach((slot, unit) -> units.put(slot, SlotUnit.fromConfig(unit)));
            Map<String, SlotUnit> changed = slots.update(units);
            PrintWriter out = spec.commandLine().getOut();
            changed.forEach((slot, unit) -> out.println("set " + slot + " = " + unit));
            out.println(changed.isEmpty() ? "nothing changed" : changed.size() + " slot(s) updated");
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "vfolder-types", mixinStandardHelpOptions = true,
            description = "Print the vfolder types (volumes/_types/*), 'user' when none is configured.%n"
                    + "Example: imagesync vfolder-types")
    static final class VfolderTypes implements Callable<Integer> {
        private final SharedConfig config;
        @Spec
        CommandSpec spec;
        @Option(names = "--json", description = "Print a JSON list.")
        boolean json;

        VfolderTypes(SharedConfig config) {
            this.config = config;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, config.vfolderTypes());
            } else {
                config.vfolderTypes().forEach(out::println);
                out.flush();
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "manager-nodes", mixinStandardHelpOptions = true,
            description = "Print the registered manager instances (nodes/manager/*) and their state.%n"
                    + "Example: imagesync manager-nodes --json")
    static final class ManagerNodes implements Callable<Integer> {
        private final SharedConfig config;
        @Spec
        CommandSpec spec;
        @Option(names = "--json", description = "Print JSON: {instance: state}.")
        boolean json;

        ManagerNodes(SharedConfig config) {
            this.config = config;
        }

        @Override
        public Integer call() {
            return printMap(spec, config.managerNodes(), json);
        }
    }

    @Command(name = "allowed-origins", mixinStandardHelpOptions = true,
            description = "Print config/api/allow-origins ('*' when not set).%nExample: imagesync allowed-origins")
    static final class AllowedOrigins implements Callable<Integer> {
        private final SharedConfig config;
        @Spec
        CommandSpec spec;

        AllowedOrigins(SharedConfig config) {
            this.config = config;
        }

        @Override
        public Integer call() {
            spec.commandLine().getOut().println(config.allowedOrigins());
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "config-get", mixinStandardHelpOptions = true,
            description = "Print a configuration key, or its default when missing (volumes/_mount, "
                    + "config/api/allow-origins, config/docker/image/auto_pull, config/redis/addr, ...). With "
                    + "--required a key with neither is an error; without, it prints nothing and exits 1.%n"
                    + "Example: imagesync config-get config/docker/image/auto_pull --required")
    static final class Get implements Callable<Integer> {
        private final SharedConfig config;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "KEY")
        String key;
        @Option(names = "--required", description = "Fail with 'required config missing: KEY' when absent.")
        boolean required;

        Get(SharedConfig config) {
            this.config = config;
        }

        @Override
        public Integer call() {
            String value = required ? config.require(key) : config.get(key).orElse(null);
            if (value == null) {
                return ExitCodes.FAILURE;
            }
            spec.commandLine().getOut().println(value);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "redis-url", mixinStandardHelpOptions = true,
            description = "Print the Redis URL composed from config/redis/addr and config/redis/password (the "
                    + "password shown as ***).%nExample: imagesync redis-url --db 3")
    static final class RedisUrlCommand implements Callable<Integer> {
        private final SharedConfig config;
        @Spec
        CommandSpec spec;
        @Option(names = "--db", defaultValue = "0", description = "Database index (default: ${DEFAULT-VALUE}).")
        int database;

        RedisUrlCommand(SharedConfig config) {
            this.config = config;
        }

        @Override
        public Integer call() {
            spec.commandLine().getOut().println(config.redisUrl(database));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    static int printMap(CommandSpec spec, Map<String, String> map, boolean json) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, map);
            return ExitCodes.OK;
        }
        map.forEach((key, value) -> out.printf("%-30s %s%n", key, value));
        out.flush();
        return ExitCodes.OK;
    }
}
