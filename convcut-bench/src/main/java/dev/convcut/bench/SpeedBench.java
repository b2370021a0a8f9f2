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
import java.util.List;

/**
 * Measures what torch_bench.py measures, the same way: random N(0,1) inputs and random labels,
 * SGD (lr 0.01, momentum 0.9, weight decay 5e-4), {@code warmup} untimed steps then {@code steps}
 * timed training steps; then, in inference mode, {@code warmup} + {@code steps} forward passes
 * with an arg-max. The process's peak resident memory is read after each phase; run one model per
 * process to see that model's peak alone.
 */
public final class SpeedBench {
  private SpeedBench() {}

  /** Runs the benchmark for one model on a {@code channels×size×size} input with {@code classes} classes. */
  public static SpeedResult run(ModelSpec spec, int batch, int steps, int warmup, int threads) {
    return run(spec, batch, steps, warmup, threads, true);
  }

  /**
   * As {@link #run(ModelSpec, int, int, int, int)}; without {@code train} only the evaluation runs
   * (its peak memory is then evaluation's alone) and the training figures are NaN.
   */
  public static SpeedResult run(ModelSpec spec, int batch, int steps, int warmup, int threads, boolean train) {
    Torch.configure(threads);
    try (NDManager manager = NDManager.newBaseManager(); Network net = ModelZoo.build(spec, manager, 0)) {
      NDArray x = manager.randomNormal(new Shape(batch, spec.channels(), spec.height(), spec.width()));
      NDArray y = manager.randomInteger(0, spec.classes(), new Shape(batch), DataType.INT64);
      TrainStep step = new TrainStep(net, new Sgd(0.9, false, 5e-4, true), 0);
      double rssBefore = Double.NaN;
      long t0 = 0;
      for (int s = 0; s < (train ? warmup + steps : 0); s++) {
        if (s == warmup) {
          rssBefore = ResidentMemory.mib();
          t0 = System.nanoTime();
        }
        try (NDManager scope = manager.newSubManager()) {
          NDArray in = x.duplicate();
          in.attach(scope);
          step.run(in, y, 0.01);
        }
      }
      double trainRate = train ? steps * (double) batch / ((System.nanoTime() - t0) / 1e9) : Double.NaN;
      double rssAfter = train ? ResidentMemory.mib() : Double.NaN;
      double peakTrain = train ? ResidentMemory.peakMib() : Double.NaN;
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
          round(trainRate), round(eval), round(2.0 * macs * eval / 1e9), round(rssBefore), round(rssAfter), round(peakTrain),
          round(ResidentMemory.peakMib()));
    }
  }

  /** The models torch_bench.py measures by default. */
  public static List<String> defaultModels() {
    return List.of("cnn4", "resnet20", "resnet50");
  }

  private static double round(double v) {
    return Double.isNaN(v) ? v : Math.round(v * 10) / 10.0;
  }
}
