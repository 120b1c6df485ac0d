package com.runtothebeats.local;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the terminal of {@code ./beats serve}, {@code pipeline}, {@code recommend}, {@code predict-next} and
 * {@code evaluate} to the product's own lines: the
 * functions' Powertools JSON logs, their metric documents and the stand-ins' chatter (DynamoDB Local's banner,
 * S3Mock's Spring Boot and the old AWS SDK's java.util.logging lines) go to {@code <state>/logs/functions.log}.
 * Everything of the process writes to {@link System#out}/{@link System#err} (log4j's console follows them),
 * so both point at the file while the command runs; {@link #terminal()} is where the person watching reads.
 * With {@code --verbose} or {@code BEATS_DEBUG} nothing is diverted.
 */
final class FunctionLogFile implements AutoCloseable {

    /** java.util.logging loggers the stand-ins use; kept here so their levels are not garbage-collected. */
    private static final List<Logger> QUIETED = List.of(
            Logger.getLogger("org.springframework"), Logger.getLogger("com.adobe.testing.s3mock"), Logger.getLogger("org.apache"));
    /** DynamoDB Local's old AWS SDK warns "JAXB is unavailable" on every start: harmless, it falls back. */
    private static final Logger OLD_AWS_SDK = Logger.getLogger("com.amazonaws");

    private final PrintStream terminalOut;
    private final PrintStream terminalErr;
    private final PrintStream file;
    private final Path path;
    private boolean stdoutLent;

    private FunctionLogFile(PrintStream terminalOut, PrintStream terminalErr, PrintStream file, Path path) {
        this.terminalOut = terminalOut;
        this.terminalErr = terminalErr;
        this.file = file;
        this.path = path;
    }

    /**
     * For commands whose stdout is for the person watching or is their result (progress lines, a playlist,
     * JSON lines, a table): like {@link #divert}, and when verbose, everything else printed meanwhile goes to
     * stderr, so {@link #terminal()} stays clean.
     */
    static FunctionLogFile divertKeepingStdout(Path stateDir, boolean verbose) throws IOException {
        FunctionLogFile logs = divert(stateDir, verbose);
        if (logs.file == null) {
            System.setOut(logs.terminalErr);
            logs.stdoutLent = true;
        }
        return logs;
    }

    static Path pathIn(Path stateDir) {
        return stateDir.resolve("logs").resolve("functions.log");
    }

    /** Diverts the process's output to the log file under {@code stateDir}, unless verbose. */
    static FunctionLogFile divert(Path stateDir, boolean verbose) throws IOException {
        PrintStream out = System.out;
        PrintStream err = System.err;
        if (verbose || System.getenv("BEATS_DEBUG") != null) {
            return new FunctionLogFile(out, err, null, null);
        }
        quietStandIns();
        Path path = pathIn(stateDir);
        Files.createDirectories(path.getParent());
        PrintStream file = new PrintStream(new FileOutputStream(path.toFile(), true), true, StandardCharsets.UTF_8);
        System.setOut(file);
        System.setErr(file);
        return new FunctionLogFile(out, err, file, path);
    }

    /** The stand-ins' java.util.logging chatter (S3Mock's Spring Boot INFO lines, the JAXB warning) kept to problems. */
    static void quietStandIns() {
        QUIETED.forEach(logger -> logger.setLevel(Level.WARNING));
        OLD_AWS_SDK.setLevel(Level.SEVERE);
    }

    /** Where the command's own output goes (the terminal's stdout). */
    PrintStream terminal() {
        return terminalOut;
    }

    /** Where the command's errors and access lines go (the terminal's stderr). */
    PrintStream terminalErrors() {
        return terminalErr;
    }

    /** A line for the person watching: where the functions' logs are, or nothing when they are on the terminal. */
    String whereLine() {
        return path == null ? "" : "Function logs: " + path + " (--verbose or BEATS_DEBUG=1 shows them here).";
    }

    @Override
    public void close() {
        if (stdoutLent) {
            System.setOut(terminalOut);
        }
        if (file != null) {
            System.setOut(terminalOut);
            System.setErr(terminalErr);
            file.close();
        }
    }
}
