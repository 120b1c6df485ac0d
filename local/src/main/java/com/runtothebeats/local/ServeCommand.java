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
        description = {"Serves the HTTP API of template.yaml on 127.0.0.1 and runs its DynamoDB stream triggers,",
                "against the local stack. Stop with Ctrl-C."})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    StackOptions stack;

    @Option(names = {"-p", "--port"}, defaultValue = "3000", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        LocalStack local = LocalStack.start(stack.options());
        LocalApi api;
        try {
            api = LocalApi.start(local, port, System.err);
        } catch (RuntimeException | java.io.IOException e) {
            local.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.close();
            local.close();
            stopped.countDown();
        }, "beats-serve-shutdown"));
        out.println("Run to the Beats is serving on " + api.gateway().baseUri() + "  (state: " + local.stateDir() + ")");
        for (SamTemplate.HttpRoute route : local.template().httpRoutes()) {
            out.printf("  %-6s %-40s -> %s%n", route.method(), route.path(), route.functionId());
        }
        if (api.streamCount() > 0) {
            out.println("  + " + api.streamCount() + " DynamoDB stream trigger(s)");
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return 0;
    }
}
