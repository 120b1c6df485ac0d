package com.runtothebeats.aws.playlist;

import com.runtothebeats.core.catalog.SongKey;
import com.runtothebeats.core.playlist.BannedSongs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Bans in the banned-songs table: pk {@code runnerId}, sk {@code songKey}, with {@code trackId}, {@code name},
 * {@code artist} and {@code bannedAt} (ISO-8601). One query lists a runner's bans (consistent read: a ban
 * made a moment ago holds for the next playlist).
 */
public final class DynamoBannedSongs implements BannedSongs {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoBannedSongs(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<BannedSong> list(String runnerId) {
        List<BannedSong> out = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("runnerId = :r")
                        .expressionAttributeValues(Map.of(":r", AttributeValue.fromS(runnerId))))
                .items()
                .forEach(item -> out.add(new BannedSong(item.get("songKey").s(), text(item, "trackId"), text(item, "name"),
                        text(item, "artist"), Instant.parse(item.get("bannedAt").s()))));
        out.sort(Comparator.comparing(BannedSong::bannedAt).reversed().thenComparing(BannedSong::songKey));
        return out;
    }

    @Override
    public void ban(String runnerId, BannedSong song) {
        dynamo.putItem(b -> b.tableName(table).item(Map.of(
                "runnerId", AttributeValue.fromS(runnerId),
                "songKey", AttributeValue.fromS(song.songKey()),
                "trackId", AttributeValue.fromS(song.trackId()),
                "name", AttributeValue.fromS(song.name()),
                "artist", AttributeValue.fromS(song.artist()),
                "bannedAt", AttributeValue.fromS(song.bannedAt().toString()))));
    }

    @Override
    public boolean unban(String runnerId, SongKey song) {
        return dynamo.deleteItem(b -> b.tableName(table).returnValues(ReturnValue.ALL_OLD)
                .key(Map.of("runnerId", AttributeValue.fromS(runnerId), "songKey", AttributeValue.fromS(song.toString()))))
                .hasAttributes();
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.s() == null ? "" : v.s();
    }
}
