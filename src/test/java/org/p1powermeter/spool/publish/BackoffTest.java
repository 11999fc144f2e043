package org.p1powermeter.spool.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToTheMaximumAndStartsOverAfterASuccess() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(15));
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            delays.add(backoff.next().toSeconds());
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 15L, 15L), delays);
        backoff.reset();
        assertEquals(1, backoff.next().toSeconds());
    }
}
