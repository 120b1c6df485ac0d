package com.runtothebeats.local;

import java.nio.file.Path;
import java.util.Map;

/** The small project under src/test/resources/project: a template whose handlers are test functions. */
final class TestProject {

    static final Path ROOT = Path.of("src/test/resources/project").toAbsolutePath();

    private TestProject() {
    }

    /** A stack with in-memory tables and its S3 objects under {@code state}. */
    static LocalStack start(Path state) {
        return LocalStack.start(new LocalStack.Options(ROOT, state, true, Map.of("FROM_TEST", "test"), System.err));
    }
}
