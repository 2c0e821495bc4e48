/**
 * Pins: a status LED whose pattern follows the device's state, an output per configured label
 * (a relay energised while "7" is seen, with hold and minimum-off times) and a debounced trigger
 * button whose press publishes the next frame's record. The lines come from a {@link
 * dev.edgevision.device.pins.GpioLines} provider: the GPIO character device through libgpiod v1
 * ({@link dev.edgevision.device.pins.GpiodLines}), Pi4J's sysfs provider or, in tests, Pi4J's mock
 * plugin ({@link dev.edgevision.device.pins.Pi4jLines}). Lines are requested once at start and held
 * until the service stops.
 */
package dev.edgevision.device.pins;
