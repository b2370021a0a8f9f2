/**
 * The truncation study's outputs: files and terminal summaries for the experiments of
 * SCIENCE.md, in the formats docs/formats.md fixes. The spectrum's are {@link
 * dev.convcut.study.SpectrumFiles} and {@link dev.convcut.study.SpectrumSummary}.
 */
package dev.convcut.study;
