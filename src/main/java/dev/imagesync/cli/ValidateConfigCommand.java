package dev.imagesync.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import dev.imagesync.catalog.ConfigProblem;
import dev.imagesync.catalog.ConfigValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "validate-config", mixinStandardHelpOptions = true,
        description = "Check the whole config/ subtree (registries: URL with scheme, known type, boolean "
                + "ssl-verify; resource slot units; redis address) and list every invalid key with the reason. "
                + "Exit 1 when anything is invalid.%nExample: imagesync validate-config")
class ValidateConfigCommand implements Callable<Integer> {

    private final ConfigValidator validator;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON: [{key, reason}].")
    boolean json;

    ValidateConfigCommand(ConfigValidator validator) {
        this.validator = validator;
    }

    @Override
    public Integer call() {
        List<ConfigProblem> problems = validator.validate();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, problems);
        } else {
            problems.forEach(out::println);
            out.println(problems.isEmpty() ? "config is valid" : problems.size() + " invalid key(s)");
            out.flush();
        }
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
