package dev.convcut.study;

import java.nio.file.Path;

/**
 * What a sweep run did: the files it wrote, how many rows the CSV holds, how many evaluations
 * this run performed (shared and full-rank variants need none), how many rows an earlier run
 * had already finished, the baseline, and the wall time.
 */
public record SweepOutcome(Path csv, Path json, int rows, int evaluations, int resumedRows, Score baseline, double seconds) {}
