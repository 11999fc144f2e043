package org.p1powermeter.camel;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.paho.PahoConstants;
import org.apache.camel.spi.DataFormat;
import org.apache.camel.spi.DataFormatName;
import org.apache.camel.support.service.ServiceSupport;
import org.p1powermeter.measure.Measurement;
import org.p1powermeter.measure.MeasurementType;
import org.p1powermeter.vscp.TopicTemplate;
import org.p1powermeter.vscp.VscpEvent;
import org.p1powermeter.vscp.VscpEventFactory;
import org.p1powermeter.vscp.VscpJson;

/**
 * The VSCP stage: marshals a {@link Measurement} to a VSCP JSON event and sets the MQTT topic header from the
 * template. In plain mode ({@code no_vscp}) the payload is the value as a plain number in the meter's unit and
 * the topic is the measurement's note. Unmarshal reads a VSCP JSON event back into a {@link VscpEvent}.
 */
public class VscpDataFormat extends ServiceSupport implements DataFormat, DataFormatName {

    private final VscpEventFactory factory;
    private final TopicTemplate topic;
    private final Function<MeasurementType, String> notes;
    private final boolean plain;
    private final boolean useTelegramTime;
    private final Clock clock;

    /**
     * @param factory the event factory (GUID, sensor index, zone, encoding)
     * @param topic   the topic template ({@code vscp/{xguid}/{xclass}/{xtype}})
     * @param notes   the note of each measurement (the topic in plain mode)
     * @param plain   true for {@code no_vscp}: plain number payload, note as topic
     * @param useTelegramTime true: the event time is the telegram's ({@code 0-0:1.0.0}); false: time of receipt
     */
    public VscpDataFormat(VscpEventFactory factory, TopicTemplate topic, Function<MeasurementType, String> notes,
            boolean plain, boolean useTelegramTime, Clock clock) {
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
        Measurement m = exchange.getContext().getTypeConverter().mandatoryConvertTo(Measurement.class, exchange, graph);
        Message message = exchange.getMessage();
        String note = notes.apply(m.type());
        message.setHeader(P1Constants.MEASUREMENT_NAME, m.name());
        message.setHeader(P1Constants.OBIS, m.obis().toString());
        message.setHeader(P1Constants.SEND_GROUP, m.type().group().id());
        if (plain) {
            String plainTopic = m.channel() == 0 ? note : note + " " + m.channel();
            message.setHeader(P1Constants.NOTE, plainTopic);
            message.setHeader(PahoConstants.CAMEL_PAHO_OVERRIDE_TOPIC, plainTopic);
            stream.write(m.meterValuePlain().getBytes(StandardCharsets.US_ASCII));
            return;
        }
        VscpEvent event = factory.create(m, clock.instant(), useTelegramTime);
        message.setHeader(P1Constants.NOTE, event.note());
        message.setHeader(PahoConstants.CAMEL_PAHO_OVERRIDE_TOPIC, topic.render(event));
        stream.write(VscpJson.toJsonBytes(event));
    }

    @Override
    public Object unmarshal(Exchange exchange, InputStream stream) throws Exception {
        return VscpJson.fromJson(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
    }
}
