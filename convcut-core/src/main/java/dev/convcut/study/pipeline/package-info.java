/**
 * The whole study as one resumable run ({@link dev.convcut.study.pipeline.StudyPipeline}) on a
 * JSON configuration ({@link dev.convcut.study.pipeline.StudyConfig}): {@code convcut demo} and
 * {@code convcut study}.
 */
package dev.convcut.study.pipeline;
