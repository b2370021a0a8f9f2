/** Provenance: every run records how it was made in {@code run.json}; docs/formats.md describes the file. */
package dev.convcut.provenance;
