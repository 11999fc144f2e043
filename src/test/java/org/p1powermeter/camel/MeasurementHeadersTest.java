package org.p1powermeter.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.p1powermeter.measure.Measurement;
import org.p1powermeter.measure.MeasurementType;

class MeasurementHeadersTest {

    private static Exchange process(Measurement m) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(m);
            new MeasurementHeaders().process(exchange);
            return exchange;
        }
    }

    @Test
    void anElectricityMeasurementIsNamedByItsTableRow() throws Exception {
        MeasurementType row = MeasurementType.MOMENTAN_ACTIVE_EFFECT_OUT;
        Exchange e = process(new Measurement(row, row.obis(), new BigDecimal("1.234"), new BigDecimal("1234"), 0, null));
        assertEquals("momentan_active_effect_out", e.getMessage().getHeader(P1Constants.MEASUREMENT_NAME));
        assertEquals("1-0:1.7.0", e.getMessage().getHeader(P1Constants.OBIS));
        assertEquals("active_effect", e.getMessage().getHeader(P1Constants.SEND_GROUP));
    }

    @Test
    void anMbusMeasurementCarriesItsChannelInNameAndObis() throws Exception {
        MeasurementType row = MeasurementType.GAS_VOLUME;
        Exchange e = process(new Measurement(row, row.obis().withB(2), BigDecimal.ONE, BigDecimal.ONE, 2, null));
        assertEquals("gas_volume_2", e.getMessage().getHeader(P1Constants.MEASUREMENT_NAME));
        assertEquals("0-2:24.2.1", e.getMessage().getHeader(P1Constants.OBIS));
        assertEquals("mbus", e.getMessage().getHeader(P1Constants.SEND_GROUP));
    }
}
