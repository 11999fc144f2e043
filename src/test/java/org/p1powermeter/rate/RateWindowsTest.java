package org.p1powermeter.rate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.p1powermeter.measure.Measurement;
import org.p1powermeter.measure.MeasurementType;

/** The rate windows, driven by a fake clock (each call is given its instant; nothing sleeps). */
class RateWindowsTest {

    private static final String METER = "E0043007052870318";
    /** 2026-12-03 10:00:00 UTC: a window boundary for any interval dividing an hour. */
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    private final List<String> refused = new ArrayList<>();
    private final RateWindows.Refusals refusals = (meter, m, last) -> refused.add(meter + " " + m.name() + " "
            + m.meterValue() + " < " + last);

    private static Measurement m(MeasurementType type, String value) {
        BigDecimal v = new BigDecimal(value);
        return new Measurement(type, type.obis(), v, v.movePointRight(type.vscpExponent()), 0, null);
    }

    private static List<Measurement> telegram(String powerKw, String energyKwh) {
        return List.of(m(MeasurementType.SUM_ACTIVE_ENERGY_OUT, energyKwh), m(MeasurementType.MOMENTAN_ACTIVE_EFFECT_OUT, powerKw));
    }

    private static Map<String, WindowValue> byName(MeterPublish p) {
        Map<String, WindowValue> out = new LinkedHashMap<>();
        p.values().forEach(v -> out.put(v.name(), v));
        return out;
    }

    @Test
    void intervalZeroPublishesEveryTelegramAsItIs() {
        RateWindows w = new RateWindows(Duration.ZERO, Duration.ZERO);
        for (int i = 0; i < 3; i++) {
            List<MeterPublish> out = w.offer(METER, telegram("1.00" + i, "100.00" + i), T0.plusSeconds(i), refusals);
            assertEquals(1, out.size());
            assertEquals(T0.plusSeconds(i), out.get(0).time());
            assertEquals(2, out.get(0).values().size());
            assertTrue(out.get(0).values().stream().allMatch(WindowValue::event));
            assertEquals(new BigDecimal("1.00" + i), byName(out.get(0)).get("momentan_active_effect_out").value().meterValue());
        }
        assertTrue(w.due(T0.plusSeconds(60)).isEmpty(), "no windows, nothing due");
        assertFalse(w.windowed());
    }

    @Test
    void firstTelegramAtOnceThenTheMeanOfEachWallClockWindowDatedAtItsEnd() {
        RateWindows w = new RateWindows(Duration.ofSeconds(10), Duration.ofSeconds(30));
        Instant start = T0.plusMillis(3_500); // the bridge starts mid-window
        List<MeterPublish> first = w.offer(METER, telegram("1.000", "100.000"), start, refusals);
        assertEquals(1, first.size(), "the first telegram is published at once");
        assertEquals(start, first.get(0).time());

        assertTrue(w.offer(METER, telegram("2.000", "100.001"), T0.plusSeconds(5), refusals).isEmpty());
        assertTrue(w.offer(METER, telegram("4.500", "100.002"), T0.plusSeconds(9), refusals).isEmpty());
        assertTrue(w.due(T0.plusMillis(9_999)).isEmpty(), "the window [10:00:00, 10:00:10) is still open");

        List<MeterPublish> closed = w.due(T0.plusSeconds(10));
        assertEquals(1, closed.size());
        MeterPublish p = closed.get(0);
        assertEquals(T0.plusSeconds(10), p.time(), "dated at the window end, on the wall-clock boundary");
        WindowValue power = byName(p).get("momentan_active_effect_out");
        assertEquals(new BigDecimal("2.500"), power.value().meterValue(), "mean of 1.000, 2.000 and 4.500");
        assertEquals(new BigDecimal("2500"), power.value().vscpValue(), "in W for the VSCP event");
        assertEquals(new BigDecimal("1.000"), power.min());
        assertEquals(new BigDecimal("4.500"), power.max());
        assertEquals(T0.plusSeconds(10), power.value().time(), "the event time is the window end");
        WindowValue energy = byName(p).get("sum_active_energy_out");
        assertEquals(new BigDecimal("100.002"), energy.value().meterValue(), "the latest counter, not a mean");
        assertTrue(energy.event(), "it changed since it was sent");
        assertNull(energy.min());
    }

