/**
 * The service's one typed configuration: loaded once from YAML, overridden from the environment,
 * validated with messages that name the key and the bad value, printed at start with secrets masked.
 */
package dev.edgevision.device.config;
