/**
 * Commands to the device, whatever carries them: a request (name, request id, JSON body) is
 * dispatched to the handler registered for its name and always answered with success and a result,
 * or an error code and message. Malformed, oversized, unknown and failing requests are answered,
 * never thrown. MQTT's side (subscribing, response topics) lives in the mqtt package.
 */
package dev.edgevision.device.command;
