package dev.assay.datadocs.internal;

/** A name and a value, both shown as text. */
public record Field(String name, String value) {}
