package com.runtothebeats.functions.healthsync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.runtothebeats.aws.heartrate.DynamoHeartRateSamples;
import com.runtothebeats.aws.heartrate.DynamoNotificationInbox;
import com.runtothebeats.aws.heartrate.DynamoRunnerHeartRates;
import com.runtothebeats.aws.identity.DynamoProviderLinkStore;
import com.runtothebeats.aws.tokens.LocalKeyFileCipher;
import com.runtothebeats.core.heartrate.DataChangeNotification;
import com.runtothebeats.core.heartrate.HeartRateRecorder;
import com.runtothebeats.core.heartrate.HeartRateSample;
import com.runtothebeats.core.heartrate.HeartRateSource;
import com.runtothebeats.core.heartrate.HeartRateSync;
import com.runtothebeats.core.heartrate.RunnerHeartRate;
import com.runtothebeats.core.heartrate.RunnerHeartRates;
import com.runtothebeats.core.heartrate.StoredHeartRate;
import com.runtothebeats.core.heartrate.SuggestedTempo;
import com.runtothebeats.core.identity.LinkStatus;
import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.core.identity.ProviderLink;
import com.runtothebeats.core.identity.TokenRefresher;
import com.runtothebeats.core.time.Pause;
import com.runtothebeats.lambda.FunctionMetrics;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.providers.googlehealth.GoogleEndpoints;
import com.runtothebeats.providers.googlehealth.GoogleHealthClient;
import com.runtothebeats.providers.googlehealth.GoogleOAuthClient;
import com.runtothebeats.standins.LocalDynamoDb;
import com.runtothebeats.standins.DynamoDbStreamEventSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The sync from the notifications table's real stream (DynamoDB Local) against a Google OAuth + Health API
 * stand-in (WireMock) serving the documented response shapes.
 */
class HealthSyncHandlerTest {

    private static final String DATA_POINTS = "/v4/users/me/dataTypes/heart-rate/dataPoints";
    private static final Instant START = Instant.parse("2026-11-24T19:00:00Z");
    private static final Instant END = Instant.parse("2026-11-24T19:15:00Z");

    @RegisterExtension
    static final LocalDynamoDb DYNAMO = new LocalDynamoDb();
    private static DynamoDbClient dynamo;
    private static DynamoDbStreamsClient streams;
    private static WireMockServer google;

    @TempDir
    Path stateDir;

    private String notificationsTable;
    private String heartRateTable;
    private String runnersTable;
    private DynamoProviderLinkStore links;
    private DynamoHeartRateSamples samples;
    private DynamoRunnerHeartRates states;
    private DynamoNotificationInbox inbox;
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private HealthSyncHandler handler;

    @BeforeAll
    static void startStandIns() {
        dynamo = DYNAMO.client();
        streams = DynamoDbStreamEventSource.streamsClient(DYNAMO.server().endpoint());
        google = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        google.start();
    }

    @AfterAll
    static void stopStandIns() {
        google.stop();
    }

    @BeforeEach
    void freshTablesAndLink() {
        google.resetAll();
        var tables = DYNAMO.tables("NotificationsTable", "HeartRateTable", "RunnersTable", "ProviderLinksTable");
        notificationsTable = tables.get("NotificationsTable");
        heartRateTable = tables.get("HeartRateTable");
        runnersTable = tables.get("RunnersTable");
        String linksTable = tables.get("ProviderLinksTable");
        links = new DynamoProviderLinkStore(dynamo, linksTable, LocalKeyFileCipher.fromKeyFile(stateDir.resolve("token.key")));
        samples = new DynamoHeartRateSamples(dynamo, heartRateTable);
        states = new DynamoRunnerHeartRates(dynamo, runnersTable);
        inbox = new DynamoNotificationInbox(dynamo, notificationsTable, Clock.systemUTC());
        handler = handlerWith(googleHealth(), states);
    }

    private GoogleHealthClient googleHealth() {
        return new GoogleHealthClient(URI.create(google.baseUrl()), pauses::add);
    }

    private HealthSyncHandler handlerWith(HeartRateSource source, RunnerHeartRates heartRates) {
        GoogleOAuthClient oauth = new GoogleOAuthClient(GoogleEndpoints.of(google.baseUrl(), google.baseUrl()), "client-id", "client-secret",
                Clock.systemUTC());
        HeartRateSync sync = new HeartRateSync(links,
                new TokenRefresher(links, oauth, LinkStatus.DISCONNECTED, Clock.systemUTC(), Pause.SLEEP),
                source, samples, heartRates);
        return new HealthSyncHandler(new HealthSyncComponents(sync, FunctionMetrics.create(LambdaEnvironment.of(Map.of()))));
    }

