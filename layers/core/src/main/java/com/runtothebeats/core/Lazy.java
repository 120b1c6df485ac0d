package com.runtothebeats.core;

import java.util.function.Supplier;

/**
 * A value built on first use and kept: what a function container builds once (an SDK client, the loaded
 * recommender) but not before something needs it. A build that throws keeps nothing, so the next caller
 * tries again (a catalog not yet harvested is loaded by the first request after it is).
 */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<? extends T> build;
    private volatile T value;

    private Lazy(Supplier<? extends T> build) {
        this.build = build;
    }

    public static <T> Lazy<T> of(Supplier<? extends T> build) {
        return new Lazy<>(build);
    }

    @Override
    public T get() {
        T result = value;
        if (result == null) {
            synchronized (this) {
                result = value;
                if (result == null) {
                    result = build.get();
                    value = result;
                }
            }
        }
        return result;
    }
}
