/**
 * Datasets of the study (CIFAR-10, CIFAR-100, Fashion-MNIST, MNIST) in their official file
 * formats: finding them, reading and validating them, statistics. Plain Java, no DJL.
 */
package dev.convcut.data;