    @AfterEach
    void noUnmatchedRequests() {
        assertEquals(List.of(), google.findAllUnmatchedRequests(), "every call to Google was one we expected");
    }

    private void link(String accessToken, Instant expiresAt) {
        links.save(new ProviderLink("runner-1", Provider.GOOGLE_HEALTH, "hu-1", accessToken, expiresAt,
                "refresh-1", "heart-rate", LinkStatus.CONNECTED, 1));
    }

    private static Instant inAnHour() {
        return Instant.now().plusSeconds(3600);
    }

    private static String point(String time, int bpm) {
        return "{\"heartRate\":{\"beatsPerMinute\":\"" + bpm + "\",\"sampleTime\":{\"physicalTime\":\"" + time
                + "\",\"utcOffset\":\"3600s\"}},\"dataSource\":{\"recordingMethod\":\"PASSIVELY_MEASURED\"}}";
    }

    /** Newest first, two pages, as the API serves them. */
    private void servePagedSamples(String token) {
        google.stubFor(get(urlPathEqualTo(DATA_POINTS)).atPriority(5)
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("{\"dataPoints\":[" + point("2026-11-24T19:14:55Z", 151) + ","
                        + point("2026-11-24T19:14:50Z", 149) + "," + point("2026-11-24T19:14:45Z", 147) + "],"
                        + "\"nextPageToken\":\"page-2\"}")));
        google.stubFor(get(urlPathEqualTo(DATA_POINTS)).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withQueryParam("pageToken", equalTo("page-2"))
                .willReturn(okJson("{\"dataPoints\":[" + point("2026-11-24T19:00:05Z", 112) + ","
                        + point("2026-11-24T19:00:00Z", 96) + "]}")));
    }

    private void serveTokenRefresh(int delayMillis) {
        google.stubFor(post(urlPathEqualTo("/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(okJson("{\"access_token\":\"fresh-token\",\"expires_in\":3599,\"token_type\":\"Bearer\","
                        + "\"scope\":\"heart-rate\"}").withFixedDelay(delayMillis)));
    }

    private DataChangeNotification notification(String operation, Instant start, Instant end) {
        return new DataChangeNotification("hu-1", "heart-rate", operation, start, end);
    }

    /** Polls the table's stream into the handler like Lambda's event source mapping; returns records that failed for good. */
    private List<DynamodbEvent.DynamodbStreamRecord> drainStream(int maximumRetryAttempts) {
        List<DynamodbEvent.DynamodbStreamRecord> deadLetters = new ArrayList<>();
        DynamoDbStreamEventSource source = new DynamoDbStreamEventSource(streams,
                DynamoDbStreamEventSource.streamArnOf(dynamo, notificationsTable), 100, maximumRetryAttempts,
                event -> handler.handleRequest(event, null), deadLetters::addAll);
        source.pollOnce();
        return deadLetters;
    }

    private List<DynamodbEvent.DynamodbStreamRecord> streamRecords() {
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        new DynamoDbStreamEventSource(streams, DynamoDbStreamEventSource.streamArnOf(dynamo, notificationsTable), 1000, 0,
                event -> {
                    records.addAll(event.getRecords());
                    return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
                }, dead -> { }).pollOnce();
        return records;
    }

    @Test
    void fetchesEveryPageOfTheIntervalAndUpdatesTheRunner() {
        link("valid-token", inAnHour());
        servePagedSamples("valid-token");
        inbox.recordIfNew(notification("UPSERT", START, END));

        assertEquals(List.of(), drainStream(2));

        List<HeartRateSample> stored = samples.between("runner-1", START, END);
        assertEquals(List.of(96, 112, 147, 149, 151), stored.stream().map(HeartRateSample::bpm).toList());
        RunnerHeartRate state = states.find("runner-1").orElseThrow();
        assertEquals(151, state.current());
        assertEquals(Instant.parse("2026-11-24T19:14:55Z"), state.at());
        assertEquals(RunnerHeartRate.DEFAULT_RESTING, state.resting());
        assertEquals(164, state.suggestedTargetTempo(), "(151-60)/(190-60) = 70% of reserve → 150 + 35 × (0.7-0.5)/0.5");
        assertEquals("google-health", state.source());
        google.verify(2, getRequestedFor(urlPathEqualTo(DATA_POINTS))
                .withQueryParam("filter", equalTo("heart_rate.sample_time.physical_time >= \"2026-11-24T19:00:00Z\" AND "
                        + "heart_rate.sample_time.physical_time < \"2026-11-24T19:15:00Z\"")));
        google.verify(0, postRequestedFor(urlPathEqualTo("/token")));
    }

    @Test
    void theSameNotificationDeliveredThreeTimesIsFetchedOnce() {
        link("valid-token", inAnHour());
        servePagedSamples("valid-token");
        for (int i = 0; i < 3; i++) {
            inbox.recordIfNew(notification("UPSERT", START, END));
        }
        assertEquals(List.of(), drainStream(2));
        google.verify(1, getRequestedFor(urlPathEqualTo(DATA_POINTS)).withQueryParam("pageSize", equalTo("10000"))
                .withQueryParam("pageToken", com.github.tomakehurst.wiremock.client.WireMock.absent()));
        assertEquals(5, samples.between("runner-1", START, END).size());
    }

    @Test
    void anyDataTypeWithAnIntervalFetchesHeartRate() {
        link("valid-token", inAnHour());
        servePagedSamples("valid-token");
        inbox.recordIfNew(new DataChangeNotification("hu-1", "steps", "UPSERT", START, END));
        assertEquals(List.of(), drainStream(2));
        assertEquals(5, samples.between("runner-1", START, END).size());
    }

    @Test
    void fiftyConcurrentSyncsNeedingARefreshMakeExactlyOneRefreshCall() throws Exception {
        link("expired-token", Instant.now().minusSeconds(60));
        serveTokenRefresh(300);
        servePagedSamples("fresh-token");
        for (int i = 0; i < 50; i++) {
            inbox.recordIfNew(notification("UPSERT", START, END.plusSeconds(i)));
        }
        List<DynamodbEvent.DynamodbStreamRecord> records = streamRecords();
        assertEquals(50, records.size());

        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<StreamsEventResponse>> responses = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            DynamodbEvent event = new DynamodbEvent();
            event.setRecords(List.of(record));
            responses.add(pool.submit(() -> {
                go.await();
                return handler.handleRequest(event, null);
            }));
        }
        go.countDown();
        for (Future<StreamsEventResponse> response : responses) {
            assertEquals(List.of(), response.get().getBatchItemFailures());
        }
        pool.shutdown();

        google.verify(1, postRequestedFor(urlPathEqualTo("/token")));
        google.verify(0, getRequestedFor(urlPathEqualTo(DATA_POINTS)).withHeader("Authorization", equalTo("Bearer expired-token")));
        ProviderLink stored = links.find("runner-1", Provider.GOOGLE_HEALTH).orElseThrow();
        assertEquals("fresh-token", stored.accessToken());
        assertEquals("refresh-1", stored.refreshToken(), "Google kept the refresh token: we keep ours");
        assertEquals(2, stored.version());
    }

    @Test
    void aRejectedAccessTokenIsRefreshedOnceAndTheFetchRetried() {
        link("revoked-early-token", inAnHour());
        google.stubFor(get(urlPathEqualTo(DATA_POINTS)).withHeader("Authorization", equalTo("Bearer revoked-early-token"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":{\"code\":401,\"status\":\"UNAUTHENTICATED\"}}")));
        serveTokenRefresh(0);
        servePagedSamples("fresh-token");
        inbox.recordIfNew(notification("UPSERT", START, END));

        assertEquals(List.of(), drainStream(2));
        google.verify(1, postRequestedFor(urlPathEqualTo("/token")));
        assertEquals(5, samples.between("runner-1", START, END).size());
    }

    @Test
    void backsOffAsRetryAfterSaysWhenRateLimited() {
        link("valid-token", inAnHour());
        google.stubFor(get(urlPathEqualTo(DATA_POINTS)).inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")
                        .withBody("{\"error\":{\"code\":429,\"status\":\"RESOURCE_EXHAUSTED\"}}"))
                .willSetStateTo("limited-once"));
        google.stubFor(get(urlPathEqualTo(DATA_POINTS)).inScenario("rate").whenScenarioStateIs("limited-once")
                .willReturn(okJson("{\"dataPoints\":[" + point("2026-11-24T19:10:00Z", 160) + "]}")));
        inbox.recordIfNew(notification("UPSERT", START, END));

        assertEquals(List.of(), drainStream(2));
        assertEquals(List.of(Duration.ofSeconds(3)), pauses);
        google.verify(2, getRequestedFor(urlPathEqualTo(DATA_POINTS)));
        assertEquals(160, states.find("runner-1").orElseThrow().current());
    }

    @Test
    void revokedConsentMarksTheLinkDisconnected() {
        link("expired-token", Instant.now().minusSeconds(1));
        google.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}")));
        inbox.recordIfNew(notification("UPSERT", START, END));

        assertEquals(List.of(), drainStream(2), "nothing to retry: only a new consent helps");
        assertEquals(LinkStatus.DISCONNECTED, links.find("runner-1", Provider.GOOGLE_HEALTH).orElseThrow().status());
        google.verify(0, getRequestedFor(urlPathEqualTo(DATA_POINTS)));
    }

    @Test
    void goneMarksTheLinkDisconnected() {
        link("valid-token", inAnHour());
        google.stubFor(get(urlPathEqualTo(DATA_POINTS)).willReturn(aResponse().withStatus(410)));
        inbox.recordIfNew(notification("UPSERT", START, END));
        assertEquals(List.of(), drainStream(2));
        assertEquals(LinkStatus.DISCONNECTED, links.find("runner-1", Provider.GOOGLE_HEALTH).orElseThrow().status());
    }

    @Test
    void aDeleteNotificationRemovesTheSamplesOfItsInterval() {
        link("valid-token", inAnHour());
        samples.save("runner-1", List.of(new HeartRateSample(START.minusSeconds(1), 90),
                new HeartRateSample(START, 100), new HeartRateSample(END.minusSeconds(1), 150),
                new HeartRateSample(END, 155)));
        inbox.recordIfNew(notification("DELETE", START, END));

        assertEquals(List.of(), drainStream(2));
        assertEquals(List.of(90, 155), samples.between("runner-1", START.minusSeconds(60), END.plusSeconds(60))
                .stream().map(HeartRateSample::bpm).toList());
        google.verify(0, getRequestedFor(urlPathEqualTo(DATA_POINTS)));
    }

    @Test
    void aDeleteOfAnotherDataTypeLeavesHeartRateIntact() {
        link("valid-token", inAnHour());
        samples.save("runner-1", List.of(new HeartRateSample(START, 100), new HeartRateSample(END.minusSeconds(1), 150)));
        for (String dataType : List.of("steps", "sleep", "weight")) {
            inbox.recordIfNew(new DataChangeNotification("hu-1", dataType, "DELETE", START, END));
        }

        assertEquals(List.of(), drainStream(2));
        assertEquals(List.of(100, 150), samples.between("runner-1", START, END)
                .stream().map(HeartRateSample::bpm).toList());
        google.verify(0, getRequestedFor(urlPathEqualTo(DATA_POINTS)));
    }

    @Test
    void aFailingFetchIsRetriedThenHandedToTheFailureDestinationNotLost() {
        link("valid-token", inAnHour());
        google.stubFor(get(urlPathEqualTo(DATA_POINTS)).willReturn(aResponse().withStatus(503)));
        inbox.recordIfNew(notification("UPSERT", START, END));
        inbox.recordIfNew(notification("UPSERT", END, END.plusSeconds(900)));

        List<DynamodbEvent.DynamodbStreamRecord> deadLetters = drainStream(2);

        assertEquals(2, deadLetters.size(), "both records reach the on-failure destination");
        assertTrue(deadLetters.get(0).getDynamodb().getNewImage().get("notificationKey").getS().startsWith("hu-1#heart-rate#"));
        // first attempt + 2 retries, each stopping at the first record that failed
        google.verify(3, getRequestedFor(urlPathEqualTo(DATA_POINTS)));
    }

    @Test
    void notificationsOfUnknownUsersAreAcknowledged() {
        inbox.recordIfNew(new DataChangeNotification("hu-nobody", "heart-rate", "UPSERT", START, END));
        assertEquals(List.of(), drainStream(0));
    }

    @Test
    void theStreamEventSampleParsesAndSyncs() {
        DynamodbEvent event = EventLoader.loadDynamoDbEvent(Path.of("../../events/health-sync/notification-inserted.json").toString());
        links.save(new ProviderLink("runner-1", Provider.GOOGLE_HEALTH, "hu-demo", "valid-token", inAnHour(),
                "refresh-1", "heart-rate", LinkStatus.CONNECTED, 1));
        servePagedSamples("valid-token");
        assertEquals(List.of(), handler.handleRequest(event, null).getBatchItemFailures());
        assertEquals(151, states.find("runner-1").orElseThrow().current());
    }

    @Test
    void aSyncOvertakenOnEveryStateWriteIsReportedFailedAndStoredOnTheStreamsRetry() {
        link("valid-token", inAnHour());
        servePagedSamples("valid-token");
        inbox.recordIfNew(notification("UPSERT", START, END));
        AtomicInteger overtaken = new AtomicInteger();
        handler = handlerWith(googleHealth(), new OvertakenFirst(states, new HeartRateRecorder(samples, states),
                HeartRateRecorder.MAX_ATTEMPTS, overtaken));

        DynamodbEvent firstDelivery = new DynamodbEvent();
        firstDelivery.setRecords(streamRecords());
        assertEquals(List.of(firstDelivery.getRecords().get(0).getDynamodb().getSequenceNumber()),
                handler.handleRequest(firstDelivery, null).getBatchItemFailures().stream()
                        .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList(),
                "gave up on the state: the record is reported for retry");
        assertEquals(HeartRateRecorder.MAX_ATTEMPTS, overtaken.get());
        assertEquals(59, states.find("runner-1").orElseThrow().current(), "the other writers' newest, not ours yet");

        assertEquals(List.of(), drainStream(2), "the stream's retry stores it: nothing lost");
        RunnerHeartRate state = states.find("runner-1").orElseThrow();
        assertEquals(151, state.current());
        assertEquals(60 - HeartRateRecorder.MAX_ATTEMPTS, state.resting(), "the other writers' readings kept");
        google.verify(2, getRequestedFor(urlPathEqualTo(DATA_POINTS)).withQueryParam("pageToken",
                com.github.tomakehurst.wiremock.client.WireMock.absent()));
    }

    @Test
    void aDisconnectDuringTheFetchIsNotUndoneByTheSync() {
        link("valid-token", inAnHour());
        servePagedSamples("valid-token");
        new HeartRateRecorder(samples, states).record("runner-1", states.read("runner-1"),
                List.of(new HeartRateSample(START.minusSeconds(600), 120)), RunnerHeartRate.SOURCE_GOOGLE_HEALTH);
        GoogleHealthClient client = googleHealth();
        handler = handlerWith((token, from, to) -> {
            // the runner disconnects while Google answers (in GoogleHealthConnectFlow's order)
            links.delete("runner-1", Provider.GOOGLE_HEALTH);
            states.clear("runner-1");
            samples.deleteAll("runner-1");
            return client.samplesBetween(token, from, to);
        }, states);
        inbox.recordIfNew(notification("UPSERT", START, END));

        assertEquals(List.of(), drainStream(2), "nothing to retry");
        assertTrue(states.find("runner-1").isEmpty(), "the state stays forgotten");
        assertEquals(List.of(), samples.between("runner-1", START.minusSeconds(3600), END), "and the samples");
    }

    @Test
    void aLateNotificationForAnOlderWindowRaisesTheMaximumButLeavesTheCurrentReading() {
        link("valid-token", inAnHour());
        google.stubFor(get(urlPathEqualTo(DATA_POINTS))
                .willReturn(okJson("{\"dataPoints\":[" + point("2026-11-24T19:10:00Z", 198) + "]}")));
        new HeartRateRecorder(samples, states).record("runner-1", states.read("runner-1"),
                List.of(new HeartRateSample(END.plusSeconds(600), 140)), RunnerHeartRate.SOURCE_MANUAL);
        inbox.recordIfNew(notification("UPSERT", START, END));

        assertEquals(List.of(), drainStream(2));
        RunnerHeartRate state = states.find("runner-1").orElseThrow();
        assertEquals(140, state.current());
        assertEquals(END.plusSeconds(600), state.at());
        assertEquals(RunnerHeartRate.SOURCE_MANUAL, state.source(), "the typed reading is newer: it stays current");
        assertEquals(198, state.max());
        assertEquals(SuggestedTempo.forHeartRate(140, 60, 198), state.suggestedTargetTempo());
    }

    /** The real store, where another writer commits an older, lower reading before each of the first writes. */
    private record OvertakenFirst(DynamoRunnerHeartRates store, HeartRateRecorder otherWriter, int times,
                                  AtomicInteger overtaken) implements RunnerHeartRates {

        @Override
        public StoredHeartRate read(String runnerId) {
            return store.read(runnerId);
        }

        @Override
        public boolean replaceIfVersion(String runnerId, RunnerHeartRate state, long expectedVersion) {
            if (overtaken.get() < times) {
                int n = overtaken.incrementAndGet();
                otherWriter.record(runnerId, store.read(runnerId), List.of(new HeartRateSample(START.minusSeconds(60L * n), 60 - n)),
                        RunnerHeartRate.SOURCE_GOOGLE_HEALTH);
            }
            return store.replaceIfVersion(runnerId, state, expectedVersion);
        }

        @Override
        public void clear(String runnerId) {
            store.clear(runnerId);
        }
    }
}
