package dev.convcut.train;

import java.util.List;
import java.util.Locale;

/**
 * One row of {@code metrics.csv}: an epoch's learning rate (at its last step), training loss and
 * top-1 (over the epoch, in training mode), test metrics when evaluated (NaN otherwise), wall
 * time and training throughput.
 */
public record EpochMetrics(int epoch, double lr, double trainLoss, double trainTop1, double testLoss, double testTop1,
    double testTop5, double seconds, double imagesPerSecond) {
  public static final String HEADER = "epoch,lr,train_loss,train_top1,test_loss,test_top1,test_top5,seconds,images_per_s";

  public String csv() {
    return String.format(Locale.ROOT, "%d,%.6g,%.6f,%.6f,%s,%s,%s,%.1f,%.1f", epoch, lr, trainLoss, trainTop1,
        num(testLoss), num(testTop1), num(testTop5), seconds, imagesPerSecond);
  }

  /** One readable line for logs, e.g. {@code lr 0.0989, train loss 0.3470 top-1 87.23 %, test ...}. */
  public String summary() {
    String test = Double.isNaN(testTop1) ? "not evaluated"
        : String.format(Locale.ROOT, "loss %.4f top-1 %.2f %% top-5 %.2f %%", testLoss, 100 * testTop1, 100 * testTop5);
    return String.format(Locale.ROOT, "lr %.4g, train loss %.4f top-1 %.2f %%, test %s, %.0f s (%.0f img/s)", lr,
        trainLoss, 100 * trainTop1, test, seconds, imagesPerSecond);
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
  }

  public static String csv(List<EpochMetrics> rows) {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    rows.forEach(r -> sb.append(r.csv()).append('\n'));
    return sb.toString();
  }
}
