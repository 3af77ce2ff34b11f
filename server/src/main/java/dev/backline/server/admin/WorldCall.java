package dev.backline.server.admin;

import dev.backline.server.http.ApiException;
import dev.backline.shard.Shard;
import dev.backline.shard.WorldThread;
import io.helidon.http.Status;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs an admin request's work on the world thread (between two ticks) and waits for its result, answering
 * 503 when the world does not answer in time or fails, and {@code onBadArgument} when the work rejects its input
 * with an {@link IllegalArgumentException}.
 */
final class WorldCall {
    static final long WAIT_SECONDS = 10;

    private WorldCall() {
    }

    static <T> T await(WorldThread world, Function<Shard, T> work, Status onBadArgument) {
        try {
            return world.call(work).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new ApiException(Status.SERVICE_UNAVAILABLE_503, "the world thread did not answer in " + WAIT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(Status.SERVICE_UNAVAILABLE_503, "interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IllegalArgumentException bad) {
                throw new ApiException(onBadArgument, bad.getMessage());
            }
            throw new ApiException(Status.SERVICE_UNAVAILABLE_503, "the world could not do it: " + e.getCause().getMessage());
        }
    }
}
