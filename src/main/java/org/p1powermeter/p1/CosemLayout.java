package org.p1powermeter.p1;

/**
 * Decides which value group of a multi-group line is the reading and which its capture time
 * (telegrams doc §3.5), and builds the {@link CosemObject}.
 */
final class CosemLayout {

    private CosemLayout() {
    }

    static CosemObject build(ObisId id, CosemValue[] v) {
        int n = v.length;
        if (n == 1) {
            return new CosemObject(id, v, 0, -1);
        }
        int c = id.c();
        int d = id.d();
        if (c == 99 && d == 97) {
            // power-failure log (count)(buffer obis)(end time)(duration*s)…: the reading is the count
            return new CosemObject(id, v, 0, -1);
        }
        if (c == 98 && d == 1) {
            // peak / month history: (count)(obis)(obis)(…) or HU (timestamp)(values…) without a count
            return new CosemObject(id, v, isCount(v[0]) ? 0 : -1, -1);
        }
        if (c == 24 && d == 3 && id.e() == 0) {
            return gasProfile(id, v);
        }
        if (n == 2) {
            boolean firstIsTime = v[0].isTimestamp();
            boolean secondIsTime = v[1].isTimestamp();
            if (firstIsTime && !secondIsTime) {
                return new CosemObject(id, v, 1, 0);
            }
            if (secondIsTime && !firstIsTime) {
                // Iskra IE5 1-0:1.6.0(08.796*kW)(260102010000)
                return new CosemObject(id, v, 0, 1);
            }
        }
        if (c == 24 && d == 2) {
            return new CosemObject(id, v, 1, 0);
        }
        return new CosemObject(id, v, 0, -1);
    }

    /**
     * DSMR 2.2/3 {@code 0-n:24.3.0(time)(00)(60)(1)(0-n:24.2.1)(m3)} + continuation {@code (00001.001)}:
     * the reading is the last group, with the unit named in the sixth group.
     */
    private static CosemObject gasProfile(ObisId id, CosemValue[] v) {
        int n = v.length;
        if (n < 7) {
            return new CosemObject(id, v, -1, 0);
        }
        int main = n - 1;
        CosemValue reading = v[main];
        CosemValue unitGroup = v[5];
        if (reading.unit() == null && !reading.isEmpty() && !unitGroup.isEmpty()) {
            v[main] = reading.withUnit(unitGroup.text());
        }
        return new CosemObject(id, v, main, 0);
    }

    private static boolean isCount(CosemValue value) {
        return !value.isEmpty() && !value.isTimestamp() && value.integer() != null;
    }
}
