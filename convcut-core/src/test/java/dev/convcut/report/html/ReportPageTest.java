package dev.convcut.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convcut.report.SyntheticRun;
import dev.convcut.report.analysis.Analysis;
import dev.convcut.report.analysis.Criteria;
import dev.convcut.report.analysis.Findings;
import dev.convcut.report.data.StudyRun;
import dev.convcut.report.plot.ReportFigures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPageTest {
  @TempDir Path dir;

  private static String render(StudyRun run) {
    Findings f = Analysis.analyze(run, Criteria.defaults());
    return ReportPage.render(run, f, ReportFigures.draw(run, f));
  }

  @Test
  void aFullRunHasEverySectionItsFindingsAndNoExternalResources() {
    String html = render(StudyRun.load(SyntheticRun.write(dir, SyntheticRun.DEEPER_TOLERATE_MORE)));
    for (String id : new String[] {"run", "findings", "baseline", "sweep", "spectra", "global", "retrain", "files"}) {
      assertThat(html).contains("<h2 id=\"" + id + "\">");
    }
    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
        .contains("<span class=\"verdict held\">held</span>")
        .contains("Deeper layers tolerate more norm loss.")
        .contains("<dt>model</dt><dd>cnn4</dd>").contains("<dt>dataset</dt><dd>fashion-mnist</dd>")
        .contains("<dt>commit</dt><dd>0123456789abcdef</dd>")
        .contains("<th>epochs_to_recover</th>")
        .doesNotContain("<script").doesNotContain("http://").doesNotContain("https://").doesNotContain("url(");
    assertThat(Pattern.compile("src=\"(?!data:image/png;base64,)").matcher(html).find()).as("every image is inline").isFalse();
    assertThat(Pattern.compile("<img ").matcher(html).results().count()).isEqualTo(14);
  }

  @Test
  void sectionsWhoseFilesAreMissingAreLeftOut() throws Exception {
    SyntheticRun.write(dir, SyntheticRun.DEEPER_TOLERATE_MORE);
    Files.delete(dir.resolve("global/global.csv"));
    Files.delete(dir.resolve("retrain/retrain.csv"));
    Files.delete(dir.resolve("run.json"));
    String html = render(StudyRun.load(dir));
    assertThat(html).doesNotContain("id=\"global\"").doesNotContain("id=\"retrain\"").doesNotContain("href=\"#global\"")
        .contains("id=\"sweep\"").contains("<dd>not found: provenance unknown</dd>")
        .contains("<td>global.csv</td><td>not in this run</td>")
        .contains("the run has no re-training (retrain.csv)");
  }

  @Test
  void aLayerThatNeverLeftToleranceIsMarkedAsALowerBound() throws Exception {
    Files.writeString(dir.resolve("sweep.csv"), "layer,depth,cut,level,norm_loss,top1,delta_top1\n"
        + "a,0,o|ihw,keep0.5,0.25,0.9,0\na,0,o|ihw,rank1,0.5,0.9,0\nb,1,o|ihw,rank1,0.5,0.5,-40\n");
    String html = render(StudyRun.load(dir));
    assertThat(html).contains("<td class=\"num best\">\u2265 50.0%</td>").contains("<td class=\"num best\">0.0%</td>");
  }

  @Test
  void namesFromTheFilesAreEscaped() throws Exception {
    Path sweep = dir.resolve("sweep.csv");
    Files.writeString(sweep, "layer,depth,cut,level,norm_loss,top1,delta_top1\n"
        + "\"<b>bad</b>&\",0,o|ihw,<i>keep</i>,0.1,0.9,0\n\"<b>bad</b>&\",0,o|ihw,rank1,0.5,0.5,-40\n");
    String html = render(StudyRun.load(dir));
    assertThat(html).doesNotContain("<b>bad</b>").doesNotContain("<i>keep</i>").contains("&lt;b&gt;bad&lt;/b&gt;&amp;");
  }

  @Test
  void aResidualNetworkGetsItsStagesKindsAndTheEvaluationNoiseBesideTheTolerance() throws Exception {
    StringBuilder sweep = new StringBuilder("layer,depth,cut,level,norm_loss,top1,delta_top1,eval_samples\n,,,baseline,0,0.9,0,10000\n");
    String[] layers = {"conv1", "layer1.0.conv1", "layer1.0.conv2", "layer2.0.conv1", "layer2.0.conv2", "layer2.0.downsample.0"};
    for (int d = 0; d < layers.length; d++) {
      double eta = 0.05 * (d + 1);
      sweep.append(layers[d]).append(',').append(d).append(",o|ihw,keep0.5,").append(eta).append(",0.899,-0.1,10000\n");
      sweep.append(layers[d]).append(',').append(d).append(",o|ihw,rank1,").append(eta + 0.1).append(",0.5,-40,10000\n");
    }
    Files.writeString(dir.resolve("sweep.csv"), sweep.toString());
    Files.writeString(dir.resolve("noise.csv"), "layer,cut,level,eval_samples,delta_top1,dense_only,variant_only,disagreement,se_points\n"
        + "layer2.0.conv1,o|ihw,keep0.5,10000,-0.5,100,50,0.015,0.1223785015832641\n");
    String html = render(StudyRun.load(dir));
    assertThat(html).contains("Per stage of the residual network")
        .contains("<td>layer2.0.downsample.0</td><td class=\"num\">5</td><td>layer2</td><td class=\"num\">0</td>"
            + "<td>1\u00d71 downsampling projection</td>")
        .contains("<td>the blocks' first convolutions, best cut</td>".replace("'", "&#39;"))
        .contains("95% CI")
        .contains("Evaluation noise: 10000 evaluation images: standard error of the baseline top-1 0.30 points; paired standard error"
            + " of a variant&#39;s top-1 difference at most 0.12 points (1 sweep row near the tolerance, up to 1.5% of images disagreeing),"
            + " beside the tolerance of 0.5 points.")
        .contains("<td>noise.csv</td><td>noise.csv</td>");
    assertThat(Pattern.compile("alt=\"Tolerable norm loss against depth").matcher(html).find()).isTrue();
  }
}