    @Test
    void theNextTelegramClosesAWindowWhenNoTickCame() {
        RateWindows w = new RateWindows(Duration.ofSeconds(10), Duration.ofSeconds(30));
        w.offer(METER, telegram("1.000", "100.000"), T0.plusSeconds(1), refusals);
        w.offer(METER, telegram("3.000", "100.000"), T0.plusSeconds(2), refusals);
        List<MeterPublish> out = w.offer(METER, telegram("9.000", "100.000"), T0.plusSeconds(12), refusals);
        assertEquals(1, out.size());
        assertEquals(T0.plusSeconds(10), out.get(0).time());
        assertEquals(new BigDecimal("2.000"), byName(out.get(0)).get("momentan_active_effect_out").value().meterValue());
        List<MeterPublish> next = w.due(T0.plusSeconds(20));
        assertEquals(new BigDecimal("9.000"), byName(next.get(0)).get("momentan_active_effect_out").value().meterValue(),
                "the telegram that closed the window starts the next one");
    }

    @Test
    void anUnchangedCounterIsSentAgainOnlyAtTheHeartbeat() {
        RateWindows w = new RateWindows(Duration.ofSeconds(10), Duration.ofSeconds(30));
        w.offer(METER, telegram("1.000", "100.000"), T0, refusals); // first: sent at once, at T0
        List<Boolean> counterEvents = new ArrayList<>();
        for (int window = 0; window < 6; window++) {
            Instant inWindow = T0.plusSeconds(10L * window + 5);
            w.offer(METER, telegram("1.000", "100.000"), inWindow, refusals);
            List<MeterPublish> out = w.due(T0.plusSeconds(10L * window + 10));
            assertEquals(1, out.size(), "a window with telegrams is published: the power's mean");
            counterEvents.add(byName(out.get(0)).get("sum_active_energy_out").event());
            assertEquals(new BigDecimal("100.000"), byName(out.get(0)).get("sum_active_energy_out").value().meterValue(),
                    "the state always carries the latest counter");
        }
        // sent at T0; windows end at 10, 20, 30 (30 s since: heartbeat), 40, 50, 60 (heartbeat)
        assertEquals(List.of(false, false, true, false, false, true), counterEvents);
    }

    @Test
    void aWindowWithOnlyUnchangedCountersIsPublishedOnlyAtTheHeartbeat() {
        RateWindows w = new RateWindows(Duration.ofSeconds(10), Duration.ofSeconds(30));
        List<Measurement> gasOnly = List.of(m(MeasurementType.SUM_ACTIVE_ENERGY_OUT, "5.000"));
        w.offer(METER, gasOnly, T0, refusals);
        List<Integer> published = new ArrayList<>();
        for (int window = 0; window < 6; window++) {
            w.offer(METER, gasOnly, T0.plusSeconds(10L * window + 5), refusals);
            published.add(w.due(T0.plusSeconds(10L * window + 10)).size());
        }
        assertEquals(List.of(0, 0, 1, 0, 0, 1), published, "a heartbeat below expire_after, no dead graphs");
    }

    @Test
    void aCounterThatGoesDownIsRefusedCountedAndNeverPublished() {
        RateWindows w = new RateWindows(Duration.ZERO, Duration.ZERO);
        w.offer(METER, telegram("1.000", "100.000"), T0, refusals);
        List<MeterPublish> glitch = w.offer(METER, telegram("1.000", "0.000"), T0.plusSeconds(1), refusals);
        assertEquals(List.of(METER + " sum_active_energy_out 0.000 < 100.000"), refused);
        assertEquals(List.of("momentan_active_effect_out"), glitch.get(0).values().stream().map(WindowValue::name).toList(),
                "the refused counter is left out, not published as 0");
        List<MeterPublish> good = w.offer(METER, telegram("1.000", "100.001"), T0.plusSeconds(2), refusals);
        assertEquals(new BigDecimal("100.001"), byName(good.get(0)).get("sum_active_energy_out").value().meterValue());
        assertEquals(1, refused.size());
    }

