package com.runtothebeats.local;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the project and the local state are; shared by every command that runs the local stack. */
public final class StackOptions {

    @Option(names = "--state", paramLabel = "DIR",
            description = "Local state (tables, objects). Default: $BEATS_STATE_DIR, else .beats/ in the project.")
    Path state;

    @Option(names = "--project", paramLabel = "DIR", hidden = true,
            description = "The project root (where template.yaml is). Default: $BEATS_PROJECT_DIR, else found from the working directory.")
    Path project;

    public Path projectRoot() {
        if (project != null) {
            return project.toAbsolutePath().normalize();
        }
        String fromLauncher = System.getenv("BEATS_PROJECT_DIR");
        if (fromLauncher != null && !fromLauncher.isBlank()) {
            return Path.of(fromLauncher).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no template.yaml here or above; run ./beats from the project or pass --project");
    }

    public Path stateDir() {
        if (state != null) {
            return state.toAbsolutePath().normalize();
        }
        String fromEnvironment = System.getenv("BEATS_STATE_DIR");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment).toAbsolutePath().normalize();
        }
        return projectRoot().resolve(".beats");
    }

    public LocalStack.Options options() {
        return LocalStack.Options.forProject(projectRoot(), stateDir());
    }
}
