package dev.backline.script.testing;

import java.util.List;

/** Every script test's result in the order they ran, with the counts CI reads: {@code 12 passed, 1 failed}. */
public record ScriptTestReport(List<ScriptTestResult> results) {
    public ScriptTestReport {
        results = List.copyOf(results);
    }

    public long passed() {
        return count(ScriptTestResult.Status.PASSED);
    }

    public long failed() {
        return count(ScriptTestResult.Status.FAILED);
    }

    public long skipped() {
        return count(ScriptTestResult.Status.SKIPPED);
    }

    public boolean ok() {
        return failed() == 0;
    }

    public List<ScriptTestResult> failures() {
        return results.stream().filter(ScriptTestResult::isFailed).toList();
    }

    /** {@code N passed, N failed}: the last line the command-line runner prints, parsed by CI. */
    public String summary() {
        return passed() + " passed, " + failed() + " failed";
    }

    private long count(ScriptTestResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}
