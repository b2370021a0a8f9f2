package dev.convcut.report.html;

import dev.convcut.report.analysis.CutTolerance;
import dev.convcut.report.analysis.DepthTrend;
import dev.convcut.report.analysis.Findings;
import dev.convcut.report.analysis.Format;
import dev.convcut.report.analysis.LayerRole;
import dev.convcut.report.analysis.LayerSummary;
import dev.convcut.report.analysis.RunRecovery;
import dev.convcut.report.analysis.StageSummary;
import dev.convcut.report.data.CutOrder;
import dev.convcut.report.data.GlobalPoint;
import dev.convcut.report.data.NoisePoint;
import dev.convcut.report.data.RetrainEpoch;
import dev.convcut.report.data.SpectrumEntry;
import dev.convcut.report.data.StudyRun;
import dev.convcut.report.html.Html.Cell;
import dev.convcut.report.plot.Figure;
import dev.convcut.report.plot.ReportFigures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The page's sections for the four experiments; each is left out when the run lacks its file. */
final class StudySections {
  private static final String DASH = "\u2013";

  private StudySections() {}

  static void sweep(Html h, StudyRun run, Findings f, ReportFigures figures) {
    if (run.sweep() == null) {
      return;
    }
    h.heading("sweep", "Layer-wise sweep");
    if (f.layers().isEmpty()) {
      h.paragraph("sweep.csv has no truncated rows.");
      return;
    }
    h.paragraph("One layer truncated at a time along each cut, at each level; everything else untouched. "
        + "A layer's tolerable norm loss along a cut is the largest \u03b7 such that that level and every level with a "
        + "smaller \u03b7 kept top-1 within " + Format.tolerance(f.criteria().tolerance()) + " points of the baseline "
        + "(\u2265: every level measured stayed within tolerance, so the true value may be larger).");
    addFigure(h, figures.heatMap());
    List<String> cuts = CutOrder.sorted(f.layers().stream().flatMap(l -> l.cuts().stream().map(CutTolerance::cut)).toList());
    List<String> header = new ArrayList<>(List.of("layer", "depth", "shape"));
    header.addAll(cuts);
    header.addAll(List.of("level at best cut", "most \u03b7 within tolerance"));
    List<List<Cell>> rows = new ArrayList<>();
    for (LayerSummary l : f.layers()) {
      List<Cell> row = new ArrayList<>(List.of(Cell.of(l.layer()), Cell.number(Integer.toString(l.depth())), Cell.of(l.shape())));
      for (String cut : cuts) {
        CutTolerance c = l.cut(cut);
        String text = c == null ? DASH : (c.censored() ? "\u2265 " : "") + Format.percent(c.tolerableNormLoss());
        row.add(new Cell(text, c == l.best() ? "num best" : "num"));
      }
      row.add(Cell.of(l.best().level() == null ? "none" : l.best().level()));
      row.add(Cell.of(l.headroom() == null ? "none" : Format.percent(l.headroom().normLoss()) + " (" + l.headroom().cut()
          + " " + l.headroom().level() + ")"));
      rows.add(row);
    }
    h.element("h3", null, "Tolerable norm loss per layer and cut");
    h.table(header, rows);
    trends(h, f);
    addFigure(h, figures.depth());
    addFigure(h, figures.depthPerCut());
    stages(h, f, cuts);
    h.element("h3", null, "Accuracy versus norm loss, per layer");
    figures.sweeps().forEach(fig -> addFigure(h, fig));
  }

  private static void trends(Html h, Findings f) {
    List<DepthTrend> all = new ArrayList<>();
    all.add(f.depthTrend());
    all.addAll(f.depthTrendPerKind());
    all.addAll(f.depthTrendPerCut());
    List<List<Cell>> rows = new ArrayList<>();
    for (DepthTrend t : all) {
      String ci = t.ciLow() == null ? DASH : Format.number(t.ciLow(), 2) + " to " + Format.number(t.ciHigh(), 2);
      rows.add(List.of(Cell.of(t.label()), Cell.number(Integer.toString(t.layers())),
          Cell.number(Format.number(t.rho(), 2)), Cell.number(Format.pValue(t.pValue()).replace("= ", "")), Cell.number(ci),
          Cell.number(Integer.toString(t.lowerBounds())), Cell.of(t.verdict().label())));
    }
    h.element("h3", null, "Do deeper layers tolerate more?");
    h.paragraph("Spearman rank correlation between layer depth and tolerable norm loss, with its one-sided permutation "
        + "p-value (the chance of a correlation at least this large if depth did not matter) and its 95% confidence "
        + "interval by Fisher's z-transform (standard error 1.03/√(n−3), Fieller, Hartley and Pearson 1957; "
        + "undefined below 4 layers and at |rho| = 1).");
    h.table(List.of("over", "layers", "Spearman rho", "p", "95% CI", "lower bounds", "verdict"), rows);
  }

