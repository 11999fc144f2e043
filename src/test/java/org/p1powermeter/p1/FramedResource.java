package org.p1powermeter.p1;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A telegram file on the test class path, framed by the real {@link TelegramFramer} as a source would frame it. */
public final class FramedResource {

    private FramedResource() {
    }

    /** The one telegram of {@code resource} (e.g. {@code /demo/sweden-ellevio.telegram}). */
    public static RawTelegram frame(String resource) {
        byte[] bytes;
        try (InputStream in = FramedResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<RawTelegram> out = new ArrayList<>();
        new TelegramFramer(FramerOptions.defaults(), new FrameListener() {
            @Override
            public void onTelegram(RawTelegram telegram) {
                out.add(telegram);
            }
        }).feed(bytes, 0, bytes.length);
        if (out.size() != 1) {
            throw new IllegalStateException(resource + " framed into " + out.size() + " telegrams");
        }
        return out.get(0);
    }
}
