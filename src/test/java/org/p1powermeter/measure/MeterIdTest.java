package org.p1powermeter.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.p1powermeter.p1.FramedResource;
import org.p1powermeter.p1.ObisId;
import org.p1powermeter.p1.RawTelegram;
import org.p1powermeter.p1.Telegram;
import org.p1powermeter.p1.TelegramParser;

/** The meter id of real telegrams: 0-0:96.1.1, else 0-0:42.0.0, else 0-0:96.1.0, else 0-0:96.1.255, hex-decoded. */
class MeterIdTest {

    private final TelegramParser parser = new TelegramParser(ZoneId.of("Europe/Amsterdam"));

    private Telegram corpus(String file) {
        return parser.parse(FramedResource.frame("/corpus/dsmr_parser/" + file));
    }

    @Test
    void dsmr5EquipmentIdIsHexDecoded() {
        assertEquals(Optional.of("K8EG004046395507"), MeterId.of(corpus("v5_iskra_mt382_1000.txt")));
    }

    @Test
    void aMeterWithoutEquipmentIdIsKnownByItsLogicalDeviceName() {
        Telegram hungarian = corpus("hu_eon_sag_meter.txt");
        assertEquals(null, hungarian.get(new ObisId(0, 0, 96, 1, 1)));
        assertEquals(Optional.of("SAG3082200002160"), MeterId.of(hungarian), "0-0:42.0.0 comes before 0-0:96.1.0");
    }

    @Test
    void aTelegramWithoutAnyIdHasNone() {
        byte[] bytes = "/ABC5\r\n\r\n1-0:1.8.0(000001.000*kWh)\r\n!\r\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(Optional.empty(), MeterId.of(parser.parse(RawTelegram.of(bytes))));
    }
}
