package com.runtothebeats.local;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;

/** One {@code ./beats} command as a user runs it, on a project and a state directory, with what it printed. */
record BeatsRun(int exitCode, String stdout, String stderr) {

    static BeatsRun of(Path project, Path state, String... args) {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            CommandLine commandLine = BeatsCommand.commandLine();
            commandLine.setErr(new PrintWriter(err, true));
            String[] all = new String[args.length + 4];
            System.arraycopy(args, 0, all, 0, args.length);
            all[args.length] = "--project";
            all[args.length + 1] = project.toString();
            all[args.length + 2] = "--state";
            all[args.length + 3] = state.toString();
            int code = commandLine.execute(all);
            return new BeatsRun(code, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(originalOut);
        }
    }
}
