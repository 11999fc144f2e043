package org.p1powermeter.camel.fleet;

import java.util.List;
import org.apache.camel.builder.RouteBuilder;

/**
 * The fleet's routes, beside the shipped bridge route ({@code routes/p1-bridge.camel.yaml}):
 *
 * <ul>
 * <li>{@link #ingest}: one route per source URI (a serial port, a capture, one TCP dongle each):
 * source → {@code telegramRecordProcessor} → the Kafka producer endpoint. Ids {@code p1-ingest},
 * {@code p1-ingest-2}, …</li>
 * <li>{@link #bridge}: the Kafka consumer → {@code kafkaTelegramReader} → {@code direct:p1-telegrams}, which is the
 * bridge route's {@code p1.source} in bridge mode: parse, split, filters, VSCP and the sinks run as in standalone,
 * with whatever stages the route has.</li>
 * </ul>
 *
 * No error handler: a failure goes back to the source (counted per source) or to the Kafka consumer (which does not
 * commit the record and reads it again).
 */
public final class FleetRoutes extends RouteBuilder {

    /** The bridge route's source in bridge mode. */
    public static final String TELEGRAMS = "direct:p1-telegrams";
    public static final String RECORD_PROCESSOR = "telegramRecordProcessor";
    public static final String READER = "kafkaTelegramReader";

    private final List<String> sources;
    private final String kafkaUri;

    private FleetRoutes(List<String> sources, String kafkaUri) {
        this.sources = List.copyOf(sources);
        this.kafkaUri = kafkaUri;
    }

    /** Ingest: each of {@code sources} into the producer endpoint {@code kafkaUri}. */
    public static FleetRoutes ingest(List<String> sources, String kafkaUri) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("ingest needs at least one source");
        }
        return new FleetRoutes(sources, kafkaUri);
    }

    /** Bridge: the consumer endpoint {@code kafkaUri} into {@link #TELEGRAMS}. */
    public static FleetRoutes bridge(String kafkaUri) {
        return new FleetRoutes(List.of(), kafkaUri);
    }

    @Override
    public void configure() {
        if (sources.isEmpty()) {
            from(kafkaUri).routeId("p1-kafka").errorHandler(noErrorHandler())
                    .process(READER)
                    .to(TELEGRAMS);
            return;
        }
        for (int i = 0; i < sources.size(); i++) {
            from(sources.get(i)).routeId(i == 0 ? "p1-ingest" : "p1-ingest-" + (i + 1)).errorHandler(noErrorHandler())
                    .process(RECORD_PROCESSOR)
                    .to(kafkaUri);
        }
    }
}
