/**
 * The checkpoint actions core serves: {@code write_junit_xml} ({@link
 * dev.assay.checkpoint.actions.WriteJUnitXmlProvider}) and {@code send_webhook} ({@link
 * dev.assay.checkpoint.actions.SendWebhookProvider}), found through {@link java.util.ServiceLoader}.
 */
package dev.assay.checkpoint.actions;
