package org.p1powermeter.camel;

import org.apache.camel.spi.Registry;

/**
 * The beans the shipped route {@code routes/p1-bridge.camel.yaml} names, under the names it uses. The app binds
 * them; a host Camel runtime builds the same record from its own settings, calls {@link #bindTo(Registry)} and
 * includes {@code classpath:routes/p1-bridge.camel.yaml} (with the properties {@code p1.source} and
 * {@code p1.sinks} set).
 */
public record P1Beans(P1TelegramProcessor telegrams, SendGroupFilter sendFlags, VscpDataFormat vscp,
        ConsolePrinter console, DryRunPrinter printer) {

    public static final String TELEGRAMS = "p1Telegrams";
    public static final String SEND_FLAGS = "p1SendFlags";
    public static final String VSCP = "vscp";
    public static final String CONSOLE = "p1Console";
    public static final String PRINTER = "p1Printer";

    /** The route file of the bridge, on the classpath. */
    public static final String ROUTE = "classpath:routes/p1-bridge.camel.yaml";

    public void bindTo(Registry registry) {
        registry.bind(TELEGRAMS, telegrams);
        registry.bind(SEND_FLAGS, sendFlags);
        registry.bind(VSCP, vscp);
        registry.bind(CONSOLE, console);
        registry.bind(PRINTER, printer);
    }
}
