package dev.edgevision.camera.ffmpeg;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An RTSP server on 127.0.0.1 for tests: GStreamer's RTSP server driven by a small Python script
 * that serves a live MJPEG test pattern. Needs Debian's python3-gi, gir1.2-gst-rtsp-server-1.0 and
 * GStreamer's base and good plugins. The script ends itself after a minute, or when its standard
 * input closes (the test JVM went away), so it never outlives a test run.
 */
final class RtspTestServer implements AutoCloseable {
    static final String PYTHON = "/usr/bin/python3";
    static final String PACKAGES = "python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-base gstreamer1.0-plugins-good";
    private static final String SCRIPT = """
            import sys, threading
            import gi
            gi.require_version('Gst', '1.0')
            gi.require_version('GstRtspServer', '1.0')
            from gi.repository import Gst, GstRtspServer, GLib
            Gst.init(None)
            port = sys.argv[1]
            server = GstRtspServer.RTSPServer()
            server.set_address('127.0.0.1')
            server.set_service(port)
            factory = GstRtspServer.RTSPMediaFactory()
            factory.set_launch('( videotestsrc is-live=true pattern=ball ! video/x-raw,format=I420,width=320,height=240,framerate=25/1'
                               ' ! jpegenc quality=60 ! rtpjpegpay name=pay0 pt=26 )')
            factory.set_shared(True)
            server.get_mount_points().add_factory('/cam', factory)
            if server.attach(None) == 0:
                sys.exit('cannot listen on 127.0.0.1:' + port)
            loop = GLib.MainLoop()
            GLib.timeout_add_seconds(60, loop.quit)
            threading.Thread(target=lambda: (sys.stdin.read(), GLib.idle_add(loop.quit)), daemon=True).start()
            print('ready', flush=True)
            loop.run()
            """;
    private final Path script;
    private final int port;
    private Process process;

    private RtspTestServer(Path script, int port) {
        this.script = script;
        this.port = port;
    }

    /** Why the server cannot run here, or null if it can. */
    static String missing() {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return PYTHON + " is missing";
        }
        try {
            Process probe = new ProcessBuilder(PYTHON, "-c", "import gi; gi.require_version('GstRtspServer', '1.0');"
                    + " from gi.repository import GstRtspServer, Gst; Gst.init(None);"
                    + " assert Gst.ElementFactory.find('jpegenc') and Gst.ElementFactory.find('rtpjpegpay')")
                    .redirectErrorStream(true).start();
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0 ? null : output;
        } catch (IOException | InterruptedException e) {
            return e.toString();
        }
    }

    static RtspTestServer start(Path folder) throws Exception {
        Path script = Files.writeString(folder.resolve("rtsp_server.py"), SCRIPT);
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        RtspTestServer server = new RtspTestServer(script, port);
        server.restart();
        return server;
    }

    String url() {
        return "rtsp://127.0.0.1:" + port + "/cam";
    }

    /** Starts the server process (again) on the same port and waits until it listens. */
    void restart() throws Exception {
        process = new ProcessBuilder(PYTHON, script.toString(), String.valueOf(port))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(15, TimeUnit.SECONDS);
        if (!"ready".equals(line)) {
            stop();
            throw new IllegalStateException("the RTSP test server did not start on port " + port);
        }
    }

    /** Kills the server at once, as a camera that loses power. */
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
