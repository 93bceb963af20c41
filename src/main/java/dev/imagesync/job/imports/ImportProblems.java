package dev.imagesync.job.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects what is wrong with an import file so all of it is reported at once, in file order. */
public final class ImportProblems {

    private final Path path;
    private final List<String> problems = new ArrayList<>();

    public ImportProblems(Path path) {
        this.path = path;
    }

    /** Records a problem at a 1-based line number. */
    public void at(int line, String problem) {
        problems.add("line " + line + ": " + problem);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws one {@link ImportFileException} listing every problem, if there is any. */
    public void throwIfAny() {
        if (problems.isEmpty()) {
            return;
        }
        String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
        throw new ImportFileException(path + ": " + count + ": " + String.join("; ", problems));
    }
}
