package org.p1powermeter.camel;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.p1powermeter.measure.MeasurementExtractor;
import org.p1powermeter.measure.MeasurementType;
import org.p1powermeter.measure.Sensor;
import org.p1powermeter.measure.SendGroup;
import org.p1powermeter.p1.FramedResource;
import org.p1powermeter.p1.RawTelegram;
import org.p1powermeter.p1.TelegramParser;
import org.p1powermeter.vscp.Guid;
import org.p1powermeter.vscp.TopicTemplate;
import org.p1powermeter.vscp.VscpEncoding;
import org.p1powermeter.vscp.VscpEventFactory;

/**
 * Loads the shipped route file {@code routes/p1-bridge.camel.yaml} into a plain CamelContext with the beans bound
 * the way an embedding runtime binds them ({@link P1Beans}), the source replaced by {@code direct:telegrams}.
 */
abstract class BridgeRouteTestSupport extends CamelTestSupport {

    static final Guid GUID = Guid.fromMac(new byte[] {(byte) 0xB8, 0x27, (byte) 0xEB, (byte) 0x8B, 0x57, 0x15}, 0);
    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    /** The groups the send filter lets through (override per test class). */
    Set<SendGroup> sentGroups() {
        return EnumSet.of(SendGroup.ENERGY, SendGroup.ACTIVE_EFFECT, SendGroup.REACTIVE_EFFECT, SendGroup.VOLTAGE,
                SendGroup.CURRENT);
    }

    boolean plain() {
        return false;
    }

    /** bridge mode: each meter's events carry its own GUID. */
    boolean guidPerMeter() {
        return false;
    }

    String sinks() {
        return "direct:mqtt";
    }

    final List<String> printed = new ArrayList<>();

    @Override
    public void configureContext(org.apache.camel.test.junit5.CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        Properties props = new Properties();
        props.setProperty("p1.source", "direct:telegrams");
        props.setProperty("p1.sinks", sinks());
        if (!sinks().contains(",")) {
            props.setProperty("p1.sink", sinks()); // as the app does for one sink; several go through direct:p1-sinks
        }
        String mqttUri = mqttUri();
        if (mqttUri != null) {
            props.setProperty("p1.mqtt.uri", mqttUri);
        }
        configuration.withUseOverridePropertiesWithPropertiesComponent(props);
        if (mqttUri == null) {
            configuration.withMockEndpointsAndSkip("p1spool:*");
        }
    }

    /** The MQTT sink URI ({@code p1.mqtt.uri}); null (the default): the route's p1spool: is mocked and skipped. */
    String mqttUri() {
        return null;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        VscpEventFactory factory = VscpEventFactory.withDefaults(VscpEncoding.MEASUREMENT_STR, GUID);
        PrintStream out = new PrintStream(new java.io.OutputStream() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public void write(int b) {
                if (b == '\n') {
                    synchronized (printed) {
                        printed.add(line.toString());
                    }
                    line.setLength(0);
                } else {
                    line.append((char) b);
                }
            }
        }, true, "UTF-8");
        beans(new P1Beans(new P1TelegramProcessor(new TelegramParser(STOCKHOLM), new MeasurementExtractor(STOCKHOLM)),
                new SendGroupFilter(sentGroups()),
                new VscpDataFormat(factory, TopicTemplate.parse(TopicTemplate.PYTHON_DEFAULT), Sensor::defaultNote,
                        plain(), true, Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC), guidPerMeter()),
                new ConsolePrinter(false, out), new DryRunPrinter(out))).bindTo(context.getRegistry());
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveResource(context, P1Beans.ROUTE));
        return context;
    }

    /** The beans bound (override to add the rate or Home Assistant stage); by default every telegram, no HA. */
    P1Beans beans(P1Beans defaults) {
        return defaults;
    }

    /** The bundled Swedish telegram (all 26 measurements of the Python script), framed as the source would. */
    static RawTelegram swedishTelegram() throws IOException {
        return frame("/demo/sweden-ellevio.telegram");
    }

    static RawTelegram frame(String resource) {
        return FramedResource.frame(resource);
    }
}
