package com.runtothebeats.core.identity;

import java.time.Instant;
import java.util.Optional;

/**
 * Runner profiles (the runners table in AWS). Other areas keep their own attributes on the same item
 * (heart-rate state), so implementations update only the profile attributes and never replace the item.
 */
public interface RunnerStore {

    Optional<Runner> find(String runnerId);

    /** Creates the runner or refreshes their display name; {@code createdAt} is kept from the first call. */
    Runner saveProfile(String runnerId, String displayName, Instant now);
}
