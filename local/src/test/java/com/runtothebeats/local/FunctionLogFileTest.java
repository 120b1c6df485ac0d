package com.runtothebeats.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionLogFileTest {

    @TempDir
    Path state;

    @Test
    void functionLogsAndStandInOutputGoToTheFileAndTheTerminalKeepsTheProductsLines() throws Exception {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream terminalOut = new ByteArrayOutputStream();
        ByteArrayOutputStream terminalErr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(terminalOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(terminalErr, true, StandardCharsets.UTF_8));
        try {
            try (FunctionLogFile logs = FunctionLogFile.divert(state, false)) {
                System.out.println("Initializing DynamoDB Local with the following configuration:");
                LogManager.getLogger("com.runtothebeats.publish").info("published playlist p-123");
                java.util.logging.Logger.getLogger("org.springframework.boot.StartupInfoLogger").info("Started S3MockApplication");
                logs.terminal().println("Run to the Beats is ready");
                logs.terminalErrors().println("GET /health -> 200 (1 ms)");
            }
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        String file = Files.readString(FunctionLogFile.pathIn(state));
        String out = terminalOut.toString(StandardCharsets.UTF_8);
        String err = terminalErr.toString(StandardCharsets.UTF_8);
        assertTrue(file.contains("Initializing DynamoDB Local"), file);
        assertTrue(file.contains("published playlist p-123"), file);
        assertTrue(out.contains("Run to the Beats is ready"), out);
        assertTrue(err.contains("GET /health -> 200"), err);
        for (String terminal : new String[] {out, err}) {
            assertFalse(terminal.contains("DynamoDB Local"), terminal);
            assertFalse(terminal.contains("published playlist"), terminal);
            assertFalse(terminal.contains("S3MockApplication"), terminal);
        }
    }

    @Test
    void verboseLeavesEverythingOnTheTerminal() throws Exception {
        try (FunctionLogFile logs = FunctionLogFile.divert(state, true)) {
            assertSame(System.out, logs.terminal());
            assertTrue(logs.whereLine().isEmpty());
        }
        assertFalse(Files.exists(FunctionLogFile.pathIn(state)));
    }
}
