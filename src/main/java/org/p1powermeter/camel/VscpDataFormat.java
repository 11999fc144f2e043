package org.p1powermeter.camel;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.paho.PahoConstants;
import org.apache.camel.spi.DataFormat;
import org.apache.camel.spi.DataFormatName;
import org.apache.camel.support.service.ServiceSupport;
import org.p1powermeter.measure.Measurement;
import org.p1powermeter.measure.Sensor;
import org.p1powermeter.vscp.MeterGuid;
import org.p1powermeter.vscp.TopicTemplate;
import org.p1powermeter.vscp.VscpEvent;
import org.p1powermeter.vscp.VscpEventFactory;
import org.p1powermeter.vscp.VscpJson;

/**
 * The VSCP stage: marshals a {@link Measurement} to a VSCP JSON event and sets the MQTT topic header from the
 * template (and the note header). In plain mode ({@code no_vscp}) the payload is the value as a plain number in the
 * meter's unit and the topic is the measurement's note. Unmarshal reads a VSCP JSON event back into a
 * {@link VscpEvent}.
 *
 * <p>The topic of an event depends only on what the factory fixes per sensor (GUID, class, type, sensor index,
 * zone, subzone), so it is rendered once per sensor and kept.
 */
public class VscpDataFormat extends ServiceSupport implements DataFormat, DataFormatName {

    private final VscpEventFactory factory;
    private final TopicTemplate topic;
    private final Function<Sensor, String> notes;
    private final boolean plain;
    private final boolean useTelegramTime;
    private final Clock clock;
    /** The rendered topic of each sensor (by index); filled on first use, a race only renders it twice. */
    private final String[] topicBySensor = new String[Sensor.all().size()];
    /** Fleet mode: the factory and topics of each meter (by {@link P1Constants#METER_ID}); null: one GUID for all. */
    private final Map<String, MeterEvents> meters;

    /** One meter's event factory (its own GUID) and its rendered topics by sensor. */
    private record MeterEvents(VscpEventFactory factory, String[] topicBySensor) {
    }

    /**
     * @param factory the event factory (GUID, sensor index, zone, encoding)
     * @param topic   the topic template ({@code vscp/{xguid}/{xclass}/{xtype}})
     * @param notes   the note of each sensor (the topic in plain mode; M-Bus: per channel)
     * @param plain   true for {@code no_vscp}: plain number payload, note as topic
     * @param useTelegramTime true: the event time is the telegram's ({@code 0-0:1.0.0}); false: time of receipt
     */
    public VscpDataFormat(VscpEventFactory factory, TopicTemplate topic, Function<Sensor, String> notes,
            boolean plain, boolean useTelegramTime, Clock clock) {
        this(factory, topic, notes, plain, useTelegramTime, clock, false);
    }

    /**
     * @param guidPerMeter true ({@code bridge} mode): each meter's events carry that meter's own GUID,
     *                     {@link MeterGuid#of} its {@link P1Constants#METER_ID} header, instead of the factory's
     */
    public VscpDataFormat(VscpEventFactory factory, TopicTemplate topic, Function<Sensor, String> notes,
            boolean plain, boolean useTelegramTime, Clock clock, boolean guidPerMeter) {
        this.meters = guidPerMeter ? new ConcurrentHashMap<>() : null;
        this.factory = factory;
        this.topic = topic;
        this.notes = notes;
        this.plain = plain;
        this.useTelegramTime = useTelegramTime;
        this.clock = clock;
    }

    @Override
    public String getDataFormatName() {
        return "vscp";
    }

    @Override
    public void marshal(Exchange exchange, Object graph, OutputStream stream) throws Exception {
        Measurement m = graph instanceof Measurement given ? given
                : exchange.getContext().getTypeConverter().mandatoryConvertTo(Measurement.class, exchange, graph);
        Message message = exchange.getMessage();
        if (plain) {
            String plainTopic = notes.apply(m.sensor());
            message.setHeader(P1Constants.NOTE, plainTopic);
            message.setHeader(PahoConstants.CAMEL_PAHO_OVERRIDE_TOPIC, plainTopic);
            stream.write(m.meterValuePlain().getBytes(StandardCharsets.US_ASCII));
            return;
        }
        VscpEventFactory events = factory;
        String[] topics = topicBySensor;
        String meterId = meters == null ? null : message.getHeader(P1Constants.METER_ID, String.class);
        if (meterId != null) {
            MeterEvents meter = meters.computeIfAbsent(meterId, id -> new MeterEvents(
                    factory.withBaseGuid(MeterGuid.of(id)), new String[Sensor.all().size()]));
            events = meter.factory();
            topics = meter.topicBySensor();
        }
        VscpEvent event = events.create(m, clock.instant(), useTelegramTime);
        int sensor = Sensor.indexOf(m.type(), m.channel());
        String eventTopic = topics[sensor];
        if (eventTopic == null) {
            eventTopic = topic.render(event);
            topics[sensor] = eventTopic;
        }
        message.setHeader(P1Constants.NOTE, event.note());
        message.setHeader(PahoConstants.CAMEL_PAHO_OVERRIDE_TOPIC, eventTopic);
        stream.write(VscpJson.toJsonBytes(event));
    }

    @Override
    public Object unmarshal(Exchange exchange, InputStream stream) throws Exception {
        return VscpJson.fromJson(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
    }
}
