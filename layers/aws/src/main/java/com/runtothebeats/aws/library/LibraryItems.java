package com.runtothebeats.aws.library;

import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.catalog.FlowFeature;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Features as item attributes, shared by the feature cache and the runners' libraries: {@code tempo}, {@code key},
 * {@code mode} and each flow feature under its column name, an unknown (NaN) flow feature simply absent.
 */
final class LibraryItems {

    private LibraryItems() {
    }

    static Map<String, AttributeValue> features(AudioFeatures f) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("tempo", number(f.tempo()));
        item.put("key", AttributeValue.fromN(Integer.toString(f.key())));
        item.put("mode", AttributeValue.fromN(Integer.toString(f.mode())));
        for (FlowFeature feature : FlowFeature.values()) {
            double value = f.value(feature);
            if (Double.isFinite(value)) {
                item.put(feature.columnName(), number(value));
            }
        }
        return item;
    }

    /** @param durationMs what the features' duration is (the providers' features have none; Spotify's listing does) */
    static AudioFeatures features(Map<String, AttributeValue> item, long durationMs) {
        double[] flow = new double[FlowFeature.COUNT];
        FlowFeature[] all = FlowFeature.values();
        for (int j = 0; j < all.length; j++) {
            AttributeValue value = item.get(all[j].columnName());
            flow[j] = value == null || value.n() == null ? Double.NaN : Double.parseDouble(value.n());
        }
        return new AudioFeatures(flow[0], flow[1], flow[2], flow[3], flow[4], flow[5], flow[6], flow[7],
                Integer.parseInt(item.get("key").n()), Integer.parseInt(item.get("mode").n()),
                Double.parseDouble(item.get("tempo").n()), durationMs);
    }

    static AttributeValue number(double value) {
        return AttributeValue.fromN(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static long longOf(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
