package com.runtothebeats.core.identity;

import java.util.Optional;

/**
 * A link's stored status, read without its tokens: what a page shows needs no credential, so the function that
 * shows it holds no key that could open one (docs/security.md, "Least privilege").
 */
public interface LinkStatuses {

    /** The status stored with the runner's link at that provider; empty when there is no link. */
    Optional<LinkStatus> status(String runnerId, Provider provider);
}
