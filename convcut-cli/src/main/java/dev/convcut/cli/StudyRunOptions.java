package dev.convcut.cli;

import dev.convcut.io.OutputPlace;
import dev.convcut.report.analysis.Summary;
import dev.convcut.study.pipeline.StudyConfig;
import dev.convcut.study.pipeline.StudyPipeline;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options and the run shared by {@code convcut demo} and {@code convcut study}: data, cache, and the terminal summary. */
public final class StudyRunOptions {
  @Mixin DataLocationOptions location;

  @Option(names = "--cache", paramLabel = "DIR", description = "Where trained models are kept for reuse (default: ~/.convcut/cache).")
  Path cache;

  /** Runs the study and prints the findings, the report's path and the time of each step to {@code stdout}. */
  int run(StudyConfig config, Path out, PrintWriter stdout, List<String> arguments, String command, EngineOptions engine,
      SparkOptions spark) {
    engine.validate();
    if (spark != null) {
      spark.validate();
    }
    OutputPlace.check(out);
    engine.start();
    Path cacheDir = cache != null ? cache : Path.of(System.getProperty("user.home"), ".convcut", "cache");
    PrintStream log = System.err;
    log.printf(Locale.ROOT, "convcut %s: study '%s' (%s) into %s; expected run time: %s%n", command, config.name(), config.description(),
        out, config.expectedMinutes());
    StudyPipeline.Result r = StudyPipeline.run(config, new StudyPipeline.Options(out, location.toDataOptions(),
        cacheDir, true, log, arguments, command, spark == null ? null : spark.opener()));
    stdout.print(Summary.format(r.report().findings()));
    stdout.println("Re-trained: " + r.retrained().orElse("nothing (no global truncation lost accuracy)"));
    StringBuilder times = new StringBuilder();
    Map<String, Double> cpu = r.times().get("cpu");
    for (Map.Entry<String, Double> e : r.times().get("wall").entrySet()) {
      times.append(times.length() == 0 ? "" : ", ").append(e.getKey())
          .append(String.format(Locale.ROOT, " %.0f s (cpu %.0f s)", e.getValue(), cpu.get(e.getKey())));
    }
    stdout.println("Time: " + times);
    stdout.println("Report: " + r.report().index());
    stdout.flush();
    return 0;
  }
}
