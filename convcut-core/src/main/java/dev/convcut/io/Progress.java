package dev.convcut.io;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A one-line progress bar on stderr for long work (epochs, sweeps): done/total, rate, ETA and a
 * caller-supplied status such as loss and accuracy. It redraws in place when stderr is a terminal
 * and shows nothing otherwise (a log file, a pipe, nohup), as the documentation promises: a
 * redirected stderr keeps only the messages. Callers that want progress in a log choose
 * {@link Mode#LOG} themselves, a plain line every {@value #LOG_INTERVAL_SECONDS} seconds.
 */
public final class Progress implements AutoCloseable {
  private static final long REDRAW_NANOS = 200_000_000L;
  static final long LOG_INTERVAL_SECONDS = 30;

  /** How progress is shown. */
  public enum Mode {
    /** Redraw one line in place (stderr is a terminal). */
    TERMINAL,
    /** A plain line now and then (stderr is a file or a pipe). */
    LOG,
    /** Nothing. */
    OFF
  }

  private final PrintStream err;
  private final Mode mode;
  private final long intervalNanos;
  private final String label;
  private final long total;
  private final String unit;
  private final long started = System.nanoTime();
  private long lastDraw;
  private long done;
  private String status = "";
  private int lastWidth;

  /** Shows progress on stderr when it is a terminal, and nothing otherwise. */
  public Progress(String label, long total, String unit) {
    this(System.err, modeFor(System.console() != null, stderrTarget(), System.getenv("TERM")), label, total, unit);
  }

  /**
   * How to show progress on stderr: redrawn when it is a terminal that is not a dumb one, else not
   * at all. {@code console} says whether the JVM has a terminal (stdin and stdout are one);
   * {@code stderrTarget} is what stderr is open on where the system tells ({@code /dev/pts/3},
   * {@code /home/me/log.txt}), or null, for {@code 2> log.txt} leaves the console in place.
   */
  static Mode modeFor(boolean console, String stderrTarget, String term) {
    boolean terminal = console && (stderrTarget == null || stderrTarget.startsWith("/dev/pts/") || stderrTarget.startsWith("/dev/tty"));
    return terminal && !"dumb".equals(term) ? Mode.TERMINAL : Mode.OFF;
  }

  /** What file descriptor 2 is open on (Linux), or null where the system does not say. */
  private static String stderrTarget() {
    try {
      return java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      return null;
    }
  }

  /** For callers that decide themselves: {@code enabled} false shows nothing. */
  public Progress(PrintStream err, boolean enabled, String label, long total, String unit) {
    this(err, enabled ? Mode.TERMINAL : Mode.OFF, label, total, unit);
  }

  public Progress(PrintStream err, Mode mode, String label, long total, String unit) {
    this(err, mode, LOG_INTERVAL_SECONDS * 1_000_000_000L, label, total, unit);
  }

  /** For tests: a chosen interval between plain lines in {@link Mode#LOG}. */
  Progress(PrintStream err, Mode mode, long logIntervalNanos, String label, long total, String unit) {
    this.err = err;
    this.mode = mode;
    this.intervalNanos = mode == Mode.LOG ? logIntervalNanos : REDRAW_NANOS;
    this.lastDraw = System.nanoTime();
    this.label = label;
    this.total = total;
    this.unit = unit;
  }

  Mode mode() {
    return mode;
  }

  /**
   * What a program that calls convcut as a library hears of long work: each step's label, units
   * done and total. It may cancel the work by throwing {@link
   * java.util.concurrent.CancellationException} from {@link #progress}; the work stops there and
   * leaves what it was changing as it found it (a network's weights, a folder's rows so far).
   */
  @FunctionalInterface
  public interface Listener {
    void progress(String label, long done, long total);
  }

  private Listener listener;

  /** A progress that draws nothing and tells {@code listener} of every step (null: nobody). */
  public static Progress to(Listener listener, String label, long total, String unit) {
    Progress p = new Progress(System.err, Mode.OFF, label, total, unit);
    p.listener = listener;
    return p;
  }

  /** Adds {@code n} finished units and a new status text. */
  public void step(long n, String statusText) {
    done += n;
    if (listener != null) {
      listener.progress(label, done, total);
    }
    status = statusText == null ? "" : statusText;
    long now = System.nanoTime();
    if (mode == Mode.TERMINAL && (now - lastDraw > intervalNanos || done >= total)) {
      lastDraw = now;
      draw(now);
    } else if (mode == Mode.LOG && now - lastDraw >= intervalNanos && done < total) {
      lastDraw = now;
      err.println(line(now));
      err.flush();
    }
  }

  /** Units finished per second so far. */
  public double rate() {
    double seconds = (System.nanoTime() - started) / 1e9;
    return seconds <= 0 ? 0 : done / seconds;
  }

  /** The line as it would be drawn now. */
  String line(long now) {
    double seconds = (now - started) / 1e9;
    double rate = seconds <= 0 ? 0 : done / seconds;
    int width = 24;
    int filled = total <= 0 ? 0 : (int) Math.min(width, width * done / total);
    String bar = "#".repeat(filled) + "-".repeat(width - filled);
    String eta = rate > 0 && total > done ? format(Duration.ofSeconds((long) ((total - done) / rate))) : "--:--";
    return String.format(Locale.ROOT, "%s [%s] %d/%d %.1f %s/s ETA %s %s", label, bar, done, total, rate, unit, eta, status);
  }

  private void draw(long now) {
    String text = line(now);
    int pad = Math.max(0, lastWidth - text.length());
    err.print("\r" + text + " ".repeat(pad));
    err.flush();
    lastWidth = text.length();
  }

  static String format(Duration d) {
    long s = d.getSeconds();
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
        : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
  }

  /** Erases the bar so the next output starts on a clean line. */
  @Override
  public void close() {
    if (mode == Mode.TERMINAL && lastWidth > 0) {
      err.print("\r" + " ".repeat(lastWidth) + "\r");
      err.flush();
    }
  }
}