    @Test
    void aRefusedCounterInAWindowLeavesTheLastGoodValue() {
        RateWindows w = new RateWindows(Duration.ofSeconds(10), Duration.ofSeconds(30));
        w.offer(METER, telegram("1.000", "100.000"), T0, refusals);
        w.offer(METER, telegram("1.000", "100.005"), T0.plusSeconds(2), refusals);
        w.offer(METER, telegram("1.000", "99.000"), T0.plusSeconds(4), refusals);
        MeterPublish p = w.due(T0.plusSeconds(10)).get(0);
        assertEquals(new BigDecimal("100.005"), byName(p).get("sum_active_energy_out").value().meterValue());
        assertEquals(1, refused.size());
    }

    @Test
    void anEmptyWindowPublishesNothingSoTheSensorsExpire() {
        RateWindows w = new RateWindows(Duration.ofSeconds(10), Duration.ofSeconds(30));
        w.offer(METER, telegram("1.000", "100.000"), T0.plusSeconds(1), refusals);
        assertEquals(1, w.due(T0.plusSeconds(10)).size());
        for (int s = 11; s < 120; s++) {
            assertTrue(w.due(T0.plusSeconds(s)).isEmpty(), "a silent meter gets no heartbeat: " + s);
        }
    }

    @Test
    void flushPublishesTheOpenWindowsDatedNow() {
        RateWindows w = new RateWindows(Duration.ofSeconds(60), Duration.ofSeconds(90));
        w.offer(METER, telegram("1.000", "100.000"), T0.plusSeconds(1), refusals);
        w.offer("other", telegram("2.000", "5.000"), T0.plusSeconds(2), refusals);
        w.offer(METER, telegram("3.000", "100.000"), T0.plusSeconds(20), refusals);
        List<MeterPublish> flushed = w.flush(T0.plusSeconds(25));
        assertEquals(2, flushed.size());
        for (MeterPublish p : flushed) {
            assertEquals(T0.plusSeconds(25), p.time());
        }
        MeterPublish mine = flushed.stream().filter(p -> p.meterId().equals(METER)).findFirst().orElseThrow();
        assertEquals(new BigDecimal("2.000"), byName(mine).get("momentan_active_effect_out").value().meterValue());
        assertTrue(w.flush(T0.plusSeconds(26)).isEmpty(), "nothing is left open");
        assertTrue(w.due(T0.plusSeconds(60)).isEmpty());
    }

    @Test
    void meansKeepTheSamplesDecimals() {
        RateWindows w = new RateWindows(Duration.ofSeconds(10), Duration.ofSeconds(30));
        w.offer(METER, List.of(m(MeasurementType.VOLTAGE_L1, "230.1")), T0.plusSeconds(1), refusals);
        w.offer(METER, List.of(m(MeasurementType.VOLTAGE_L1, "230.2")), T0.plusSeconds(2), refusals);
        w.offer(METER, List.of(m(MeasurementType.VOLTAGE_L1, "230.2")), T0.plusSeconds(3), refusals);
        MeterPublish p = w.due(T0.plusSeconds(10)).get(0);
        assertEquals(new BigDecimal("230.2"), byName(p).get("voltage_l1").value().meterValue(), "690.5 / 3 = 230.17 -> 230.2");
    }

    @Test
    void aValueATelegramCarriesSeveralTimesIsKeptAsAListNotAveragedAndSentWhenItChanges() {
        // a history (e.g. the monthly peaks of a Belgian meter): several entries of one name in each telegram
        RateWindows w = new RateWindows(Duration.ofSeconds(10), Duration.ofSeconds(60));
        Measurement jan = new Measurement(MeasurementType.MOMENTAN_ACTIVE_EFFECT_OUT, MeasurementType.MOMENTAN_ACTIVE_EFFECT_OUT.obis(),
                new BigDecimal("4.000"), new BigDecimal("4000"), 0, Instant.parse("2026-01-15T18:00:00Z"));
        Measurement feb = new Measurement(MeasurementType.MOMENTAN_ACTIVE_EFFECT_OUT, MeasurementType.MOMENTAN_ACTIVE_EFFECT_OUT.obis(),
                new BigDecimal("6.000"), new BigDecimal("6000"), 0, Instant.parse("2026-02-10T07:15:00Z"));
        w.offer(METER, List.of(jan, feb), T0, refusals);
        w.offer(METER, List.of(jan, feb), T0.plusSeconds(5), refusals);
        assertTrue(w.due(T0.plusSeconds(10)).isEmpty(), "unchanged since it went out at once: nothing to send");
        w.offer(METER, List.of(jan, feb), T0.plusSeconds(15), refusals);
        assertTrue(w.due(T0.plusSeconds(20)).isEmpty());
        w.offer(METER, List.of(jan, feb), T0.plusSeconds(65), refusals);
        List<MeterPublish> heartbeat = w.due(T0.plusSeconds(70));
        assertEquals(1, heartbeat.size(), "sent again at the heartbeat");
        assertEquals(List.of(new BigDecimal("4.000"), new BigDecimal("6.000")),
                heartbeat.get(0).values().stream().map(v -> v.value().meterValue()).toList(), "both entries, not a mean");
        assertEquals(Instant.parse("2026-02-10T07:15:00Z"), heartbeat.get(0).values().get(1).value().time(),
                "each entry keeps its own time");
    }

