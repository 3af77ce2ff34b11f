package dev.backline.server.play;

/**
 * Joins the fragments of one text message and enforces the protocol's size limit on the whole message,
 * counted in UTF-8 bytes. An oversized message is skipped to its end, then reported once, so the socket
 * can stay open. Used by one connection thread only.
 */
final class FrameAssembler {
    private final int maxBytes;
    private final StringBuilder parts = new StringBuilder();
    private long bytes;
    private boolean tooLarge;

    FrameAssembler(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Adds a fragment.
     *
     * @return the whole message after its last fragment, null while more fragments are due
     * @throws FrameException {@code too_large} after the last fragment of a message over the limit
     */
    String add(String fragment, boolean last) {
        if (!tooLarge) {
            bytes += utf8Length(fragment);
            if (bytes > maxBytes) {
                tooLarge = true;
                parts.setLength(0);
            } else if (!last || !parts.isEmpty()) {
                parts.append(fragment);
            }
        }
        if (!last) {
            return null;
        }
        boolean rejected = tooLarge;
        String message = rejected ? null : parts.isEmpty() ? fragment : parts.toString();
        reset();
        if (rejected) {
            throw new FrameException(ErrorCode.TOO_LARGE,
                    "the frame is larger than " + maxBytes + " bytes; it was ignored", null);
        }
        return message;
    }

    private void reset() {
        bytes = 0;
        tooLarge = false;
        if (parts.capacity() > 4 * 1024) {
            parts.setLength(0);
            parts.trimToSize();
        } else {
            parts.setLength(0);
        }
    }

    static long utf8Length(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
