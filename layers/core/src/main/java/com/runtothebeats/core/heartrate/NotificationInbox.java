package com.runtothebeats.core.heartrate;

/** Received webhook notifications, stored before they are answered and processed later. */
public interface NotificationInbox {

    /** Stores the notification unless one with the same key was stored before; true when it is new. */
    boolean recordIfNew(DataChangeNotification notification);
}
