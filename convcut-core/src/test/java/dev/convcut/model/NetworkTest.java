package dev.convcut.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.convcut.WithEngine;
import dev.convcut.engine.Torch;
import org.junit.jupiter.api.Test;

/**
 * A forward pass frees its intermediate arrays as it goes (as PyTorch drops a tensor with its
 * last reference), instead of holding every activation until the step's manager closes: the
 * scope the input lives in holds fewer arrays afterwards than the network has layers (it held
 * several per layer before).
 */
class NetworkTest extends WithEngine {
  @Test
  void aTrainingForwardPassLeavesOnlyItsInputOutputAndFewArraysInTheScope() {
    for (String model : new String[] {"resnet20", "resnet50", "cnn4"}) {
      try (Network net = ModelZoo.build(new ModelSpec(model, 3, 16, 10), manager, 1); NDManager scope = manager.newSubManager()) {
        net.params().stream().filter(p -> p.role().trainable()).forEach(p -> p.array().setRequiresGradient(true));
        NDArray x = scope.randomNormal(new Shape(4, 3, 16, 16));
        try (GradientCollector gc = Torch.engine().newGradientCollector()) {
          NDArray logits = net.forward(x, true);
          assertThat(shapes(scope)).as(model + ": arrays held after the forward pass of %d layers", net.layerNames().size())
              .hasSizeLessThan(net.layerNames().size());
          gc.backward(logits.sum());
        }
        assertThat(net.params().get(0).array().getGradient().abs().sum().getFloat()).as(model + ": gradients still reach the first layer")
            .isPositive();
      }
    }
  }

  private static java.util.List<Shape> shapes(NDManager scope) {
    return scope.getManagedArrays().stream().map(NDArray::getShape).toList();
  }

  @Test
  void anInferencePassLeavesOnlyItsInputOutputAndFewArraysInTheScope() {
    for (String model : new String[] {"resnet20", "resnet50", "cnn4"}) {
      try (Network net = ModelZoo.build(new ModelSpec(model, 3, 16, 10), manager, 1); Network.Inference inference = net.inference();
          NDManager scope = manager.newSubManager()) {
        NDArray x = scope.randomNormal(new Shape(4, 3, 16, 16));
        NDArray out = inference.forward(x);
        assertThat(out.getShape()).isEqualTo(new Shape(4, 10));
        assertThat(shapes(scope)).as(model + ": arrays held after the pass through %d layers", net.layerNames().size())
            .hasSizeLessThan(net.layerNames().size());
      }
    }
  }
}
