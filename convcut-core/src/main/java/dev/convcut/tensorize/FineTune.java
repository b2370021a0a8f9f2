package dev.convcut.tensorize;

import dev.convcut.ConvcutException;
import dev.convcut.InvalidSettingException;
import dev.convcut.Setting;
import dev.convcut.Words;
import dev.convcut.checkpoint.Preprocessing;
import dev.convcut.data.Augmentation;
import dev.convcut.data.BatchAssembler;
import dev.convcut.data.ImageSet;
import dev.convcut.data.Normalization;
import dev.convcut.model.Network;
import dev.convcut.model.Ops;
import dev.convcut.model.Param;
import dev.convcut.model.Stem;
import dev.convcut.train.ClipGradNorm;
import dev.convcut.train.Distillation;
import dev.convcut.train.EpochMetrics;
import dev.convcut.train.TrainConfig;
import dev.convcut.train.Trainer;
import dev.convcut.train.TrainingState;
import java.util.List;

/**
 * Fine-tuning of a compressed network with convcut's trainer: every trainable array (factor
 * weights, the other convolutions, BatchNorm, linear layers) is trained, by SGD with Nesterov
 * momentum 0.9, weight decay 5e-4 and a cosine schedule from {@code lr} over the epochs, gradients
 * clipped to a global norm of {@value #MAX_GRAD_NORM}, with the dataset's standard augmentation,
 * optionally distilling from the dense network ({@link Distillation}); the test split is scored
 * after every epoch.
 */
public final class FineTune {
  /**
   * Global gradient-norm limit while fine-tuning. Chains of thin convolutions in a network without
   * normalization (cnn4) blew up after a few hundred good steps without it; 5 leaves the usual
   * gradients of these models (norms well below 1 to about 3) untouched.
   */
  static final double MAX_GRAD_NORM = 5.0;

  private FineTune() {}

  /**
   * Epochs, base learning rate, batch size, seed, and the distillation from the dense network:
   * {@code distill} is the distillation term's share of the loss (0: labels only), {@code
   * temperature} its softening temperature (see {@link Distillation}).
   */
  public record Settings(int epochs, double lr, int batch, long seed, double distill, double temperature) {
    /** No fine-tuning; were epochs given: learning rate 0.01, batch 128, seed 0, no distillation (temperature 4). */
    public static final Settings DEFAULT = new Settings(0, 0.01, 128, 0, 0, 4);

    public Settings {
      if (epochs < 0) {
        throw new InvalidSettingException(Setting.FINETUNE_EPOCHS, epochs, " must be >= 0, got " + epochs);
      }
      if (batch < 2) {
        throw new InvalidSettingException(Setting.FINETUNE_BATCH, batch, " must be >= 2 (BatchNorm needs two images per step), got " + batch);
      }
      if (!(lr > 0) || Double.isInfinite(lr)) {
        throw new InvalidSettingException(Setting.FINETUNE_LR, lr, " must be a positive number, got " + lr);
      }
      Distillation.check(distill, temperature);
    }

    /** The distillation from {@code teacher} these settings ask for, or null for none. */
    public Distillation distillation(Network teacher) {
      return distill > 0 ? new Distillation(teacher, distill, temperature) : null;
    }
  }

  /**
   * The training configuration these settings stand for (stored in run.json).
   *
   * @param augmentation the dataset's standard training augmentation (random crop and flip for CIFAR)
   */
  public static TrainConfig config(Settings s, String model, String dataset, Stem stem, Augmentation augmentation) {
    return TrainConfig.builder().setModel(model).setDataset(dataset).optStem(stem).optEpochs(Math.max(1, s.epochs()))
        .optBatchSize(s.batch()).optLr(s.lr()).optNesterov(true).optSeed(s.seed()).optAugmentation(augmentation.inMemory()).build();
  }

  /**
   * Trains {@code net} in place and returns each epoch's metrics (test top-1 included).
   *
   * @param distillation the dense network to distil from, or null
   */
  public static List<EpochMetrics> run(Network net, TrainConfig config, Distillation distillation, ImageSet train,
      ImageSet test, Preprocessing pre, boolean progress) {
    Normalization n = pre.normalization();
    Trainer trainer = new Trainer(config, net, new BatchAssembler(train, n, config.augmentation()), test,
        new BatchAssembler(test, n, Augmentation.NONE), progress).distillFrom(distillation);
    TrainingState state = trainer.run(null, new ClipGradNorm(config.newOptimizer(), MAX_GRAD_NORM), null);
    for (Param p : net.params()) {
      if (!Ops.allFinite(p.array())) {
        throw new ConvcutException(Words.of("fine-tuning left non-finite values in " + p.name()
            + "; nothing was written (try a smaller ", Words.term(Setting.FINETUNE_LR, "learning rate"), ", fewer ",
            Words.term(Setting.FINETUNE_EPOCHS, "epochs"), ", or other ", Words.term(Setting.METHODS, "methods"), ")"));
      }
    }
    return state.history();
  }
}
