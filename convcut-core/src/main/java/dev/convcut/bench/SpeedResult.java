package dev.convcut.bench;

/**
 * Throughput of one model: training and evaluation images per second, the evaluation's achieved
 * GFLOP/s (2 FLOPs per multiply-add of the convolution and linear layers), and the process's
 * resident memory before and after the timed training steps.
 */
public record SpeedResult(String impl, String model, int batch, int threads, long params, double trainImagesPerSecond,
    double evalImagesPerSecond, double evalGflops, double rssBeforeMb, double rssAfterMb) {}
