package dev.convcut.bench;

/**
 * Throughput of one model: training and evaluation images per second, the evaluation's achieved
 * GFLOP/s (2 FLOPs per multiply-add of the convolution and linear layers), the process's
 * resident memory before and after the timed training steps, and its peak resident memory
 * (VmHWM) at the end of training and at the end of the run, in MiB (NaN where not measured).
 */
public record SpeedResult(String impl, String model, int batch, int threads, long params, double trainImagesPerSecond,
    double evalImagesPerSecond, double evalGflops, double rssBeforeMb, double rssAfterMb, double peakTrainMb, double peakMb) {}
