package com.runtothebeats.core.catalog;

import com.runtothebeats.core.validation.InvalidInputException;

/** A dataset row whose values cannot describe a track; carries the reason Transform counts it under. */
public class InvalidRowException extends InvalidInputException {

    private final DropReason reason;

    public InvalidRowException(DropReason reason, DatasetColumn column, String message) {
        super(column.header(), message);
        this.reason = reason;
    }

    public DropReason reason() {
        return reason;
    }
}
