package dev.convcut.spark;

import dev.convcut.data.EvalSubset;
import dev.convcut.data.ImageSet;
import dev.convcut.data.Normalization;
import dev.convcut.study.EvalSet;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The driver's evaluation images as a broadcast value: the pixels and labels already drawn and
 * decoded, and the normalization. Every executor scores exactly these images, in this order, so
 * it needs neither the dataset nor the subset's seed.
 */
record EvalImages(String dataset, String split, int channels, int height, int width, ArrayList<String> classes, byte[] pixels,
    int[] labels, double[] mean, double[] std) implements Serializable {

  static EvalImages of(EvalSet eval) {
    ImageSet s = eval.images();
    Normalization n = eval.batches().normalization();
    return new EvalImages(s.dataset(), s.split(), s.channels(), s.height(), s.width(), new ArrayList<>(s.classes()), s.pixels(),
        s.labels(), n.mean(), n.std());
  }

  /** The evaluation set an executor scores on: these images, whole, with the driver's normalization. */
  EvalSet toEvalSet() {
    ImageSet set = new ImageSet(dataset, split, channels, height, width, List.copyOf(classes), pixels, labels);
    return EvalSet.of(set, new Normalization(mean, std), EvalSubset.whole(set));
  }

  long bytes() {
    return pixels.length + 4L * labels.length;
  }
}
