package com.runtothebeats.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./beats}: Run to the Beats on this machine, without an AWS account. */
@Command(name = "beats",
        mixinStandardHelpOptions = true,
        version = "Run to the Beats (local)",
        description = "Run to the Beats offline: the functions of template.yaml against DynamoDB Local and an S3 stand-in.",
        subcommands = {
                PipelineCommand.class,
                ServeCommand.class,
                InvokeCommand.class,
                com.runtothebeats.local.heartrate.ReplayHeartRateCommand.class,
                RecommendCommand.class,
                PredictNextCommand.class,
                RankNextCommand.class,
                TimeImportCommand.class,
                EvaluateCommand.class,
                RegisterWebhookCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class BeatsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with our error handling: a failure is one clear line on stderr, not a stack trace. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new BeatsCommand());
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            cl.getErr().println("beats: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (System.getenv("BEATS_DEBUG") != null) {
                e.printStackTrace(cl.getErr());
            }
            return 2;
        });
        return commandLine;
    }
}
