package org.p1powermeter.metrics;

import java.util.Map;

/**
 * The JMX view of {@link P1Metrics}, registered as {@value P1Metrics#OBJECT_NAME}. An MXBean: every attribute is
 * an open type (maps become tabular data), so jconsole, jmxterm or a Jolokia agent read it without our classes.
 */
public interface P1MetricsMXBean {

    /** True while the source delivers telegrams (serial port open and not silent). */
    boolean isHealthy();

    /** The source's state: STARTING, CONNECTING, OPEN, ABSENT, LOST, SILENT, CLOSED (capture sources: OPEN/CLOSED). */
    String getPortState();

    /** Why the source is in its state, e.g. "cannot open (error 2); retrying". */
    String getPortStateDetail();

    /** When the source entered its state (ISO-8601 UTC). */
    String getPortStateSince();

    /** Times the serial port was opened again after it was lost, silent or absent. */
    long getReconnects();

    long getTelegramsOk();

    /** Telegrams whose route ended with an exception (the other telegrams are unaffected). */
    long getTelegramsFailed();

    /**
     * Telegram drops per reason (NOISE, TRUNCATED, OVERSIZE, CRC_MISMATCH, CRC_MISSING, MALFORMED_TRAILER from the
     * framer; UNVERIFIED_MALFORMED from the parse stage).
     */
    Map<String, Long> getDropped();

    /** Bytes dropped by the framer per reason. */
    Map<String, Long> getDroppedBytes();

    /** Lines of valid telegrams the parser skipped (the rest of each telegram was kept). */
    long getParseIssues();

    /** Table lines not turned into measurements, per reason (EMPTY_VALUE, NOT_A_NUMBER, …, VALUE_OUT_OF_RANGE). */
    Map<String, Long> getSkipped();

    /** Lines whose OBIS id the bridge does not know (not in the measurement or text table), per id. */
    Map<String, Long> getUnknownObis();

    /** Events the broker acknowledged (the spool's count; 0 without an MQTT sink). */
    long getEventsDelivered();

    /** Events the spool dropped undelivered (full or too old). */
    long getEventsDropped();

    /** Events in the spool waiting for the broker. */
    long getEventsWaiting();

    /** The link to the broker: CONNECTING, CONNECTED, BROKER_DOWN, AUTH_FAILED, STOPPED; NONE without an MQTT sink. */
    String getBrokerLink();

    /** One line with every counter that is not zero. */
    String getSummary();

    /** Encrypted frames that gave no telegram, per reason (WRONG_KEY, TAG_MISMATCH, COUNTER_BACKWARDS, TRUNCATED, MALFORMED). */
    Map<String, Long> getDecryptFailures();
}
