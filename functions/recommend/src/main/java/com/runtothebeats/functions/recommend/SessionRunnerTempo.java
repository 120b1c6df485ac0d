package com.runtothebeats.functions.recommend;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.runtothebeats.core.heartrate.RunnerHeartRate;
import com.runtothebeats.core.heartrate.RunnerHeartRates;
import com.runtothebeats.core.run.TargetTempo;
import com.runtothebeats.lambda.session.RunnerSession;
import com.runtothebeats.lambda.session.SessionCookies;
import java.util.Optional;

/** The suggested target tempo of the runner the request's session names, from their heart-rate state. */
final class SessionRunnerTempo implements RunnerTempoLookup {

    private final SessionCookies sessions;
    private final RunnerHeartRates heartRates;

    SessionRunnerTempo(SessionCookies sessions, RunnerHeartRates heartRates) {
        this.sessions = sessions;
        this.heartRates = heartRates;
    }

    @Override
    public Optional<TargetTempo> suggestedTempo(APIGatewayV2HTTPEvent event) {
        return sessions.session(event)
                .map(RunnerSession::runnerId)
                .flatMap(heartRates::find)
                .map(RunnerHeartRate::suggestedTargetTempo)
                .map(TargetTempo::current);
    }
}
