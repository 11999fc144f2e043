package org.p1powermeter.spool.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AckWindowTest {

    @Test
    void theAcknowledgedPositionMovesOnlyOverAnUnbrokenRunOfCompletions() {
        AckWindow window = new AckWindow(10);
        int g = window.generation();
        for (long s = 1; s <= 5; s++) {
            window.sent(s);
        }
        assertEquals(5, window.room());
        assertEquals(-1, window.complete(g, 2), "1 is still open");
        assertEquals(-1, window.complete(g, 3));
        assertEquals(3, window.complete(g, 1), "1, 2, 3 done");
        assertEquals(-1, window.complete(g, 5));
        assertEquals(5, window.complete(g, 4));
        assertEquals(10, window.room());
    }

    @Test
    void completionsOfALostConnectionAreIgnored() {
        AckWindow window = new AckWindow(2);
        int old = window.generation();
        window.sent(1);
        window.sent(2);
        assertEquals(0, window.room());
        window.reset();
        assertEquals(2, window.room());
        assertEquals(-1, window.complete(old, 1), "a late PUBACK from the old connection");
        window.sent(1);
        assertEquals(1, window.complete(window.generation(), 1));
    }

    @Test
    void awaitRoomReportsAFullWindow() throws Exception {
        AckWindow window = new AckWindow(1);
        window.sent(7);
        assertFalse(window.awaitRoom(10));
        window.complete(window.generation(), 7);
        assertTrue(window.awaitRoom(10));
    }
}
