package org.p1powermeter.spool;

/** What {@link DiskSpool#append} does when the spool holds its size limit. */
public enum WhenFull {
    /** Wait until the broker took enough to make room: for a source that can wait (a file, a pipe, MQTT input). */
    WAIT,
    /** Drop the oldest segment (whole telegrams), counted, with a warning: for a live meter, which cannot wait. */
    DROP_OLDEST
}
