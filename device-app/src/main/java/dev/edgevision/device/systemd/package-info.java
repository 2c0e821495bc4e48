/**
 * The service's side of systemd's protocol: {@link dev.edgevision.device.systemd.SystemdNotifier}
 * sends READY, WATCHDOG, STATUS and STOPPING datagrams to {@code $NOTIFY_SOCKET};
 * {@link dev.edgevision.device.systemd.FrameWatchdog} decides whether frames still advance on every
 * enabled camera; {@link dev.edgevision.device.systemd.SystemdService} ties both to the appliance.
 */
package dev.edgevision.device.systemd;
