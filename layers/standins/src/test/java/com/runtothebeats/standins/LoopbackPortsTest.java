package com.runtothebeats.standins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

    @Test
    void twoHundredStackStartsWorthOfPortsAreNeverTheSameTwice() {
        // a stack start asks for three listeners (DynamoDB Local, S3 HTTP, S3 HTTPS): 200 starts, 600 ports
        Set<Integer> seen = new HashSet<>();
        for (int start = 0; start < 200; start++) {
            int dynamo = LoopbackPorts.free();
            int http = LoopbackPorts.free();
            int https = LoopbackPorts.free();
            assertNotEquals(http, https, "start " + start);
            assertTrue(seen.add(dynamo) && seen.add(http) && seen.add(https), "start " + start + " reused a port");
        }
    }

    @Test
    void threadsAskingAtOnceGetDistinctPorts() {
        Set<Integer> ports = ConcurrentHashMap.newKeySet();
        int asked = IntStream.range(0, 400).parallel().map(i -> {
            ports.add(LoopbackPorts.free());
            return 1;
        }).sum();
        assertEquals(asked, ports.size());
    }
}
