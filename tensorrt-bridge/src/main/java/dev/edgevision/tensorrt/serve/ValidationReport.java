package dev.edgevision.tensorrt.serve;

/**
 * How an engine's outputs compared with ONNX Runtime's on the reference inputs.
 *
 * @param passed whether every value is within the precision's tolerance and top-1 agreement is high enough
 * @param samples reference samples compared
 * @param worstError largest {@code |engine - ort| / max(1, |ort|)} over every output value
 * @param worstAt where it was: output name, sample and index
 * @param top1Agreement share of samples whose top class agrees (1.0 when the task has no classes)
 * @param reason one sentence for the log and status: the figures, and on failure what failed
 */
public record ValidationReport(boolean passed, int samples, double worstError, String worstAt, double top1Agreement,
        String reason) {
}
