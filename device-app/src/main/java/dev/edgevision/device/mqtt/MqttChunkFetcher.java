package dev.edgevision.device.mqtt;

import dev.edgevision.device.update.Fetcher;
import dev.edgevision.device.update.UpdateException;
import dev.edgevision.device.update.UpdateJob;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Fetches {@code mqtt-chunks:} artifacts for devices that reach only the broker: asks on
 * {@code .../jobs/{id}/chunks/want} for the bundle from the byte it has, appends the chunks that
 * continue it (others are ignored), and asks again after a gap or {@value #WAIT_SECONDS} s of
 * silence, {@value #ASKS} times at most without progress.
 */
public final class MqttChunkFetcher implements Fetcher, AutoCloseable {
    static final int WAIT_SECONDS = 20;
    static final int ASKS = 5;
    static final int MAX_CHUNK = 64 * 1024;

    private record Chunk(long offset, byte[] bytes) {
    }

    private final MqttPublisher publisher;
    private final Map<String, BlockingQueue<Chunk>> wanted = new ConcurrentHashMap<>();

    MqttChunkFetcher(MqttPublisher publisher) {
        this.publisher = publisher;
    }

    void arrived(String jobId, String offset, byte[] bytes) {
        BlockingQueue<Chunk> queue = wanted.get(jobId);
        if (queue == null || bytes.length > MAX_CHUNK || !offset.matches("\\d{1,12}")) {
            return;
        }
        queue.offer(new Chunk(Long.parseLong(offset), bytes));
    }

    @Override
    public void fetch(UpdateJob job, Path part, Progress progress, BooleanSupplier canceled) throws UpdateException {
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>(256);
        wanted.put(job.id(), queue);
        long size = job.artifact().size();
        try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            long have = Files.size(part);
            int asks = 0;
            while (have < size) {
                if (canceled.getAsBoolean()) {
                    throw UpdateException.failed("canceled", "the job was canceled during the download");
                }
                if (++asks > ASKS) {
                    throw UpdateException.failed("download_failed", "no chunks of job " + job.id() + " arrived for "
                            + ASKS * WAIT_SECONDS + " s (at byte " + have + " of " + size + "); is the sender running?");
                }
                want(job.id(), have);
                long before = have;
                have = receive(queue, out, have, size, progress);
                if (have > before) {
                    asks = 0;
                }
            }
            return;
        } catch (IOException e) {
            throw UpdateException.failed("download_failed", "the staging file " + part + " cannot be written: "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw UpdateException.failed("interrupted", "the device is stopping");
        } finally {
            wanted.remove(job.id());
        }
    }

    /** Appends chunks that continue the file until a gap, silence, or the end; returns the bytes held. */
    private static long receive(BlockingQueue<Chunk> queue, OutputStream out, long have, long size, Progress progress)
            throws IOException, InterruptedException, UpdateException {
        while (have < size) {
            Chunk c = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (c == null) {
                return have;
            }
            if (c.offset() != have) {
                if (c.offset() > have) {
                    queue.clear();
                    return have;
                }
                continue;
            }
            if (have + c.bytes().length > size) {
                throw UpdateException.rejected("too_large", "the chunks run past the " + size + " bytes the job"
                        + " declares");
            }
            out.write(c.bytes());
            out.flush();
            have += c.bytes().length;
            progress.at(have, size);
        }
        return have;
    }

    private void want(String jobId, long from) {
        publisher.publishReply(publisher.topics().job(jobId + "/chunks/want"),
                ("{\"from\": " + from + "}").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        wanted.clear();
    }
}
