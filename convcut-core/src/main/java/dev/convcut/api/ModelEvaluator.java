package dev.convcut.api;

import dev.convcut.model.Network;

/**
 * The caller's own measure of a network, higher is better (e.g. top-1 on the caller's data, as
 * AIMET's {@code eval_callback}): the sweep asks it once per variant with the variant's weights in
 * place. It must not keep or close the network.
 */
@FunctionalInterface
public interface ModelEvaluator {
  double evaluate(Network network);
}
