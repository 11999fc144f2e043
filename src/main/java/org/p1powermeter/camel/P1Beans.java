package org.p1powermeter.camel;

import java.util.function.BiConsumer;
import org.apache.camel.spi.Registry;

/**
 * The beans the shipped route {@code routes/p1-bridge.camel.yaml} names, under the names it uses. The app binds
 * them; a host Camel runtime builds the same record from its own settings, calls {@link #bindTo(Registry)} and
 * includes {@code classpath:routes/p1-bridge.camel.yaml} (with the properties {@code p1.source} and
 * {@code p1.sinks} set).
 */
public record P1Beans(P1TelegramProcessor telegrams, SendGroupFilter sendFlags, VscpDataFormat vscp,
        ConsolePrinter console, DryRunPrinter printer) {

    public static final String TELEGRAMS = "p1TelegramProcessor";
    public static final String SEND_FLAGS = "sendGroupFilter";
    public static final String HEADERS = "measurementHeaders";
    public static final String VSCP = "vscpDataFormat";
    public static final String CONSOLE = "consolePrinter";
    public static final String PRINTER = "dryRunPrinter";
    /** The {@link org.p1powermeter.metrics.P1Metrics} the parse stage and the source count into. */
    public static final String METRICS = "p1Metrics";

    /** The route file of the bridge, on the classpath. */
    public static final String ROUTE = "classpath:routes/p1-bridge.camel.yaml";

    public void bindTo(Registry registry) {
        bind(registry::bind);
    }

    /** Binds each bean with {@code binder} (e.g. camel-main's {@code Main::bind} before the context exists). */
    public void bind(BiConsumer<String, Object> binder) {
        binder.accept(TELEGRAMS, telegrams);
        binder.accept(HEADERS, new MeasurementHeaders());
        binder.accept(SEND_FLAGS, sendFlags);
        binder.accept(VSCP, vscp);
        binder.accept(CONSOLE, console);
        binder.accept(PRINTER, printer);
        binder.accept(METRICS, telegrams.metrics());
    }
}
