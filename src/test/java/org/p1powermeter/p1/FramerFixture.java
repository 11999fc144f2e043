package org.p1powermeter.p1;

import static org.p1powermeter.p1.SyntheticTelegram.latin1;

import java.util.List;

/** A framer with default options and a recording listener, fresh for each test. */
abstract class FramerFixture {

    static final FramerOptions AUTO = FramerOptions.defaults();

    final RecordingListener rec = new RecordingListener();
    final TelegramFramer framer = new TelegramFramer(AUTO, rec);

    void feed(String text) {
        framer.feed(latin1(text));
    }

    List<String> telegramTexts() {
        return rec.telegrams().stream().map(RawTelegram::text).toList();
    }
}
