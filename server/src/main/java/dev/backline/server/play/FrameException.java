package dev.backline.server.play;

/** A frame the protocol refuses, with the code and message to answer and the request id, if it had one. */
final class FrameException extends RuntimeException {
    private final ErrorCode code;
    private final String requestId;

    FrameException(ErrorCode code, String message, String requestId) {
        super(message, null, false, false);
        this.code = code;
        this.requestId = requestId;
    }

    ErrorCode code() {
        return code;
    }

    String requestId() {
        return requestId;
    }
}
