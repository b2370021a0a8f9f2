package dev.convcut.spark;

import java.io.Serializable;

/**
 * What every task carries besides its own work: where executors read the checkpoint and the
 * SHA-256 its weights must have, the grid and batch size, the broadcast of the evaluation images,
 * and the driver's code fingerprint and Spark version, which an executor checks against its own
 * before it scores anything.
 */
record TaskSpec(String checkpoint, String weightsSha256, String cuts, String levels, int batchSize, long imagesBroadcast,
    String codeFingerprint, String sparkVersion) implements Serializable {}
