package vn.danvan.orgunit;

import java.util.List;

/** A unit file that breaks a rule. Nothing of it was applied. */
public class UnitFileRejectedException extends RuntimeException {

    private final String fileName;
    private final List<UnitFileProblem> problems;

    UnitFileRejectedException(String fileName, List<UnitFileProblem> problems) {
        super(fileName + " rejected: " + problems.size() + " problem(s), first: " + problems.get(0));
        this.fileName = fileName;
        this.problems = List.copyOf(problems);
    }

    public String fileName() {
        return fileName;
    }

    public List<UnitFileProblem> problems() {
        return problems;
    }
}
