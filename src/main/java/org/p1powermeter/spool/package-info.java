/**
 * The outbox between reading and the broker, in plain Java (no Camel): "never lose a reading".
 *
 * <p>{@link org.p1powermeter.spool.DiskSpool} is a bounded, persistent, append-only journal in one directory
 * ({@code [SPOOL] spool_dir}, default {@code ./spool}):
 * <ul>
 * <li>{@code 00000000000000000001.seg}, … segment files named by their first sequence; each holds blocks, one per
 * telegram ({@link org.p1powermeter.spool.RecordCodec}: {@code int length, int crc32c}, the block's first sequence,
 * time and count, and its messages deflated with the previous block as dictionary);</li>
 * <li>{@code acknowledged}: the sequence up to which the broker acknowledged everything (two checksummed slots);</li>
 * <li>{@code lock}: held while a bridge has the spool open.</li>
 * </ul>
 * A telegram's block is written (one positional write, no fsync) as soon as its last event is appended; the
 * flusher ({@link org.p1powermeter.spool.SpoolFlusher}) seals a block left open, writes the acknowledged position
 * and retries writes the disk refused. After a crash a torn block at the end of a segment is cut off (counted, with a
 * warning). A disk that refuses writes never damages what is written: refused blocks are held in memory up to a
 * bound, then whole telegrams are dropped and counted. At {@code spool_max_mb} the writer waits for room
 * ({@link org.p1powermeter.spool.WhenFull#WAIT}, a capture file or stdin) or the oldest segment is deleted and its
 * undelivered events counted as dropped (a live meter); past {@code spool_max_age_hours} the oldest segments go.
 * docs/spool-storage.md says why these files and not H2 MVStore.
 *
 * <p>{@link org.p1powermeter.spool.publish.SpoolPublisher} drains the spool in order on one thread over one
 * asynchronous Paho connection with a window of unacknowledged publishes; it connects, backs off (0.5 to 2 s) and
 * reconnects by itself, and after a lost connection publishes again from the acknowledged position (at-least-once:
 * a duplicate is possible, a loss is not, unless a limit drops events).
 */
package org.p1powermeter.spool;
