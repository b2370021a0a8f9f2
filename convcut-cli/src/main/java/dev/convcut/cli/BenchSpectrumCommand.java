package dev.convcut.cli;

import dev.convcut.bench.spectrum.SpectrumBenchmark;
import dev.convcut.bench.spectrum.SpectrumBenchmarkTable;
import dev.convcut.tensor.linalg.GramSvd;
import dev.convcut.tensor.linalg.LapackSvd;
import dev.convcut.tensor.linalg.Svd;
import dev.convcut.tensor.spectrum.SpectrumReport;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convcut bench spectrum}: SVD time of every cut, side by side with numpy. */
@Command(name = "spectrum", mixinStandardHelpOptions = true,
    description = {"Time the SVD of every non-trivial cut of random kernels with ResNet-50's (CIFAR stem) shapes in convcut "
        + "and in the numpy peer (numpy_cuts.py) on the same kernels, in the same invocation, and check that the singular values "
        + "agree with numpy's (1e-6 relative in float64). convcut is timed doing the peer's exact work on one thread, and the way "
        + "'convcut spectrum' works: coinciding cuts once, on --threads threads.",
        "Without python3 or numpy the peer is skipped with a note. Minutes long; never part of the tests."},
    footer = {"", "Examples:", "  convcut bench spectrum", "  convcut bench spectrum --vectors",
        "  convcut bench spectrum --dtype float32 --peer /work/shared/peer", "  convcut bench spectrum --limit 10 --no-check"})
public final class BenchSpectrumCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--vectors", description = "Thin SVD with singular vectors (what truncation needs), not values only.")
  boolean vectors;

  @Option(names = "--dtype", paramLabel = "float64|float32", description = "Precision on both sides (default: ${DEFAULT-VALUE}).")
  String dtype = "float64";

  @Option(names = "--svd", paramLabel = "lapack|gram",
      description = "convcut's SVD: lapack (dgesdd) or gram (Gram eigenproblem, LAPACK when ill-conditioned); default: ${DEFAULT-VALUE}.")
  String svd = "lapack";

  @Option(names = "--threads", paramLabel = "N", description = "Threads for the spectrum-style run (default: 2, or 1 on one core).")
  Integer threads;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of the random kernels (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--limit", paramLabel = "N", description = "Only the first N of the 53 kernels (default: all).")
  int limit;

  @Option(names = "--peer", paramLabel = "DIR", description = "Folder holding numpy_cuts.py (default: ../shared/peer beside the repository).")
  Path peer;

  @Option(names = "--python", paramLabel = "EXE", description = "Python with numpy (default: ${DEFAULT-VALUE}).")
  Path python = Path.of("/usr/bin/python3");

  @Option(names = "--no-check", description = "Skip the agreement check (saves one numpy pass).")
  boolean noCheck;

  @Override
  public Integer call() {
    Svd chosen = switch (svd) {
      case "lapack" -> dtype.equals("float32") ? LapackSvd.SINGLE : LapackSvd.DOUBLE;
      case "gram" -> {
        if (dtype.equals("float32")) {
          throw new IllegalArgumentException("--svd gram works in float64 only; use --dtype float64 or --svd lapack");
        }
        yield new GramSvd();
      }
      default -> throw new IllegalArgumentException("--svd must be lapack or gram, got '" + svd + "'");
    };
    SpectrumBenchmark.Options o = new SpectrumBenchmark.Options(vectors, dtype, chosen,
        threads == null ? SpectrumReport.defaultThreads() : threads, seed, limit, python, peer == null ? defaultPeer() : peer, !noCheck);
    PrintWriter err = spec.commandLine().getErr();
    SpectrumBenchmark.Result r = SpectrumBenchmark.run(o, line -> {
      err.println(line);
      err.flush();
    });
    spec.commandLine().getOut().print(SpectrumBenchmarkTable.format(r));
    spec.commandLine().getOut().flush();
    return r.agreement() == null || r.agreement().ok() ? 0 : 1;
  }

  /** {@code ../shared/peer} beside the repository this jar was built in, else beside the working directory. */
  static Path defaultPeer() {
    Path start;
    try {
      start = Path.of(BenchSpectrumCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      start = Path.of("").toAbsolutePath();
    }
    for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("convcut-cli"))) {
        return p.resolve("..").resolve("shared").resolve("peer").normalize();
      }
    }
    return Path.of("").toAbsolutePath().resolve("..").resolve("shared").resolve("peer").normalize();
  }
}
