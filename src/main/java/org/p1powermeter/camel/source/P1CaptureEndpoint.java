package org.p1powermeter.camel.source;

import java.io.InputStream;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.p1powermeter.camel.P1Constants;

/** Reads P1 telegrams from a capture file, standard input or a stream bean; ends at end of input. */
@UriEndpoint(firstVersion = "0.1.0", scheme = "p1capture", title = "P1 capture file", syntax = "p1capture:path",
        consumerOnly = true, category = {Category.IOT}, headersClass = P1Constants.class)
public class P1CaptureEndpoint extends TelegramSourceEndpoint {

    @UriPath(description = "Capture file path, or - for standard input")
    @Metadata(required = true)
    private final String path;
    @UriParam(defaultValue = "0", description = "Milliseconds to wait before each telegram (a paced replay); 0 = as fast as possible")
    private long interval;
    @UriParam(description = "An InputStream to read instead of the path (e.g. a simulated meter)")
    private InputStream input;

    public P1CaptureEndpoint(String uri, P1CaptureComponent component, String path) {
        super(uri, component);
        this.path = path;
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        P1CaptureConsumer consumer = new P1CaptureConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    public String getPath() {
        return path;
    }

    public long getInterval() {
        return interval;
    }

    /** Milliseconds to wait before each telegram (a paced replay); 0 = as fast as possible. */
    public void setInterval(long interval) {
        this.interval = interval;
    }

    public InputStream getInput() {
        return input;
    }

    /** An InputStream to read instead of the path (e.g. a simulated meter). */
    public void setInput(InputStream input) {
        this.input = input;
    }
}
