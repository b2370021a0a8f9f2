/**
 * Training with PyTorch's semantics on convcut's own loop: SGD (momentum, Nesterov, decoupled
 * choice of decayed parameters) and Adam updating parameters in place, epoch schedules with
 * warm-up, label smoothing, per-epoch metrics, seeded and resumable.
 */
package dev.convcut.train;
