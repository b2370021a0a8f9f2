package dev.convcut.examples;

import dev.convcut.api.Convcut;
import dev.convcut.api.EvalData;
import dev.convcut.api.Model;
import dev.convcut.study.Score;
import dev.convcut.tensor.Level;
import dev.convcut.tensorize.Method;
import dev.convcut.tensorize.RankRequest;
import java.nio.file.Path;

/** Compress my model: Tucker-2 at a quarter of each bond's rank, scored before and after, saved and exported. */
public final class CompressMyModel {
  public static void main(String[] args) {
    Path checkpoint = Path.of(args[0]);
    Path out = Path.of(args[1]);
    try (Model model = Convcut.load(checkpoint)) {
      EvalData test = model.testData(1000);
      Score before = model.evaluate(test);
      try (Model small = model.compress(Method.TUCKER2, RankRequest.level(Level.keep(0.25)))) {
        Score after = small.evaluate(test);
        System.out.printf("top-1 %.2f %% -> %.2f %% (before fine-tuning)%n", 100 * before.top1(), 100 * after.top1());
        small.save(out.resolve("checkpoint"));
        small.exportOnnx(out.resolve("model.onnx"));
      }
    }
  }

  private CompressMyModel() {}
}
