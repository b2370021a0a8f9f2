package dev.convcut.tensorize;

import dev.convcut.model.LayerForm;
import dev.convcut.model.LayerInfo;
import dev.convcut.model.LayerKind;
import dev.convcut.model.Network;
import dev.convcut.study.Csv;
import dev.convcut.tensorize.select.AutoPlanner;
import dev.convcut.tensorize.select.Greedy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Assembles a {@link CompressionReport} from the dense and compressed networks and what was measured. */
final class ReportRows {
  private ReportRows() {}

  static CompressionReport report(Network dense, Network compressed, List<FactorizedLayer> chosen,
      Map<String, Latency.Pair> perLayer, CompressionReport.Speed speed, CompressionReport.Speed onnxruntime,
      CompressRequest req, CompressionReport.Accuracy accuracy, AutoPlanner.Plan plan) {
    List<CompressionReport.LayerRow> rows = new ArrayList<>();
    long convDense = 0;
    long conv = 0;
    long macsDense = 0;
    long macs = 0;
    List<LayerInfo> after = compressed.layerInfos();
    List<LayerInfo> before = dense.layerInfos();
    for (int j = 0; j < before.size(); j++) {
      LayerInfo d = before.get(j);
      LayerInfo c = after.get(j);
      macsDense += d.macs();
      macs += c.macs();
      if (d.kind() != LayerKind.CONV) {
        continue;
      }
      convDense += d.params();
      conv += c.params();
      FactorizedLayer f = chosen.stream().filter(x -> x.name().equals(d.name())).findFirst().orElse(null);
      Latency.Pair t = perLayer.get(d.name());
      String shape = String.join("x", d.weightShape().stream().map(String::valueOf).toList());
      // A layer factorized in the input checkpoint already is shown by its origin, e.g. "cp rank 6 (input)".
      String kept = c.form() == LayerForm.Kind.DENSE ? "dense" : compressed.forms().get(d.name()).origin() + " (input)";
      rows.add(new CompressionReport.LayerRow(d.name(), shape, f == null ? kept : f.method().toString(),
          f == null ? "" : f.rankText(), f == null ? 0 : f.normLoss(), f == null ? 0 : f.relError(), d.params(), c.params(),
          d.macs(), c.macs(), t == null ? Double.NaN : t.denseMs(), t == null ? Double.NaN : t.factorizedMs(),
          t == null ? Double.NaN : t.denseCpuMs(), t == null ? Double.NaN : t.factorizedCpuMs(), sensitivity(plan, d.name())));
    }
    var totals = new CompressionReport.Totals(convDense, conv, dense.parameterCount(), compressed.parameterCount(), macsDense,
        macs);
    return new CompressionReport(rows, totals, speed, onnxruntime, accuracy, plan == null ? null : selectionLine(plan, req));
  }

  private static double sensitivity(AutoPlanner.Plan plan, String layer) {
    if (plan == null) {
      return Double.NaN;
    }
    Greedy.Option o = plan.selection().chosen().get(layer);
    return o == null ? Double.NaN : -o.loss();
  }

  private static String selectionLine(AutoPlanner.Plan plan, CompressRequest req) {
    Greedy.Selection s = plan.selection();
    return String.format(Locale.ROOT, "selection (%s): %d layers factorized, %.4f of the dense convolution %s; predicted"
        + " drop %.2f points, measured on the selection subset %.2f points (top-1 %.2f%% -> %.2f%%); sensitivities %s; %s",
        req.auto().target(), s.chosen().size(), s.fraction(), req.auto().target().resource().words(), s.predictedLoss(),
        100 * (plan.baselineTop1() - plan.combinedTop1()), 100 * plan.baselineTop1(), 100 * plan.combinedTop1(), plan.source(),
        req.auto().minSpeedup() > 0 ? String.format(Locale.ROOT, "speed gate %.2fx, layers timed in %s",
            req.auto().minSpeedup(), req.auto().speedRuntime()) : "no speed gate");
  }

  /** sensitivity.csv: every measured option per layer, and which one was chosen. */
  static String sensitivityCsv(AutoPlanner.Plan plan) {
    StringBuilder sb = new StringBuilder("layer,method,ranks,params,macs,norm_loss,delta_top1,layer_speedup,chosen\n");
    for (Greedy.LayerChoices l : plan.choices()) {
      Greedy.Option picked = plan.selection().chosen().get(l.layer());
      for (Greedy.Option o : l.options()) {
        FactorizedLayer f = o.candidate().factorized();
        sb.append(Csv.row(Arrays.asList(l.layer(), f.method().toString(), f.rankText(), f.params(), f.macs(), f.normLoss(),
            -o.loss(), Double.isNaN(plan.speedup(o.candidate())) ? "" : plan.speedup(o.candidate()), o == picked)));
      }
    }
    return sb.toString();
  }
}
