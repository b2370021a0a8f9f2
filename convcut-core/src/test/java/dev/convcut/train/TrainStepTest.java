package dev.convcut.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.convcut.WithEngine;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import dev.convcut.model.Param;
import dev.convcut.model.Stem;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A training step whose loss is not finite, under an optimizer that leaves such steps out. */
class TrainStepTest extends WithEngine {

  private static NDArray batch(NDManager scope, float fill) {
    SplittableRandom rnd = new SplittableRandom(3);
    float[] x = new float[4 * 1 * 8 * 8];
    for (int i = 0; i < x.length; i++) {
      x[i] = Float.isNaN(fill) && i == 5 ? fill : (float) rnd.nextGaussian();
    }
    return scope.create(x, new Shape(4, 1, 8, 8));
  }

  private static Map<String, float[]> values(Network net) {
    Map<String, float[]> m = new LinkedHashMap<>();
    for (Param p : net.params()) {
      m.put(p.name(), p.array().toFloatArray());
    }
    return m;
  }

  private static boolean allFinite(float[] a) {
    for (float v : a) {
      if (!Float.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  @Test
  void aLeftOutStepLeavesWeightsAndRunningStatisticsAsTheyWere() {
    Network net = ModelZoo.build(new ModelSpec("resnet20", 1, 8, 3, Stem.CIFAR), manager, 1);
    TrainStep step = new TrainStep(net, new ClipGradNorm(new Sgd(0.9, false, 0, true), 5.0), 0.0);
    try (NDManager scope = manager.newSubManager()) {
      NDArray labels = scope.create(new long[] {0, 1, 2, 0});
      Map<String, float[]> before = values(net);
      assertThat(step.run(batch(scope, 0f), labels, 0.1).loss()).isFinite();
      Map<String, float[]> after = values(net);
      assertThat(Arrays.equals(after.get("bn1.running_mean"), before.get("bn1.running_mean"))).isFalse();

      TrainStep.Result r = step.run(batch(scope, Float.NaN), labels, 0.1);
      assertThat(r.loss()).isNaN();
      Map<String, float[]> unchanged = values(net);
      assertThat(unchanged.keySet()).containsExactlyElementsOf(after.keySet());
      after.forEach((name, v) -> assertThat(unchanged.get(name)).as(name).containsExactly(v));
    }
  }

  @Test
  void withoutSkippingANonFiniteForwardPassPoisonsTheRunningStatistics() {
    // The behaviour the rollback exists for: batch statistics of a NaN batch reach the running ones.
    Network net = ModelZoo.build(new ModelSpec("resnet20", 1, 8, 3, Stem.CIFAR), manager, 1);
    TrainStep step = new TrainStep(net, new Sgd(0.9, false, 0, true), 0.0);
    try (NDManager scope = manager.newSubManager()) {
      step.run(batch(scope, Float.NaN), scope.create(new long[] {0, 1, 2, 0}), 0.1);
      assertThat(allFinite(net.params().stream().filter(p -> p.name().equals("bn1.running_mean")).findFirst()
          .orElseThrow().array().toFloatArray())).isFalse();
    }
  }

  @Test
  void withFullDistillationTheStudentLearnsTheTeachersOutputsNotTheLabels() {
    Network teacher = ModelZoo.build(new ModelSpec("resnet20", 1, 8, 3, Stem.CIFAR), manager, 7);
    Network student = ModelZoo.build(new ModelSpec("resnet20", 1, 8, 3, Stem.CIFAR), manager, 8);
    TrainStep step = new TrainStep(student, new Sgd(0.9, false, 0, true), 0.0, new Distillation(teacher, 1.0, 2.0));
    try (NDManager scope = manager.newSubManager()) {
      NDArray x = batch(scope, 0f);
      NDArray labels = scope.create(new long[] {0, 0, 0, 0}); // ignored at weight 1
      float first = Loss.distillation(student.forward(x, false), teacher.forward(x, false), 2.0).getFloat();
      float[] teacherBefore = teacher.params().get(0).array().toFloatArray();
      for (int i = 0; i < 30; i++) {
        step.run(x, labels, 0.05);
      }
      float last = Loss.distillation(student.forward(x, false), teacher.forward(x, false), 2.0).getFloat();
      assertThat(first).isGreaterThan(0f);
      assertThat(last).isLessThan(first / 2);
      assertThat(teacher.params().get(0).array().toFloatArray()).containsExactly(teacherBefore);
    }
  }
}
