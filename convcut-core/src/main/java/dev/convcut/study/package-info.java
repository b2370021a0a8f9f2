/**
 * The truncation study of docs/science.md on loaded networks, in the formats docs/formats.md fixes:
 * the spectrum ({@link dev.convcut.study.SpectrumRun}, {@link dev.convcut.study.SpectrumFiles},
 * {@link dev.convcut.study.SpectrumSummary}), the layer-wise sweep ({@link
 * dev.convcut.study.LayerwiseSweep}, scoring by prefix reuse in {@link
 * dev.convcut.study.VariantScoring}, shared work in {@link dev.convcut.study.LayerVariants}),
 * global truncation ({@link dev.convcut.study.GlobalTruncation}), truncation plans ({@link
 * dev.convcut.study.TruncationSpec}, {@link dev.convcut.study.AppliedTruncation}) and
 * re-training ({@link dev.convcut.study.Retraining}). Rows are durable as they finish ({@link
 * dev.convcut.study.RowLog}) and runs resume under a configuration lock ({@link
 * dev.convcut.study.ConfigLock}).
 */
package dev.convcut.study;
