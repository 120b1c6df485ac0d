package com.runtothebeats.providers.reccobeats;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * ReccoBeats' {@code /audio-features} as reported: {@code {"content":[…]}} with its own ids, the Spotify id
 * only inside {@code href}, unknown tracks left out, and (to make order-based matching fail) results in
 * reverse order. Tempo is 120 + the track's number, key its number mod 12.
 */
public final class ReccoBeatsStandIn implements ResponseTransformerV2 {

    public static final String NAME = "reccobeats-audio-features";

    @Override
    public Response transform(Response response, ServeEvent event) {
        String unknown = event.getTransformerParameters().getString("unknown", "");
        List<String> ids = Arrays.asList(event.getRequest().queryParameter("ids").firstValue().split(","));
        List<String> entries = new ArrayList<>();
        for (String id : ids) {
            if (!unknown.isEmpty() && id.matches(unknown)) {
                continue;
            }
            int n = Integer.parseInt(id.replaceAll("\\D", "").isEmpty() ? "0" : id.replaceAll("\\D", "")) % 1000;
            entries.add("{\"id\":\"rb-" + n + "\",\"href\":\"https://open.spotify.com/track/" + id + "\","
                    + "\"acousticness\":0.1,\"danceability\":0.7,\"energy\":0.8,\"instrumentalness\":0.0,\"key\":" + (n % 12) + ","
                    + "\"liveness\":0.1,\"loudness\":-5.5,\"mode\":1,\"speechiness\":0.05,\"tempo\":" + (120 + n) + ".0,\"valence\":0.6}");
        }
        Collections.reverse(entries);
        return Response.Builder.like(response).but().body("{\"content\":[" + String.join(",", entries) + "]}").build();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
