package dev.convcut.io;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A one-line progress bar on stderr for long work (epochs, sweeps): done/total, rate, ETA and a
 * caller-supplied status such as loss and accuracy. It redraws in place on a terminal and prints
 * nothing when stderr is not one, so logs and pipes stay clean.
 */
public final class Progress implements AutoCloseable {
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintStream err;
  private final boolean enabled;
  private final String label;
  private final long total;
  private final String unit;
  private final long started = System.nanoTime();
  private long lastDraw;
  private long done;
  private String status = "";
  private int lastWidth;

  public Progress(String label, long total, String unit) {
    this(System.err, System.console() != null && !"dumb".equals(System.getenv("TERM")), label, total, unit);
  }

  /** For tests and callers that decide themselves whether to draw. */
  public Progress(PrintStream err, boolean enabled, String label, long total, String unit) {
    this.err = err;
    this.enabled = enabled;
    this.label = label;
    this.total = total;
    this.unit = unit;
  }

  /** Adds {@code n} finished units and a new status text. */
  public void step(long n, String statusText) {
    done += n;
    status = statusText == null ? "" : statusText;
    long now = System.nanoTime();
    if (enabled && (now - lastDraw > REDRAW_NANOS || done >= total)) {
      lastDraw = now;
      draw(now);
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
    if (enabled && lastWidth > 0) {
      err.print("\r" + " ".repeat(lastWidth) + "\r");
      err.flush();
    }
  }
}
