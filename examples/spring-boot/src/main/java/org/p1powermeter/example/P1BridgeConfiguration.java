package org.p1powermeter.example;

import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumSet;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.p1powermeter.camel.ConsolePrinter;
import org.p1powermeter.camel.DryRunPrinter;
import org.p1powermeter.camel.P1Beans;
import org.p1powermeter.camel.P1TelegramProcessor;
import org.p1powermeter.camel.SendGroupFilter;
import org.p1powermeter.camel.VscpDataFormat;
import org.p1powermeter.camel.health.P1HealthChecks;
import org.p1powermeter.measure.MeasurementExtractor;
import org.p1powermeter.measure.SendGroup;
import org.p1powermeter.measure.Sensor;
import org.p1powermeter.p1.TelegramParser;
import org.p1powermeter.vscp.Guid;
import org.p1powermeter.vscp.SensorSettings;
import org.p1powermeter.vscp.TopicTemplate;
import org.p1powermeter.vscp.VscpEncoding;
import org.p1powermeter.vscp.VscpEventFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans the shipped route names ({@link P1Beans}), built here from the host's own properties ({@code p1.example.*}):
 * the parse stage, the send flags (the Python script's five groups), the VSCP data format (class 1040, the script's
 * topic template and notes) and the console printers. They are bound into Camel's registry before the routes start.
 */
@Configuration
public class P1BridgeConfiguration {

    @Bean
    P1Beans p1Beans(@Value("${p1.example.guid}") String guid, @Value("${p1.example.meter-zone}") String meterZone) {
        ZoneId zone = ZoneId.of(meterZone);
        VscpEventFactory events = new VscpEventFactory(VscpEncoding.MEASUREMENT_STR, 0, 0, Guid.parse(guid),
                SensorSettings::defaultsFor);
        VscpDataFormat vscp = new VscpDataFormat(events, TopicTemplate.parse(TopicTemplate.PYTHON_DEFAULT),
                Sensor::defaultNote, false, true, Clock.systemUTC());
        EnumSet<SendGroup> sent = EnumSet.noneOf(SendGroup.class);
        for (SendGroup group : SendGroup.values()) {
            if (group.isSeed()) {
                sent.add(group);
            }
        }
        return new P1Beans(new P1TelegramProcessor(new TelegramParser(zone), new MeasurementExtractor(zone)),
                new SendGroupFilter(sent), vscp, new ConsolePrinter(false, System.out), new DryRunPrinter(System.out));
    }

    /**
     * Binds the route's beans under the names the route uses, before the routes start, and registers the bridge's
     * camel-health checks (here the meter source's) in the host's health-check registry.
     */
    @Bean
    CamelContextConfiguration p1BeansInCamel(P1Beans beans) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(org.apache.camel.CamelContext context) {
                beans.bindTo(context.getRegistry());
                HealthCheckRegistry.get(context).register(P1HealthChecks.sourceOnly(beans.telegrams().metrics()));
            }

            @Override
            public void afterApplicationStart(org.apache.camel.CamelContext context) {
                // nothing
            }
        };
    }
}
