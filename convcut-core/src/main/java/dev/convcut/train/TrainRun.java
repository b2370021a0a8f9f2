package dev.convcut.train;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.convcut.ConvcutException;
import dev.convcut.InvalidRequestException;
import dev.convcut.InvalidSettingException;
import dev.convcut.Setting;
import dev.convcut.Words;
import dev.convcut.checkpoint.Architecture;
import dev.convcut.checkpoint.Checkpoint;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.checkpoint.Preprocessing;
import dev.convcut.data.Augmentation;
import dev.convcut.data.BatchAssembler;
import dev.convcut.data.BatchSource;
import dev.convcut.data.DataOptions;
import dev.convcut.data.DataSource;
import dev.convcut.data.DatasetSpec;
import dev.convcut.data.Datasets;
import dev.convcut.data.ImageSet;
import dev.convcut.data.ImageSets;
import dev.convcut.data.Split;
import dev.convcut.io.Json;
import dev.convcut.io.OutputLock;
import dev.convcut.io.OutputPlace;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import dev.convcut.model.Stem;
import dev.convcut.provenance.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A whole training run as the {@code train} command performs it: load the dataset, build the
 * network (or load it from a checkpoint to resume), train, and after every epoch write the
 * checkpoint directory (weights, training state, {@code metrics.csv}, {@code run.json}). The
 * output folder is locked for the whole run ({@link OutputLock}), so two runs never write one.
 */
public final class TrainRun {
  private TrainRun() {}

  /**
   * @param config the configuration of a new run; null when resuming (the checkpoint's is used)
   * @param stem the ResNet stem for a new network
   * @param resume a checkpoint to continue, or null
   * @param resumeEpochs when resuming, train to this many epochs in all (null: the checkpoint's count)
   * @param resetOptimizer when resuming, allow a checkpoint without its optimizer state (the optimizer then starts afresh)
   */
  public record Request(TrainConfig config, Stem stem, DataOptions data, Path out, boolean force, Path resume,
      Integer resumeEpochs, boolean resetOptimizer, boolean progress, List<String> arguments) {
    public Request {
      if ((config == null) == (resume == null)) {
        throw new IllegalArgumentException("give either a configuration for a new run or a checkpoint to resume");
      }
    }
  }

  /** Runs the request and returns the final training state. */
  public static TrainingState run(Request req) {
    try (OutputLock lock = OutputLock.acquire(req.out())) {
      if (Files.exists(req.out()) && !req.force() && !req.out().equals(req.resume())) {
        throw OutputPlace.taken(req.out() + " already exists", true);
      }
      return locked(req);
    }
  }

  private static TrainingState locked(Request req) {
    try (NDManager manager = NDManager.newBaseManager()) {
      Resumed from = req.resume() == null ? null : resume(req, manager);
      TrainConfig cfg = from == null ? req.config()
          : req.resumeEpochs() == null ? from.state().config() : from.state().config().withEpochs(req.resumeEpochs());
      String dataset = cfg.dataset();
      boolean folder = Datasets.isFolder(dataset);
      DataOptions data = from != null && folder ? req.data().forInput(from.architecture().channels(), from.architecture().size(),
          from.architecture().preprocessing().resize()) : req.data().forTraining();
      DatasetSpec ds = Datasets.spec(dataset, data);
      List<String> classes = ds.classes(data.labels());
      DataSource source = Datasets.locate(dataset, data);
      DataOptions here = data.at(source.path());
      ImageSet test = Datasets.load(dataset, Split.TEST, here);
      if (from != null && !from.architecture().classNames().isEmpty() && !from.architecture().classNames().equals(classes)) {
        throw new InvalidRequestException("checkpoint " + req.resume() + " was trained on the classes " + from.architecture().classNames()
            + ", but " + source.path() + " has " + classes);
      }
      ModelSpec spec = from != null ? from.net().spec() : new ModelSpec(cfg.model(), ds.channels(), ds.height(), classes.size(), req.stem());
      if (spec.channels() != ds.channels() || spec.size() != ds.height() || spec.classes() != classes.size()) {
        throw new InvalidRequestException("checkpoint " + req.resume() + " is " + spec + ", which does not fit " + dataset);
      }
      Preprocessing pre = from != null ? from.architecture().preprocessing()
          : Preprocessing.of(ds.normalization()).withResize(folder ? data.folder().resize() : null);
      Architecture arch = Architecture.of(spec, from != null ? from.net().forms() : Map.of(), pre, dataset, classes);
      Provenance prov = Provenance.start("train", req.arguments()).configuration(cfg).seed(cfg.seed());
      Datasets.digests(dataset, here).forEach((f, sha) -> prov.input("data/" + f, sha));
      if (req.resume() != null) {
        prov.input("resume/" + Checkpoints.WEIGHTS, Checkpoints.weights(req.resume()));
      }
      Network net = from != null ? from.net() : ModelZoo.build(spec, manager, cfg.seed());
      try {
        Optimizer opt = cfg.newOptimizer();
        TrainingState start = null;
        if (from != null) {
          start = from.state();
          opt.loadState(from.optimizer(), start.optimizerSteps());
        }
        BatchSource train = trainBatches(cfg, dataset, here, pre);
        try {
          Trainer trainer = new Trainer(cfg, net, train, test, new BatchAssembler(test, pre.normalization(), Augmentation.NONE),
              req.progress());
          return trainer.run(start, opt, (m, state, optimizer) -> Checkpoints.save(req.out(), true, net, arch,
              new Checkpoints.Resume(state, optimizer.state()), Map.of("metrics.csv", EpochMetrics.csv(state.history())),
              prov, m));
        } finally {
          if (train instanceof AutoCloseable c) {
            closeQuietly(c);
          }
        }
      } finally {
        net.close();
      }
    }
  }

