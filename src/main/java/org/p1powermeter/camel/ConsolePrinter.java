package org.p1powermeter.camel;

import java.io.PrintStream;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** The {@code -v} line before each publish: {@code Sending… <note>} (the Python script's verbose output). */
public class ConsolePrinter implements Processor {

    private final boolean verbose;
    private final PrintStream out;

    public ConsolePrinter(boolean verbose, PrintStream out) {
        this.verbose = verbose;
        this.out = out;
    }

    @Override
    public void process(Exchange exchange) {
        if (verbose) {
            out.println("Sending\u2026 " + exchange.getMessage().getHeader(P1Constants.NOTE, String.class));
        }
    }
}
