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
                "Without SPOTIFY_CLIENT_ID it runs the demo (demo runner, dry-run publishing). Stop with Ctrl-C."})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    StackOptions stack;

    @Option(names = {"-p", "--port"}, defaultValue = "3000", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = {"-d", "--dataset"}, paramLabel = "FILE",
            description = "Dataset for the first start's catalog. Default: as ./beats pipeline finds it.")
    java.nio.file.Path dataset;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        System.setOut(System.err); // functions print metric documents; stdout stays for the person watching
        long started = System.nanoTime();
        LocalProduct product = LocalProduct.start(new LocalProduct.Settings(stack.projectRoot(), stack.stateDir(), port, false,
                java.util.Optional.ofNullable(dataset), DemoHeartRate.defaultRun(stack.projectRoot(), System.getenv()),
                System.getenv(), out, System.err));
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
        }
        out.printf("Run to the Beats is ready at %s/ after %.1f s  (state: %s). Press Ctrl-C to stop.%n",
                product.baseUri(), (System.nanoTime() - started) / 1e9, local.stateDir());
        out.flush();
        stopped.await();
        return 0;
    }
}