  /**
   * The training batches: random resized crops decoded from an image folder's files as training
   * goes, or the split in memory with the configured crop and flip.
   */
  private static BatchSource trainBatches(TrainConfig cfg, String dataset, DataOptions here, Preprocessing pre) {
    if (cfg.augmentation().resizedCrop()) {
      if (!Datasets.isFolder(dataset)) {
        throw new InvalidRequestException("random resized crops need the original images of an image folder; " + dataset
            + " takes a crop with padding");
      }
      return Datasets.folder(here).trainBatches(pre.normalization(), cfg.trainLimit());
    }
    ImageSet train = ImageSets.first(Datasets.load(dataset, Split.TRAIN, here), cfg.trainLimit());
    return new BatchAssembler(train, pre.normalization(), cfg.augmentation());
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      throw new ConvcutException("could not stop the image decoders: " + e, e);
    }
  }

  /** A checkpoint's network and training state, read back for resuming. */
  private record Resumed(Architecture architecture, Network net, TrainingState state, Map<String, ai.djl.ndarray.NDArray> optimizer) {}

  private static Resumed resume(Request req, NDManager manager) {
    Checkpoint ck = Checkpoints.load(req.resume(), manager);
    if (!ck.resumable()) {
      ck.close();
      throw new ConvcutException(req.resume() + " has no " + Checkpoints.TRAINING_STATE + "; only checkpoints written by"
          + " 'convcut train' can be resumed (to fine-tune imported weights, that is a later feature)");
    }
    JsonNode node = ck.trainingState();
    TrainingState state = Json.mapper().convertValue(node, TrainingState.class);
    if (req.resumeEpochs() != null && req.resumeEpochs() < state.epochsDone()) {
      ck.close();
      throw new InvalidSettingException(Setting.EPOCHS, req.resumeEpochs(), " " + req.resumeEpochs() + " is less than the " + state.epochsDone()
          + " epochs " + req.resume() + " has done");
    }
    if (ck.optimizerState().isEmpty() && state.config().optimizerHasState() && state.optimizerSteps() > 0 && !req.resetOptimizer()) {
      ck.close();
      throw new ConvcutException(Words.of(req.resume().resolve(Checkpoints.OPTIMIZER) + ": missing; " + req.resume() + " took "
          + state.optimizerSteps() + " " + state.config().optimizer() + " steps, and resuming without their optimizer state would"
          + " restart it and give other weights than an uninterrupted run. Restore the file, or pass ", Setting.RESET_OPTIMIZER,
          " to continue with a fresh optimizer on purpose"));
    }
    return new Resumed(ck.architecture(), ck.network(), state, ck.optimizerState());
  }
}
