package org.p1powermeter.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.p1powermeter.app.config.BridgeSettings;
import org.p1powermeter.app.config.ConfigException;
import org.p1powermeter.camel.source.PortDetector;

/**
 * {@code java -jar p1-power-meter.jar}: the command line of the Python script {@code mqtt-p1-power-meter.py}
 * (same flags, same config.ini) and a few more. Exit codes: 0 done, 1 a run that failed (nothing delivered in
 * one-shot mode, no valid telegram in the input), 2 usage or configuration error (nothing was started).
 */
public final class P1PowerMeter {

    private P1PowerMeter() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.exit(code);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli;
        try {
            cli = CommandLine.parse(args);
        } catch (ConfigException e) {
            e.problems().forEach(p -> err.println("p1-power-meter: " + p));
            err.println("Try 'p1-power-meter --help'.");
            return ConfigException.EXIT_CODE;
        }
        if (cli.help()) {
            out.print(CommandLine.usage());
            return 0;
        }
        if (cli.listPorts()) {
            try {
                List<String> ports = PortDetector.describePorts();
                out.println(ports.isEmpty() ? "No serial ports found." : String.join(System.lineSeparator(), ports));
                return 0;
            } catch (RuntimeException | LinkageError e) { // jSerialComm's native library did not load
                err.println("p1-power-meter: cannot list the serial ports: " + e);
                return 1;
            }
        }
        Logging.configure(cli.verbose(), cli.debug());
        BridgeSettings settings;
        try {
            settings = cli.loadSettings(System.getenv(), Path.of(""));
        } catch (ConfigException e) {
            e.problems().forEach(p -> err.println("p1-power-meter: " + p));
            return ConfigException.EXIT_CODE;
        }
        settings.warnings().forEach(w -> err.println("p1-power-meter: warning: " + w));
        if (cli.debug()) {
            settings.describe().forEach(line -> err.println("setting " + line));
        }
        try {
            return new BridgeRunner(cli, settings, out).run();
        } catch (ConfigException e) {
            e.problems().forEach(p -> err.println("p1-power-meter: " + p));
            return ConfigException.EXIT_CODE;
        } catch (Exception e) {
            err.println("p1-power-meter: " + e);
            return 1;
        }
    }
}
