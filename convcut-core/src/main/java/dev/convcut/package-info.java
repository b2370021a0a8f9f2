/**
 * convcut's Java API on top of the tensor mathematics: datasets ({@code data}), models and
 * training on DJL, checkpoints, the truncation study and tensorization. The CLI is a thin layer
 * over these packages.
 */
package dev.convcut;
