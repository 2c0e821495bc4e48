package dev.edgevision.camera.capture;

/** How a {@link LiveSource} hands frames to a consumer that is slower than the device. */
public enum Delivery {
    /**
     * The consumer gets the newest frame; frames it had no time for are dropped and counted. For
     * cameras, streams and anything paced in real time: latency never grows.
     */
    LATEST,
    /**
     * The device waits until the consumer took the previous frame, so every frame is delivered. For
     * files and generators played as fast as they are consumed (processing a video end to end).
     */
    EVERY
}
