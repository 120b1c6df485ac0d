package com.runtothebeats.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {

    @Test
    void buildsOnFirstUseOnlyAndKeepsTheValue() {
        AtomicInteger builds = new AtomicInteger();
        Lazy<StringBuilder> lazy = Lazy.of(() -> {
            builds.incrementAndGet();
            return new StringBuilder("catalog");
        });
        assertEquals(0, builds.get(), "nothing is built before it is needed");
        assertSame(lazy.get(), lazy.get());
        assertEquals(1, builds.get());
    }

    @Test
    void aFailedBuildKeepsNothingSoTheNextCallerTriesAgain() {
        AtomicInteger attempts = new AtomicInteger();
        Lazy<String> lazy = Lazy.of(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("the catalog is not harvested yet");
            }
            return "loaded";
        });
        assertThrows(IllegalStateException.class, lazy::get);
        assertEquals("loaded", lazy.get());
        assertEquals("loaded", lazy.get());
        assertEquals(2, attempts.get());
    }

    @Test
    void concurrentFirstCallersShareOneBuild() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        Lazy<Object> lazy = Lazy.of(() -> {
            builds.incrementAndGet();
            return new Object();
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return lazy.get();
                }));
            }
            start.countDown();
            Object first = results.get(0).get();
            for (Future<Object> result : results) {
                assertSame(first, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, builds.get());
    }
}
