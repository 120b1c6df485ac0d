package com.runtothebeats.local;

import com.runtothebeats.standins.SamTemplate;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./beats serve [--port 3000]}: the offline {@code sam local start-api}, plus the template's stream triggers. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the whole product locally: the local stack, the catalog pipeline on the first start,",
                "the HTTP API of template.yaml on 127.0.0.1 (pages and API) and its DynamoDB stream triggers.",
                "Without SPOTIFY_CLIENT_ID it runs the demo (demo runner, dry-run publishing). Stop with Ctrl-C.",
                "Functions' logs go to <state>/logs/functions.log (--verbose: on the terminal)."})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    StackOptions stack;

    @Option(names = {"-p", "--port"}, defaultValue = "3000", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = {"-d", "--dataset"}, paramLabel = "FILE",
            description = "Dataset for the first start's catalog. Default: as ./beats pipeline finds it.")
    java.nio.file.Path dataset;

    @Option(names = {"-v", "--verbose"}, description = "Functions' logs and the stand-ins' output on the terminal too (as BEATS_DEBUG does).")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        // functions print JSON logs and metric documents, the stand-ins their banners: all into the log file
        FunctionLogFile logs = FunctionLogFile.divertKeepingStdout(stack.stateDir(), verbose);
        PrintStream out = logs.terminal();
        long started = System.nanoTime();
        LocalProduct product;
        try {
            product = LocalProduct.start(new LocalProduct.Settings(stack.projectRoot(), stack.stateDir(), port, false,
                    java.util.Optional.ofNullable(dataset), DemoHeartRate.defaultRun(stack.projectRoot(), System.getenv()),
                    System.getenv(), out, logs.terminalErrors()));
        } catch (Exception | Error e) {
            logs.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            product.close();
            stopped.countDown();
        }, "beats-serve-shutdown"));
        LocalStack local = product.stack();
        for (SamTemplate.HttpRoute route : local.template().httpRoutes()) {
            out.printf("  %-6s %-40s -> %s%n", route.method(), route.path(), route.functionId());
        }
        if (product.api().streamCount() > 0) {
            out.println("  + " + product.api().streamCount() + " DynamoDB stream trigger(s)");
        }
        if (product.demo()) {
            out.println("Demo mode (no SPOTIFY_CLIENT_ID): you are the local demo runner; publishing is a dry run into "
                    + local.stateDir().resolve("dry-run") + ".");
            out.println(product.replaysHeartRate()
                    ? "  Heart rate: replaying the recorded run " + DemoHeartRate.DEMO_RUN + " (a minute per second) in the background."
                    : "  Heart rate: not replayed (no recorded run in ../shared/data/heart-rate/, or one was replayed within the hour).");
            if (!product.musicStandIns().isEmpty()) {
                out.println("  Your Spotify library, ReccoBeats and GetSongBPM: stand-ins drawn from the dataset ("
                        + String.join(", ", product.musicStandIns()) + "); import it from the home page.");
            }
        }
        out.printf("Run to the Beats is ready at %s/ after %.1f s  (state: %s). Press Ctrl-C to stop.%n",
                product.baseUri(), (System.nanoTime() - started) / 1e9, local.stateDir());
        if (!logs.whereLine().isEmpty()) {
            out.println("  " + logs.whereLine());
        }
        out.flush();
        stopped.await();
        return 0;
    }
}
