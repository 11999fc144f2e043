package org.p1powermeter.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * A sink that fails for one event costs that event only: every other event of the telegram still reaches every
 * sink, and the failure comes back to the source (which logs it with the telegram's number).
 */
class BridgeRouteFailingSinkTest extends BridgeRouteTestSupport {

    @Override
    String sinks() {
        return "direct:mqtt,direct:fussy";
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:fussy").routeId("fussy").process(e -> {
                    if ("voltage_l1".equals(e.getMessage().getHeader(P1Constants.MEASUREMENT_NAME))) {
                        throw new IllegalStateException("the fussy sink refuses voltage_l1");
                    }
                }).to("mock:fussy");
            }
        };
    }

    @Test
    void theOtherEventsOfTheTelegramStillReachEverySink() throws Exception {
        MockEndpoint mqtt = getMockEndpoint("mock:p1spool:p1");
        MockEndpoint fussy = getMockEndpoint("mock:fussy");
        mqtt.expectedMessageCount(26);
        fussy.expectedMessageCount(25);
        CamelExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(CamelExecutionException.class,
                () -> template.sendBody("direct:telegrams", swedishTelegram()));
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("voltage_l1"));
        mqtt.assertIsSatisfied();
        fussy.assertIsSatisfied();
        List<Object> names = fussy.getExchanges().stream()
                .map(x -> x.getMessage().getHeader(P1Constants.MEASUREMENT_NAME)).map(Object.class::cast).toList();
        assertEquals(25, names.size());
        assertTrue(!names.contains("voltage_l1") && names.contains("voltage_l2"), names.toString());
    }
}
