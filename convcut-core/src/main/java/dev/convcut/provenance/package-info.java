/** Provenance: every run records how it was made in {@code run.json} (see CONVENTIONS.md, item 7). */
package dev.convcut.provenance;
