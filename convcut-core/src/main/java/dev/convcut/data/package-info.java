/**
 * Datasets of the study (CIFAR-10, CIFAR-100, Fashion-MNIST, MNIST) in their official file
 * formats: finding them ({@link dev.convcut.data.Datasets}), downloading and validating them,
 * statistics, and the hot path that feeds training — normalized, augmented float batches
 * ({@link dev.convcut.data.BatchAssembler}) in a seeded order ({@link dev.convcut.data.EpochOrder}).
 * Plain Java, no DJL: the training code turns the float batches into tensors.
 */
package dev.convcut.data;
