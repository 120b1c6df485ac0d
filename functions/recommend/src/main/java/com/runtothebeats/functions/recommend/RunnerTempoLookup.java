package com.runtothebeats.functions.recommend;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.runtothebeats.core.run.TargetTempo;
import java.util.Optional;

/**
 * The signed-in runner's suggested target tempo, for a request whose target is {@code {"type":"current"}}:
 * read from the request's session and the runner's state.
 */
@FunctionalInterface
public interface RunnerTempoLookup {

    /** Where no runner state is available (no sessions in this deployment yet): every lookup is empty. */
    RunnerTempoLookup NONE = event -> Optional.empty();

    Optional<TargetTempo> suggestedTempo(APIGatewayV2HTTPEvent event);
}
