/** Evaluation of a network on a dataset split: top-1, top-5, mean loss, per-class accuracy, confusion matrix. */
package dev.convcut.eval;
