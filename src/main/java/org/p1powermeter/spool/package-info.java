/**
 * The outbox between reading and the broker, in plain Java (no Camel): "never lose a reading".
 *
 * <p>{@link org.p1powermeter.spool.DiskSpool} is a bounded, persistent, append-only journal in one directory
 * ({@code [SPOOL] spool_dir}, default {@code ./spool}):
 * <ul>
 * <li>{@code 00000000000000000001.seg}, … segment files named by their first sequence; each record is
 * {@code int length, int crc32c, long sequence, long appendedAtMillis, byte qos, byte retained, short topicLength,
 * topic, payload};</li>
 * <li>{@code acknowledged}: the sequence up to which the broker acknowledged everything (written atomically);</li>
 * <li>{@code lock}: held while a bridge has the spool open.</li>
 * </ul>
 * Appends go through a 64 KiB buffer, written 200 ms after an append ({@link org.p1powermeter.spool.SpoolFlusher}), when a
 * reader catches up, and at close; nothing is fsync'ed per event. After a crash a torn record at the end of a
 * segment is cut off (counted, with a warning). Past {@code spool_max_mb} or {@code spool_max_age_hours} the oldest
 * segment is deleted and its undelivered events counted as dropped.
 *
 * <p>{@link org.p1powermeter.spool.publish.SpoolPublisher} drains the spool in order on one thread over one
 * asynchronous Paho connection with a window of unacknowledged publishes; it connects, backs off and reconnects by
 * itself, and after a lost connection publishes again from the acknowledged position (at-least-once: a duplicate
 * is possible, a loss is not, unless a limit drops events).
 */
package org.p1powermeter.spool;
