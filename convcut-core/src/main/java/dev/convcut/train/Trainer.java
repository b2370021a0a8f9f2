package dev.convcut.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.convcut.Seeds;
import dev.convcut.Setting;
import dev.convcut.Words;
import dev.convcut.data.BatchAssembler;
import dev.convcut.data.BatchSource;
import dev.convcut.data.EpochOrder;
import dev.convcut.data.ImageSet;
import dev.convcut.eval.EvalResult;
import dev.convcut.eval.Evaluator;
import dev.convcut.io.Progress;
import dev.convcut.model.Network;
import dev.convcut.model.Ops;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training loop: per epoch a seeded shuffle, batches through the network in training mode
 * with autograd, cross-entropy with label smoothing, an optimizer step, optional evaluation and a
 * callback (the CLI saves a checkpoint there). Every random stream (order, augmentation, dropout)
 * derives from the root seed and the epoch number, so a resumed run repeats exactly what an
 * uninterrupted one would have done.
 */
public final class Trainer {
  private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

  /** Called after every epoch with the state to save. */
  @FunctionalInterface
  public interface EpochListener {
    void epochDone(EpochMetrics metrics, TrainingState state, Optimizer optimizer);
  }

  private final TrainConfig config;
  private final Network net;
  private final BatchSource trainBatches;
  private final ImageSet test;
  private final BatchAssembler testBatches;
  private final boolean showProgress;
  private Distillation distillation;
  private Progress.Listener listener;

  /**
   * @param trainBatches assembles training batches with the configuration's augmentation
   * @param test the evaluation split, or null for none
   * @param testBatches assembles evaluation batches without augmentation (null without {@code test})
   * @param showProgress draw a progress bar on stderr (only when it is a terminal)
   */
  public Trainer(TrainConfig config, Network net, BatchSource trainBatches, ImageSet test,
      BatchAssembler testBatches, boolean showProgress) {
    if (trainBatches.size() < 2) {
      throw new IllegalArgumentException("training needs at least 2 images, got " + trainBatches.size());
    }
    this.config = config;
    this.net = net;
    this.trainBatches = trainBatches;
    this.test = test;
    this.testBatches = testBatches;
    this.showProgress = showProgress;
  }

  /** Learn from {@code d}'s teacher as well as from the labels (null: from the labels only). Returns this trainer. */
  public Trainer distillFrom(Distillation d) {
    this.distillation = d;
    return this;
  }

  /**
   * Tell {@code listener} of every training step (label {@code epoch E/N}, images done of the
   * epoch's) instead of drawing a bar; a {@link java.util.concurrent.CancellationException} thrown
   * there stops the training. Returns this trainer.
   */
  public Trainer reportTo(Progress.Listener listener) {
    this.listener = listener;
    return this;
  }

  /**
   * Trains from {@code start} (null for epoch 0) to the configured number of epochs and returns
   * the final state.
   */
  public TrainingState run(TrainingState start, Optimizer optimizer, EpochListener listener) {
    List<EpochMetrics> history = new ArrayList<>(start == null ? List.of() : start.history());
    int first = start == null ? 0 : start.epochsDone();
    TrainStep step = new TrainStep(net, optimizer, config.labelSmoothing(), distillation);
    TrainingState state = start;
    for (int epoch = first; epoch < config.epochs(); epoch++) {
      EpochMetrics m = epoch(epoch, step, optimizer);
      history.add(m);
      state = new TrainingState(config, epoch + 1, optimizer.steps(), history);
      LOG.info("epoch {}/{}: {}", epoch + 1, config.epochs(), m.summary());
      if (listener != null) {
        listener.epochDone(m, state, optimizer);
      }
    }
    return state;
  }

  private EpochMetrics epoch(int epoch, TrainStep step, Optimizer optimizer) {
    Seeds seeds = new Seeds(config.seed());
    Ops.seedTorch(seeds.forPurpose("dropout", epoch));
    int[] order = new EpochOrder(trainBatches.size(), seeds.forPurpose("data-order")).forEpoch(epoch);
    SplittableRandom aug = new SplittableRandom(seeds.forPurpose("augment", epoch));
    BatchSource set = trainBatches;
    int batch = config.batchSize();
    // A last batch of one image cannot be batch-normalized in training mode: drop it.
    int usable = order.length % batch == 1 ? order.length - 1 : order.length;
    int steps = (usable + batch - 1) / batch;
    float[] x = new float[batch * set.imageFloats()];
    int[] y = new int[batch];
    double lossSum = 0;
    int skippedSteps = 0;
    long correct = 0;
    long seen = 0;
    double lr = 0;
    long t0 = System.nanoTime();
    String label = "epoch " + (epoch + 1) + "/" + config.epochs();
    try (Progress bar = listener != null ? Progress.to(listener, label, usable, "img")
        : showProgress ? new Progress(label, usable, "img") : new Progress(System.err, false, label, usable, "img")) {
      for (int s = 0; s < steps; s++) {
        int from = s * batch;
        int n = Math.min(batch, usable - from);
        trainBatches.assemble(order, from, n, x, y, aug);
        lr = config.lrSchedule().lr(epoch, s, steps);
        try (NDManager scope = net.manager().newSubManager()) {
          NDArray input = scope.create(FloatBuffer.wrap(x, 0, n * set.imageFloats()),
              new Shape(n, set.channels(), set.height(), set.width()));
          NDArray labels = scope.create(Labels.asLong(y, n));
          TrainStep.Result r = step.run(input, labels, lr);
          float loss = r.loss();
          long[] predicted = r.predicted();
          if (!Float.isFinite(loss)) {
            if (!optimizer.skipsNonFinite() || ++skippedSteps > Math.max(10, steps / 100)) {
              throw new dev.convcut.ConvcutException(Words.of("training diverged at epoch " + (epoch + 1) + ", step " + (s + 1)
                  + ": loss is " + loss + (skippedSteps > 0 ? " (" + skippedSteps + " non-finite steps left out this epoch)" : "")
                  + " (try a smaller ", Words.term(Setting.LEARNING_RATE, "learning rate"), ")"));
            }
            LOG.warn("epoch {}, step {}: loss is {}; the step was left out ({} this epoch)", epoch + 1, s + 1, loss,
                skippedSteps);
            continue;
          }
          lossSum += (double) loss * n;
          for (int b = 0; b < n; b++) {
            if (predicted[b] == y[b]) {
              correct++;
            }
          }
        }
        seen += n;
        bar.step(n, String.format(Locale.ROOT, "loss %.4f acc %.2f%% lr %.4g", lossSum / seen, 100.0 * correct / seen, lr));
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double testLoss = Double.NaN;
    double top1 = Double.NaN;
    double top5 = Double.NaN;
    boolean last = epoch + 1 == config.epochs();
    if (test != null && config.evalEvery() > 0 && ((epoch + 1) % config.evalEvery() == 0 || last)) {
      EvalResult r = Evaluator.evaluate(net, test, testBatches, Math.max(batch, 256), null);
      testLoss = r.loss();
      top1 = r.top1();
      top5 = r.top5();
    }
    return new EpochMetrics(epoch + 1, lr, lossSum / seen, (double) correct / seen, testLoss, top1, top5, seconds,
        seen / seconds);
  }
}