    @Test
    void aMeterStartedAfreshAfterAPartitionMovePublishesAtOnceAndKeepsItsOpenWindow() {
        RateWindows w = new RateWindows(Duration.ofSeconds(10), Duration.ofSeconds(30));
        w.offer(METER, telegram("1.000", "100.000"), T0.plusSeconds(1), refusals); // first: at once
        w.offer(METER, telegram("3.000", "100.001"), T0.plusSeconds(2), refusals);
        assertTrue(w.offer(METER, telegram("5.000", "100.002"), T0.plusSeconds(3), refusals, false).isEmpty(),
                "not afresh: gathered in the window");
        List<MeterPublish> out = w.offer(METER, telegram("7.000", "100.003"), T0.plusSeconds(4), refusals, true);
        assertEquals(2, out.size(), "the open window, then this telegram at once");
        assertEquals(T0.plusSeconds(4), out.get(0).time(), "the open window, dated now (before its end)");
        assertEquals(new BigDecimal("3.000"), byName(out.get(0)).get("momentan_active_effect_out").value().meterValue());
        assertEquals(T0.plusSeconds(4), out.get(1).time());
        assertEquals(new BigDecimal("7.000"), byName(out.get(1)).get("momentan_active_effect_out").value().meterValue());
        assertTrue(out.get(1).values().stream().allMatch(WindowValue::event), "sent as on a start");
        List<MeterPublish> next = w.due(T0.plusSeconds(10));
        assertEquals(1, next.size());
        assertEquals(new BigDecimal("7.000"), byName(next.get(0)).get("momentan_active_effect_out").value().meterValue(),
                "the afresh telegram's samples count in the new window");
    }

    @Test
    void aMeterStartedAfreshWithNoWindowOpenPublishesOnlyTheTelegramAndForgetsItsCounterGuard() {
        RateWindows w = new RateWindows(Duration.ofSeconds(10), Duration.ofSeconds(30));
        w.offer(METER, telegram("1.000", "100.000"), T0.plusSeconds(1), refusals);
        assertEquals(1, w.due(T0.plusSeconds(10)).size(), "the window closes: nothing is left open");
        List<MeterPublish> out = w.offer(METER, telegram("2.000", "99.000"), T0.plusSeconds(65), refusals, true);
        assertEquals(1, out.size());
        assertEquals(T0.plusSeconds(65), out.get(0).time());
        assertEquals(new BigDecimal("99.000"), byName(out.get(0)).get("sum_active_energy_out").value().meterValue(),
                "the meter starts afresh: what another instance saw since is not known here");
        assertTrue(refused.isEmpty());
        assertEquals(List.of(T0.plusSeconds(66), T0.plusSeconds(66)),
                w.offer(METER, telegram("2.000", "99.000"), T0.plusSeconds(66), refusals, true).stream()
                        .map(MeterPublish::time).toList(), "another move: the window opened at 65 (dated now), the telegram");
    }

    @Test
    void afreshWithoutWindowsIsTheSameAsEveryTelegram() {
        RateWindows w = new RateWindows(Duration.ZERO, Duration.ZERO);
        w.offer(METER, telegram("1.000", "100.000"), T0, refusals);
        List<MeterPublish> out = w.offer(METER, telegram("1.000", "100.001"), T0.plusSeconds(1), refusals, true);
        assertEquals(1, out.size());
        assertEquals(T0.plusSeconds(1), out.get(0).time());
    }
}
