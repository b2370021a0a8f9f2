package dev.convcut.cli;

import dev.convcut.ConvcutException;
import dev.convcut.InvalidRequestException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code convcut} command. {@link #main} only parses and exits; {@link #run} is the real
 * entry, taking its streams and returning the exit code: 0 success, 1 failure, 2 usage error.
 */
@Command(
    name = "convcut",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "How far can the convolution kernels of a trained CNN be cut along tensor-network cuts before accuracy suffers?",
    subcommands = {
      CommandLine.HelpCommand.class,
      DataCommand.class,
      TrainCommand.class,
      EvalCommand.class,
      LayersCommand.class,
      ExportCommand.class,
      CompressCommand.class,
      ImportCommand.class,
      SpectrumCommand.class,
      SweepCommand.class,
      TruncateCommand.class,
      RetrainCommand.class,
      DemoCommand.class,
      StudyCommand.class,
      ReportCommand.class,
      BenchCommand.class,
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs convcut with {@code args}, writing results to {@code out} and messages to {@code err}. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cli = commandLine();
    cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    return cli.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(Main::handle);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }

  private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (e instanceof InvalidRequestException || e instanceof IllegalArgumentException) {
      err.println("convcut " + qualifiedName(cmd) + ": " + Flags.message(e));
      err.println("Try 'convcut " + qualifiedName(cmd) + " --help'.");
      return 2;
    }
    if (e instanceof ConvcutException) {
      err.println("convcut " + qualifiedName(cmd) + ": " + Flags.message(e));
      return 1;
    }
    LoggerFactory.getLogger(Main.class).error("unexpected failure", e);
    err.println("convcut " + qualifiedName(cmd) + ": unexpected failure: " + e);
    return 1;
  }

  private static String qualifiedName(CommandLine cmd) {
    String name = cmd.getCommandSpec().qualifiedName();
    return name.startsWith("convcut ") ? name.substring("convcut ".length()) : name;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