  /** Per stage of a residual network: mean tolerable norm loss along each cut and per kind of convolution. */
  private static void stages(Html h, Findings f, List<String> cuts) {
    if (f.stages().isEmpty()) {
      return;
    }
    List<LayerRole.Kind> kinds = f.stages().stream().flatMap(s -> s.perKind().keySet().stream()).distinct().sorted().toList();
    List<String> header = new ArrayList<>(List.of("stage", "layers", "best cut"));
    kinds.forEach(k -> header.add(k.label() + " (best cut)"));
    header.addAll(cuts);
    List<List<Cell>> rows = new ArrayList<>();
    for (StageSummary s : f.stages()) {
      List<Cell> row = new ArrayList<>(List.of(Cell.of(s.stage()), Cell.number(Integer.toString(s.layers())),
          Cell.number(Format.percent(s.bestCutMean()))));
      kinds.forEach(k -> row.add(Cell.number(s.perKind().containsKey(k) ? Format.percent(s.perKind().get(k)) : DASH)));
      cuts.forEach(c -> row.add(Cell.number(s.perCut().containsKey(c) ? Format.percent(s.perCut().get(c)) : DASH)));
      rows.add(row);
    }
    h.element("h3", null, "Per stage of the residual network");
    h.paragraph("Mean tolerable norm loss over each stage's layers: at each layer's best cut, per kind of convolution "
        + "(the blocks' first and second convolutions and the 1×1 downsampling projections apart), and along each cut.");
    h.table(header, rows);
    List<List<Cell>> layers = new ArrayList<>();
    for (LayerRole r : f.roles()) {
      LayerSummary l = f.layers().stream().filter(x -> x.layer().equals(r.layer())).findFirst().orElseThrow();
      layers.add(List.of(Cell.of(r.layer()), Cell.number(Integer.toString(r.depth())), Cell.of(r.stage()),
          Cell.number(r.block() < 0 ? DASH : Integer.toString(r.block())), Cell.of(r.kind().label()), Cell.of(l.shape()),
          Cell.number((l.best().censored() ? "≥ " : "") + Format.percent(l.best().tolerableNormLoss())), Cell.of(l.best().cut())));
    }
    h.table(List.of("layer", "depth", "stage", "block", "kind", "shape", "tolerable η (best cut)", "best cut"), layers);
  }

  /** The evaluation set's standard errors beside the tolerance. */
  static void noise(Html h, Findings f) {
    if (f.noise() == null) {
      return;
    }
    h.paragraph("Evaluation noise: " + f.noise().describe(f.criteria()) + ".");
    if (f.noise().paired().isEmpty()) {
      return;
    }
    List<List<Cell>> rows = new ArrayList<>();
    for (NoisePoint p : f.noise().paired()) {
      rows.add(List.of(Cell.of(p.layer()), Cell.of(p.cut()), Cell.of(p.level()), Cell.number(Format.signed(p.deltaTop1())),
          Cell.number(Long.toString(p.denseOnly())), Cell.number(Long.toString(p.variantOnly())),
          Cell.number(Format.percent(p.disagreement())), Cell.number(Format.number(p.sePoints(), 3))));
    }
    h.table(List.of("layer", "cut", "level", "Δ top-1 (points)", "only dense right", "only variant right", "disagreement",
        "paired SE (points)"), rows);
  }

