package org.p1powermeter.camel.fleet;

import org.apache.camel.spi.Metadata;

/** Names of the fleet's Kafka record headers and Camel headers ({@code [GENERAL] mode} ingest and bridge). */
public final class FleetConstants {

    /** Kafka record header (UTF-8 text): the source the ingest instance read the telegram from. */
    public static final String RECORD_SOURCE = "p1.source";
    /** Kafka record header (UTF-8 text): when the ingest instance framed the telegram, ISO-8601 UTC. */
    public static final String RECORD_RECEIVED_AT = "p1.receivedAt";

    @Metadata(description = "True on the meter's first telegram on this bridge instance since it started or since"
            + " the meter's partition moved here: per-meter state starts afresh and the telegram publishes at once",
            javaType = "boolean")
    public static final String METER_FIRST = "CamelP1MeterFirst";

    private FleetConstants() {
    }
}
