package dev.edgevision.camera.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_LOW_DELAY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_find_input_format;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_INVALIDDATA;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;

import dev.edgevision.camera.capture.CaptureDevice;
import dev.edgevision.camera.capture.CaptureSettings;
import dev.edgevision.camera.capture.Pacer;
import dev.edgevision.camera.capture.SourceFailedException;
import dev.edgevision.core.frame.Frame;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Demuxes and decodes the video stream of a file, V4L2 camera or network stream with FFmpeg and
 * delivers it as BGR24. Every blocking FFmpeg call runs under the {@link Interrupter}: the open
 * timeout while opening, the stall timeout per read, and at once when the source closes.
 */
final class FfmpegDevice implements CaptureDevice {
    /** libavcodec's FF_THREAD_SLICE, which the presets do not map: slice threads add no frame delay. */
    private static final int THREAD_SLICE = 2;
    private final FfmpegInput input;
    private final CaptureSettings settings;
    private final Interrupter interrupter = new Interrupter();
    private final BgrConverter converter = new BgrConverter();
    private final Pacer pacer;
    private AVFormatContext container;
    private AVCodecContext decoder;
    private AVPacket packet;
    private AVFrame picture;
    private int stream;
    private double secondsPerTick;
    private boolean draining;

    FfmpegDevice(FfmpegInput input, CaptureSettings settings) {
        this.input = input;
        this.settings = settings;
        this.pacer = Pacer.fps(input.pace() == FfmpegInput.Pace.FIXED_RATE ? input.fps() : 0);
    }

    @Override
    public void open(Warnings warnings) throws IOException {
        interrupter.arm(settings.openTimeout());
        openContainer();
        interrupter.arm(settings.openTimeout());
        check(avformat_find_stream_info(container, (PointerPointer<?>) null), "cannot read its stream information");
        stream = av_find_best_stream(container, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
        if (stream < 0) {
            throw failure(input.shownAs() + " has no video stream", stream);
        }
        AVStream video = container.streams(stream);
        AVCodec codec = avcodec_find_decoder(video.codecpar().codec_id());
        if (codec == null) {
            throw new SourceFailedException(input.shownAs() + ": this FFmpeg build has no decoder for its "
                    + avcodec_get_name(video.codecpar().codec_id()).getString() + " video");
        }
        decoder = avcodec_alloc_context3(codec);
        check(avcodec_parameters_to_context(decoder, video.codecpar()), "cannot set up the decoder");
        decoder.thread_count(0);
        if (input.live()) {
            decoder.flags(decoder.flags() | AV_CODEC_FLAG_LOW_DELAY);
            decoder.thread_type(THREAD_SLICE);
        }
        check(avcodec_open2(decoder, codec, (AVDictionary) null), "cannot open the decoder");
        packet = av_packet_alloc();
        picture = av_frame_alloc();
        secondsPerTick = av_q2d(video.time_base());
        draining = false;
        pacer.restart();
    }

    private void openContainer() throws IOException {
        AVInputFormat format = null;
        if (input.format() != null) {
            format = av_find_input_format(input.format());
            if (format == null) {
                throw new SourceFailedException("this FFmpeg build has no " + input.format() + " input");
            }
        }
        AVFormatContext context = avformat_alloc_context();
        context.interrupt_callback().callback(interrupter.callback());
        AVDictionary options = new AVDictionary(null);
        for (Map.Entry<String, String> option : input.options().entrySet()) {
            av_dict_set(options, option.getKey(), option.getValue(), 0);
        }
        int result = avformat_open_input(context, input.url(), format, options);
        av_dict_free(options);
        if (result < 0) {
            throw openFailure(result);
        }
        container = context;
    }

    @Override
    public boolean read(Frame into) throws IOException {
        while (true) {
            int result = avcodec_receive_frame(decoder, picture);
            if (result == 0) {
                deliver(into);
                return true;
            }
            if (result == AVERROR_EOF || draining) {
                return endOfInput();
            }
            if (result != AvError.EAGAIN) {
                throw failure("cannot decode " + input.shownAs(), result);
            }
            interrupter.arm(settings.stallTimeout());
            result = av_read_frame(container, packet);
            if (result == AVERROR_EOF) {
                avcodec_send_packet(decoder, (AVPacket) null);
                draining = true;
            } else if (result < 0) {
                throw readFailure(result);
            } else {
                sendPacket();
            }
        }
    }

    private void sendPacket() throws IOException {
        try {
            if (packet.stream_index() == stream) {
                int result = avcodec_send_packet(decoder, packet);
                if (result < 0 && result != AVERROR_INVALIDDATA && result != AvError.EAGAIN) {
                    throw failure("cannot decode " + input.shownAs(), result);
                }
            }
        } finally {
            av_packet_unref(packet);
        }
    }

    private void deliver(Frame into) throws IOException {
        try {
            converter.convert(picture, into);
            long timestamp = picture.best_effort_timestamp();
            if (input.pace() == FfmpegInput.Pace.MEDIA_TIME && timestamp != AV_NOPTS_VALUE) {
                pacer.awaitMediaTime(timestamp * secondsPerTick);
            } else {
                pacer.awaitNextFrame();
            }
        } finally {
            av_frame_unref(picture);
        }
    }

    private boolean endOfInput() throws IOException {
        if (input.live()) {
            throw new IOException(input.shownAs() + " ended the stream");
        }
        return false;
    }

    private void check(int result, String what) throws IOException {
        if (result < 0) {
            throw failure(input.shownAs() + ": " + what, result);
        }
    }

    private IOException openFailure(int code) {
        if (interrupter.expired()) {
            return new IOException("no answer from " + input.shownAs() + " within " + seconds(settings.openTimeout()));
        }
        String text = "cannot open " + input.shownAs() + ": " + AvError.text(code);
        return switch (input.kind()) {
            case FILE -> new SourceFailedException(code == AvError.ENOENT ? "no such file: " + input.shownAs()
                    : text + (code == AVERROR_INVALIDDATA ? "; the file is damaged or not a video FFmpeg knows" : ""));
            case CAMERA -> new IOException(text + AvError.v4l2Hint(code));
            case STREAM -> new IOException(text + AvError.streamHint(code));
        };
    }

    private IOException readFailure(int code) {
        if (interrupter.aborted()) {
            return new IOException("closed");
        }
        if (interrupter.expired()) {
            return new IOException("no data from " + input.shownAs() + " for " + seconds(settings.stallTimeout())
                    + "; the " + (input.kind() == FfmpegInput.Kind.CAMERA ? "camera" : "stream") + " stalled");
        }
        return failure("lost " + input.shownAs(), code);
    }

    private IOException failure(String what, int code) {
        String message = what + ": " + AvError.text(code);
        return input.live() ? new IOException(message) : new SourceFailedException(message);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() / 1000.0 + " s";
    }

    @Override
    public void abort() {
        interrupter.abort();
    }

    @Override
    public void close() {
        if (picture != null) {
            av_frame_free(picture);
            picture = null;
        }
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (decoder != null) {
            avcodec_free_context(decoder);
            decoder = null;
        }
        if (container != null) {
            avformat_close_input(container);
            container = null;
        }
        converter.close();
    }
}