  static void spectra(Html h, StudyRun run, ReportFigures figures) {
    if (run.spectrum() == null && run.singularValues() == null) {
      return;
    }
    h.heading("spectra", "Spectra and entropies");
    addFigure(h, figures.entropy());
    if (run.spectrum() != null && !run.spectrum().isEmpty()) {
      List<String> cuts = CutOrder.sorted(run.spectrum().stream().map(SpectrumEntry::cut).toList());
      List<String> layers = run.spectrum().stream()
          .sorted(Comparator.comparingInt(SpectrumEntry::depth).thenComparing(SpectrumEntry::layer))
          .map(SpectrumEntry::layer).distinct().toList();
      List<String> header = new ArrayList<>(List.of("layer"));
      header.addAll(cuts);
      List<List<Cell>> rows = new ArrayList<>();
      for (String layer : layers) {
        List<Cell> row = new ArrayList<>(List.of(Cell.of(layer)));
        for (String cut : cuts) {
          row.add(Cell.number(run.spectrum().stream().filter(e -> e.layer().equals(layer) && e.cut().equals(cut))
              .findFirst().map(e -> Format.number(e.normalizedEntropy(), 3)).orElse(DASH)));
        }
        rows.add(row);
      }
      h.element("h3", null, "Normalized entropy S / ln r");
      h.table(header, rows);
    }
    if (!figures.spectra().isEmpty()) {
      h.element("h3", null, "Singular value spectra, per layer");
      figures.spectra().forEach(fig -> addFigure(h, fig));
    }
  }

  static void global(Html h, StudyRun run, Findings f, ReportFigures figures) {
    if (run.global() == null) {
      return;
    }
    h.heading("global", "Global truncation");
    addFigure(h, figures.global());
    List<List<Cell>> rows = new ArrayList<>();
    List<GlobalPoint> points = run.global().points().stream()
        .sorted(Comparator.comparing(GlobalPoint::cut, CutOrder.COMPARATOR).thenComparingDouble(GlobalPoint::normLossMean))
        .toList();
    for (GlobalPoint p : points) {
      rows.add(List.of(Cell.of(p.cut()), Cell.of(p.level()), Cell.number(p.layers() < 0 ? DASH : Long.toString(p.layers())),
          Cell.number(Format.percent(p.normLossMean())),
          Cell.number(Double.isNaN(p.normLossMax()) ? DASH : Format.percent(p.normLossMax())),
          Cell.number(Format.accuracy(p.top1())), Cell.number(Format.signed(p.deltaTop1())),
          Cell.number(params(p.denseParams(), p.factorizedParams())),
          Cell.of(f.criteria().within(p.deltaTop1()) ? "yes" : "no")));
    }
    h.table(List.of("cut", "level", "layers", "mean \u03b7", "max \u03b7", "top-1", "\u0394 top-1 (points)",
        "parameters (dense \u2192 factorized)", "within tolerance"), rows);
  }

  static void retrain(Html h, StudyRun run, Findings f, ReportFigures figures) {
    if (run.retrain() == null) {
      return;
    }
    h.heading("retrain", "Re-training");
    addFigure(h, figures.retrain());
    List<List<Cell>> rows = new ArrayList<>();
    for (RunRecovery r : f.recoveries()) {
      rows.add(List.of(Cell.of(r.run()), Cell.number(Integer.toString(r.lastEpoch())),
          Cell.number(Format.signed(r.startDeltaTop1())),
          Cell.number(Format.signed(r.finalDeltaTop1())),
          Cell.number(r.epochsToRecover() == null ? "not recovered" : Integer.toString(r.epochsToRecover())),
          Cell.of(r.outcome(f.criteria()).name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))));
    }
    h.element("h3", null, "Recovery per run");
    h.table(List.of("run", "epochs", "\u0394 top-1 before (points)", "\u0394 top-1 after (points)", "epochs_to_recover",
        "outcome (limit " + f.criteria().recoverEpochs() + " epochs)"), rows);
    List<List<Cell>> epochs = new ArrayList<>();
    for (RetrainEpoch e : run.retrain()) {
      epochs.add(List.of(Cell.of(e.run()), Cell.number(Integer.toString(e.epoch())), Cell.number(Format.number(e.trainLoss(), 4)),
          Cell.number(Format.accuracy(e.top1())), Cell.number(Format.signed(e.deltaTop1()))));
    }
    h.element("h3", null, "Every epoch");
    h.table(List.of("run", "epoch", "training loss", "top-1", "\u0394 top-1 (points)"), epochs);
  }

  private static String params(long dense, long factorized) {
    if (dense <= 0 || factorized < 0) {
      return DASH;
    }
    return String.format(java.util.Locale.ROOT, "%,d \u2192 %,d (%.2f\u00d7)", dense, factorized, (double) dense / Math.max(1, factorized));
  }

  private static void addFigure(Html h, Figure f) {
    if (f != null) {
      h.figure(f);
    }
  }
}
