package org.p1powermeter.spool.publish;

/** Where the publisher's connection to the broker stands. */
public enum LinkState {
    /** Not connected yet (first attempt under way). */
    CONNECTING,
    /** Connected; spooled events are being published. */
    CONNECTED,
    /** The broker cannot be reached or dropped the connection; retrying with backoff, events stay spooled. */
    BROKER_DOWN,
    /** The broker refused the login (bad user name or password, or not authorized); retrying with a long backoff. */
    AUTH_FAILED,
    /** Closed. */
    STOPPED
}
