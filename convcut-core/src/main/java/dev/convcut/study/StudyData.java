package dev.convcut.study;

import dev.convcut.InvalidRequestException;
import dev.convcut.Seeds;
import dev.convcut.Setting;
import dev.convcut.Words;
import dev.convcut.checkpoint.Architecture;
import dev.convcut.data.DataOptions;
import dev.convcut.data.DataSource;
import dev.convcut.data.Datasets;
import dev.convcut.data.ImageSet;
import dev.convcut.data.LabelKind;
import dev.convcut.data.EvalSubset;
import dev.convcut.data.Split;
import dev.convcut.data.folder.ImageFolderDataset;
import dev.convcut.model.ModelSpec;
import dev.convcut.provenance.Provenance;
import java.nio.file.Path;

/**
 * The data a study step needs for a checkpoint: the dataset its architecture names (or another
 * of the same shape), a split of it, and the evaluation set drawn from the test split, with every
 * data file recorded in the run's provenance. CIFAR-100 with 20 classes reads the coarse labels.
 */
public final class StudyData {
  private StudyData() {}

  /** The dataset to use: {@code override} if given, else the one the checkpoint was trained on. */
  public static String dataset(Architecture arch, String override) {
    String name = override != null ? override : arch.dataset();
    if (name == null || name.isBlank()) {
      throw new InvalidRequestException("the checkpoint does not name its dataset; pass ", Words.term(Setting.DATASET, "a dataset"));
    }
    return name;
  }

  /** Loads {@code split} of the dataset for {@code arch}, checking that its images fit the network. */
  public static ImageSet load(Architecture arch, String dataset, Split split, DataOptions options, Provenance provenance) {
    DataOptions o = arch.dataOptions(arch.classes() == 20 && dataset.equals("cifar100")
        ? new DataOptions(options.dataDir(), LabelKind.COARSE, options.allowDownload(), options.locations(), options.folder()) : options);
    DataSource source = Datasets.locate(dataset, o);
    DataOptions here = o.at(source.path());
    ImageSet set = Datasets.load(dataset, split, here);
    if (Datasets.isFolder(dataset)) {
      arch.checkFolderClasses(set.classes(), source.path().toString());
    }
    checkFits(arch, dataset, set);
    if (provenance != null) {
      Datasets.digests(dataset, here).forEach((f, sha) -> provenance.input("data/" + dataset + "/" + f, sha));
    }
    return set;
  }

  /**
   * The evaluation set of {@code dataset}'s test split for {@code arch}: {@code samples} images
   * drawn from the root {@code seed} (0: the whole split), the data files recorded in
   * {@code provenance}. An image folder decodes only the drawn images (the same indices a whole
   * split in memory would give), so a subset of a split too large for memory can be scored.
   */
  public static EvalSet evalSet(Architecture arch, String dataset, DataOptions options, int samples, long seed, String option,
      Provenance provenance) {
    if (!Datasets.isFolder(dataset)) {
      return evalSet(arch, load(arch, dataset, Split.TEST, options, provenance), samples, seed, option);
    }
    DataOptions o = arch.dataOptions(options);
    ImageFolderDataset folder = Datasets.folder(o);
    arch.checkFolderClasses(folder.classes(), folder.root().toString());
    int total = folder.listing(Split.TEST).samples().size();
    if (samples > total) {
      throw new IllegalArgumentException(option + " " + samples + " exceeds the " + total + " images of " + dataset + "/test"
          + " (0 scores the whole split)");
    }
    String split = Split.TEST.id();
    EvalSubset subset = samples == 0 ? EvalSubset.whole(dataset, split, total)
        : EvalSubset.draw(dataset, split, total, samples, new Seeds(seed).forPurpose("eval-subset"));
    ImageSet images = subset.isWhole() ? folder.load(Split.TEST) : folder.decodedSubset(Split.TEST, subset.indices()).images();
    checkFits(arch, dataset, images);
    if (provenance != null) {
      Datasets.digests(dataset, o).forEach((f, sha) -> provenance.input("data/" + dataset + "/" + f, sha));
    }
    return EvalSet.of(images, arch.preprocessing().normalization(), subset);
  }

  private static void checkFits(Architecture arch, String dataset, ImageSet set) {
    ModelSpec spec = arch.spec();
    if (set.channels() != spec.channels() || set.height() != spec.height() || set.width() != spec.width()
        || set.classes().size() != arch.classes()) {
      throw new InvalidRequestException(dataset + " images are " + set.channels() + "x" + set.height() + "x" + set.width() + " in "
          + set.classes().size() + " classes, but the checkpoint's " + arch.model() + " takes " + spec.inputShape() + " in "
          + arch.classes() + " classes; pass a ", Words.term(Setting.DATASET, "dataset"), " that fits");
    }
  }

  /** The evaluation set: {@code samples} test images drawn from the root {@code seed} (0: the whole test split). */
  public static EvalSet evalSet(Architecture arch, ImageSet test, int samples, long seed) {
    return evalSet(arch, test, samples, seed, "evalSamples");
  }

  /**
   * As {@link #evalSet(Architecture, ImageSet, int, long)}, naming the setting {@code option} if
   * it asks for more images than the split has (0 means all of them; more is refused, not capped).
   */
  public static EvalSet evalSet(Architecture arch, ImageSet test, int samples, long seed, String option) {
    if (samples > test.size()) {
      throw new IllegalArgumentException(option + " " + samples + " exceeds the " + test.size() + " images of " + test.dataset() + "/"
          + test.split() + " (0 scores the whole split)");
    }
    return EvalSet.of(test, arch.preprocessing().normalization(), samples, new Seeds(seed).forPurpose("eval-subset"));
  }
}
