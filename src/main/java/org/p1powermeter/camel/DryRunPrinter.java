package org.p1powermeter.camel;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.paho.PahoConstants;

/**
 * The {@code -n} sink: prints each event as one JSON line {@code {"topic": "...", "payload": ...}} on stdout
 * (the payload is the event object, or the plain number in {@code no_vscp} mode).
 */
public class DryRunPrinter implements Processor {

    private final PrintStream out;

    public DryRunPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void process(Exchange exchange) {
        String topic = exchange.getMessage().getHeader(PahoConstants.CAMEL_PAHO_OVERRIDE_TOPIC, String.class);
        String payload = new String(exchange.getMessage().getBody(byte[].class), StandardCharsets.UTF_8);
        String line = "{\"topic\": \"" + new String(JsonStringEncoder.getInstance().quoteAsString(topic)) + "\", \"payload\": "
                + (isJsonValue(payload) ? payload : "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(payload)) + "\"")
                + "}";
        synchronized (out) {
            out.println(line);
        }
    }

    /** A VSCP event, a Home Assistant config or state, or a plain number; else (a status word, an empty removal) a string. */
    private static boolean isJsonValue(String payload) {
        if (payload.isEmpty()) {
            return false;
        }
        char c = payload.charAt(0);
        return c == '{' || c == '[' || c == '-' || (c >= '0' && c <= '9');
    }
}
