package dev.convcut.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.convcut.engine.Torch;
import dev.convcut.model.LayerInfo;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import dev.convcut.model.Ops;
import dev.convcut.train.Sgd;
import dev.convcut.train.TrainStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Measures what torch_bench.py measures, the same way: random N(0,1) inputs and random labels,
 * SGD (lr 0.01, momentum 0.9, weight decay 5e-4), {@code warmup} untimed steps then {@code steps}
 * timed training steps; then, in inference mode, {@code warmup} + {@code steps} forward passes
 * with an arg-max.
 */
public final class SpeedBench {
  private SpeedBench() {}

  /** Runs the benchmark for one model on a {@code channels×size×size} input with {@code classes} classes. */
  public static SpeedResult run(ModelSpec spec, int batch, int steps, int warmup, int threads) {
    Torch.configure(threads);
    try (NDManager manager = NDManager.newBaseManager(); Network net = ModelZoo.build(spec, manager, 0)) {
      NDArray x = manager.randomNormal(new Shape(batch, spec.channels(), spec.height(), spec.width()));
      NDArray y = manager.randomInteger(0, spec.classes(), new Shape(batch), DataType.INT64);
      TrainStep step = new TrainStep(net, new Sgd(0.9, false, 5e-4, true), 0);
      double rssBefore = 0;
      long t0 = 0;
      for (int s = 0; s < warmup + steps; s++) {
        if (s == warmup) {
          rssBefore = rssMb();
          t0 = System.nanoTime();
        }
        try (NDManager scope = manager.newSubManager()) {
          NDArray in = x.duplicate();
          in.attach(scope);
          step.run(in, y, 0.01);
        }
      }
      double train = steps * (double) batch / ((System.nanoTime() - t0) / 1e9);
      double rssAfter = rssMb();
      boolean grad = Ops.gradMode(false);
      try (Network.Inference inference = net.inference()) {
        for (int s = 0; s < warmup + steps; s++) {
          if (s == warmup) {
            t0 = System.nanoTime();
          }
          try (NDManager scope = manager.newSubManager()) {
            NDArray in = x.duplicate();
            in.attach(scope);
            inference.forward(in).argMax(1).toLongArray();
          }
        }
      } finally {
        Ops.gradMode(grad);
      }
      double eval = steps * (double) batch / ((System.nanoTime() - t0) / 1e9);
      long macs = net.layerInfos().stream().mapToLong(LayerInfo::macs).sum();
      return new SpeedResult("convcut-libtorch-" + Torch.version(), spec.model(), batch, threads, net.parameterCount(),
          round(train), round(eval), round(2.0 * macs * eval / 1e9), round(rssBefore), round(rssAfter));
    }
  }

  /** The models torch_bench.py measures by default. */
  public static List<String> defaultModels() {
    return List.of("cnn4", "resnet20", "resnet50");
  }

  /** This process's resident memory in MiB (Linux), or NaN elsewhere. */
  public static double rssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux: memory is simply not reported.
    }
    return Double.NaN;
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
