package org.p1powermeter.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.p1powermeter.fleet.MeterLedger.Admission.DUPLICATE;
import static org.p1powermeter.fleet.MeterLedger.Admission.FIRST;
import static org.p1powermeter.fleet.MeterLedger.Admission.NEXT;

import org.junit.jupiter.api.Test;

/** What a bridge instance makes of the offsets it reads: first telegrams, moves, duplicates. */
class MeterLedgerTest {

    private final MeterLedger ledger = new MeterLedger();

    private MeterLedger.Admission read(int partition, long offset, String meter) {
        MeterLedger.Admission admission = ledger.admit(partition, offset, meter);
        if (admission != DUPLICATE) {
            ledger.processed(partition, offset);
        }
        return admission;
    }

    @Test
    void eachMetersFirstTelegramIsFirstThenNext() {
        assertEquals(FIRST, read(0, 100, "a"));
        assertEquals(FIRST, read(0, 101, "b"));
        assertEquals(NEXT, read(0, 102, "a"));
        assertEquals(NEXT, read(0, 103, "b"));
        assertEquals(2, ledger.meters());
        assertEquals(1, ledger.moves());
        assertEquals(0, ledger.duplicates());
    }

    @Test
    void aRecordProcessedHereBeforeIsADuplicate() {
        read(3, 10, "a");
        read(3, 11, "a");
        assertEquals(DUPLICATE, read(3, 10, "a"), "redelivered after a lost commit");
        assertEquals(DUPLICATE, read(3, 11, "a"));
        assertEquals(NEXT, read(3, 12, "a"));
        assertEquals(2, ledger.duplicates());
    }

    @Test
    void aRecordThatFailedIsNotADuplicateWhenReadAgain() {
        read(1, 5, "a");
        assertEquals(NEXT, ledger.admit(1, 6, "a")); // its exchange failed: processed() is not called
        assertEquals(NEXT, read(1, 6, "a"), "read again after the seek back");
        assertEquals(0, ledger.duplicates());
    }

    @Test
    void aPartitionThatComesBackAfterOthersHandledItStartsItsMetersAfresh() {
        read(2, 50, "a");
        read(2, 51, "b");
        assertEquals(FIRST, read(2, 80, "a"), "offsets 52-79 were handled by another instance");
        assertEquals(FIRST, read(2, 81, "b"));
        assertEquals(NEXT, read(2, 82, "a"));
        assertEquals(2, ledger.moves());
    }

    @Test
    void aMeterOnAnotherPartitionIsFirstThere() {
        read(0, 0, "a");
        assertEquals(FIRST, read(1, 0, "a"), "a meter whose key moved partition (topic resized)");
        assertEquals(2, ledger.partitions());
    }
}
