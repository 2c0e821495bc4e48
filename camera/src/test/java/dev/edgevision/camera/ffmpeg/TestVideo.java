package dev.edgevision.camera.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Writes a small MPEG-4 video with FFmpeg for tests: frame {@code i} is a flat grey of level
 * {@link #level(int)} (luma), so the order of frames read back can be checked.
 */
final class TestVideo {
    private TestVideo() {
    }

    static int level(int index) {
        return 30 + index * 8;
    }

    /** The grey that frame {@code index} decodes to: video luma is limited range, 16..235. */
    static int grey(int index) {
        return (int) Math.round((level(index) - 16) * 255 / 219.0);
    }

    static void write(Path file, int width, int height, int fps, int frames) throws IOException {
        AVFormatContext container = new AVFormatContext(null);
        check(avformat_alloc_output_context2(container, null, null, file.toString()), "choose a container");
        AVCodec codec = avcodec_find_encoder(AV_CODEC_ID_MPEG4);
        AVStream stream = avformat_new_stream(container, null);
        AVCodecContext encoder = avcodec_alloc_context3(codec);
        encoder.width(width).height(height).pix_fmt(AV_PIX_FMT_YUV420P).time_base(av_make_q(1, fps))
                .framerate(av_make_q(fps, 1)).gop_size(6).bit_rate(1_000_000);
        if ((container.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
            encoder.flags(encoder.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        check(avcodec_open2(encoder, codec, (AVDictionary) null), "open the encoder");
        check(avcodec_parameters_from_context(stream.codecpar(), encoder), "describe the stream");
        stream.time_base(encoder.time_base());
        AVIOContext io = new AVIOContext(null);
        check(avio_open(io, file.toString(), AVIO_FLAG_WRITE), "open " + file);
        container.pb(io);
        check(avformat_write_header(container, (AVDictionary) null), "write the header");

        AVFrame picture = av_frame_alloc();
        picture.format(AV_PIX_FMT_YUV420P).width(width).height(height);
        check(av_frame_get_buffer(picture, 0), "allocate a frame");
        AVPacket packet = av_packet_alloc();
        byte[] row = new byte[width];
        for (int i = 0; i < frames; i++) {
            check(av_frame_make_writable(picture), "reuse the frame");
            fillPlane(picture, 0, height, (byte) level(i), row);
            fillPlane(picture, 1, height / 2, (byte) 128, row);
            fillPlane(picture, 2, height / 2, (byte) 128, row);
            picture.pts(i);
            encode(container, stream, encoder, picture, packet);
        }
        encode(container, stream, encoder, null, packet);
        check(av_write_trailer(container), "write the trailer");
        av_packet_free(packet);
        av_frame_free(picture);
        avcodec_free_context(encoder);
        avio_closep(container.pb());
        avformat_free_context(container);
    }

    private static void fillPlane(AVFrame picture, int plane, int rows, byte value, byte[] row) {
        Arrays.fill(row, value);
        int stride = picture.linesize(plane);
        int width = plane == 0 ? picture.width() : picture.width() / 2;
        for (int y = 0; y < rows; y++) {
            picture.data(plane).position((long) y * stride).put(row, 0, width);
        }
    }

    private static void encode(AVFormatContext container, AVStream stream, AVCodecContext encoder, AVFrame picture,
            AVPacket packet) throws IOException {
        check(avcodec_send_frame(encoder, picture), "encode");
        while (avcodec_receive_packet(encoder, packet) == 0) {
            av_packet_rescale_ts(packet, encoder.time_base(), stream.time_base());
            packet.stream_index(stream.index());
            check(av_interleaved_write_frame(container, packet), "write a packet");
        }
    }

    private static void check(int result, String what) throws IOException {
        if (result < 0) {
            throw new IOException("cannot " + what + ": " + AvError.text(result));
        }
    }
}
