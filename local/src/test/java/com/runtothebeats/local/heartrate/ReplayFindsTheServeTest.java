package com.runtothebeats.local.heartrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.runtothebeats.local.LocalStack;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./beats replay-heart-rate} without {@code --serve}, beside a {@code ./beats serve} on a port other than
 * 3000: it finds the serve through the state directory (stack.json names the product's API), and without one it
 * keeps the documented default.
 */
class ReplayFindsTheServeTest {

    private static final Path PROJECT = Path.of("src/test/resources/project").toAbsolutePath();

    @TempDir
    Path state;

    @Test
    void withoutServeItReplaysToTheServeRunningOnTheStateWhateverItsPort() throws Exception {
        Path run = Files.writeString(state.resolveSibling(state.getFileName() + "-run.csv"), "timestamp,bpm\n");
        HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.start();
        URI apiAddress = URI.create("http://127.0.0.1:" + api.getAddress().getPort());
        try (LocalStack serve = LocalStack.start(new LocalStack.Options(PROJECT, state, false, Map.of(), System.err))) {
            assertEquals(ReplayHeartRateCommand.DEFAULT_SERVE, command(run, "--state", state.toString()).serveToReplayTo(),
                    "a stack without an API yet (a pipeline's) is no serve to replay to");
            serve.announceApi(apiAddress);
            assertEquals(apiAddress, command(run, "--state", state.toString()).serveToReplayTo());
            URI named = URI.create("http://127.0.0.1:1");
            assertEquals(named, command(run, "--state", state.toString(), "--serve", named.toString()).serveToReplayTo(),
                    "--serve wins");
        } finally {
            api.stop(0);
        }
        assertEquals(ReplayHeartRateCommand.DEFAULT_SERVE, command(run, "--state", state.toString()).serveToReplayTo(),
                "once the serve has stopped, the documented default");
    }

    private static ReplayHeartRateCommand command(Path run, String... args) {
        ReplayHeartRateCommand command = new ReplayHeartRateCommand();
        String[] all = new String[args.length + 4];
        all[0] = "--file";
        all[1] = run.toString();
        all[2] = "--project";
        all[3] = PROJECT.toString();
        System.arraycopy(args, 0, all, 4, args.length);
        new CommandLine(command).parseArgs(all);
        return command;
    }
}
