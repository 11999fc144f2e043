package org.p1powermeter.camel;

import java.util.EnumSet;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.p1powermeter.measure.Measurement;
import org.p1powermeter.measure.SendGroup;

/** The {@code send_*} flags: lets through the measurements whose group is enabled. */
public class SendGroupFilter implements Predicate {

    private final Set<SendGroup> enabled;

    public SendGroupFilter(Set<SendGroup> enabled) {
        this.enabled = enabled.isEmpty() ? EnumSet.noneOf(SendGroup.class) : EnumSet.copyOf(enabled);
    }

    @Override
    public boolean matches(Exchange exchange) {
        Measurement m = exchange.getMessage().getBody(Measurement.class);
        return m != null && enabled.contains(m.type().group());
    }

    public Set<SendGroup> enabled() {
        return EnumSet.copyOf(enabled);
    }
}
