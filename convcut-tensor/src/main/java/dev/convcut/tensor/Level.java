package dev.convcut.tensor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How far to truncate along a cut, as docs/science.md defines the four ways: an absolute {@link Rank},
 * a kept fraction of the full rank ({@link Keep}), the largest norm loss allowed ({@link Loss}),
 * or a singular-value tolerance relative to the largest ({@link Tol}). Text forms: {@code rank8},
 * {@code keep0.25}, {@code loss0.1}, {@code tol1e-3}, each also with {@code =} ({@code keep=0.25}).
 * {@code toString()} prints the compact form, plain decimals ({@code tol0.001}), as the study's
 * CSV files record levels.
 */
public sealed interface Level permits Level.Rank, Level.Keep, Level.Loss, Level.Tol {

  /** The rank {@code k} this level keeps along a cut with spectrum {@code s}; always in {@code 1..r}. */
  int rankFor(CutSpectrum s);

  /** {@code rank=k}: keep the {@code k} largest singular values. */
  record Rank(int k) implements Level {
    public Rank {
      if (k < 1) {
        throw new IllegalArgumentException("rank must be ≥ 1, got " + k);
      }
    }

    @Override
    public int rankFor(CutSpectrum s) {
      if (k > s.fullRank()) {
        throw new IllegalArgumentException("rank=" + k + " is above the full rank " + s.fullRank() + " of cut " + s.cut()
            + " (a " + s.rows() + " × " + s.cols() + " matrix); valid ranks are 1.." + s.fullRank());
      }
      return k;
    }

    @Override
    public String toString() {
      return "rank" + k;
    }
  }

  /** {@code keep=f}: keep {@code max(1, ceil(f·r))} of the full rank {@code r}. */
  record Keep(double fraction) implements Level {
    public Keep {
      if (!(fraction > 0 && fraction <= 1)) {
        throw new IllegalArgumentException("keep fraction must be in (0, 1], got " + fraction);
      }
    }

    @Override
    public int rankFor(CutSpectrum s) {
      // Decimal arithmetic: 0.3 · 10 must give 3, not ceil(3.0000000000000004) = 4.
      int k = BigDecimal.valueOf(fraction).multiply(BigDecimal.valueOf(s.fullRank()))
          .setScale(0, RoundingMode.CEILING).intValueExact();
      return Math.max(1, Math.min(k, s.fullRank()));
    }

    @Override
    public String toString() {
      return "keep" + plain(fraction);
    }
  }

  /** {@code loss=η}: the smallest rank whose norm loss is at most {@code η}. */
  record Loss(double eta) implements Level {
    public Loss {
      if (!(eta >= 0 && eta <= 1)) {
        throw new IllegalArgumentException("norm loss must be in [0, 1], got " + eta);
      }
    }

    @Override
    public int rankFor(CutSpectrum s) {
      for (int k = 1; k < s.fullRank(); k++) {
        if (s.normLoss(k) <= eta) {
          return k;
        }
      }
      return s.fullRank();
    }

    @Override
    public String toString() {
      return "loss" + plain(eta);
    }
  }

  /** {@code tol=τ}: keep every singular value {@code s_j ≥ τ·s₁}. */
  record Tol(double tau) implements Level {
    public Tol {
      if (!(tau >= 0 && tau <= 1)) {
        throw new IllegalArgumentException("tolerance must be in [0, 1], got " + tau);
      }
    }

    @Override
    public int rankFor(CutSpectrum s) {
      double threshold = tau * s.value(0);
      int k = 1;
      while (k < s.fullRank() && s.value(k) >= threshold) {
        k++;
      }
      return k;
    }

    @Override
    public String toString() {
      return "tol" + plain(tau);
    }
  }

  /** {@code rank=k}. */
  static Level rank(int k) {
    return new Rank(k);
  }

  /** {@code keep=f}. */
  static Level keep(double fraction) {
    return new Keep(fraction);
  }

  /** {@code loss=η}. */
  static Level loss(double eta) {
    return new Loss(eta);
  }

  /** {@code tol=τ}. */
  static Level tol(double tau) {
    return new Tol(tau);
  }

  /** Parses {@code rank8}, {@code keep0.25}, {@code loss=0.1}, {@code tol1e-3}; errors say what would be valid. */
  static Level parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (String kind : new String[] {"rank", "keep", "loss", "tol"}) {
      if (!t.startsWith(kind)) {
        continue;
      }
      String value = t.substring(kind.length());
      if (value.startsWith("=")) {
        value = value.substring(1);
      }
      try {
        return switch (kind) {
          case "rank" -> new Rank(Integer.parseInt(value));
          case "keep" -> new Keep(Double.parseDouble(value));
          case "loss" -> new Loss(Double.parseDouble(value));
          default -> new Tol(Double.parseDouble(value));
        };
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("level '" + text + "': '" + value + "' is not a "
            + (kind.equals("rank") ? "whole number" : "number") + "; e.g. " + kind + (kind.equals("rank") ? "8" : "0.25"));
      }
    }
    throw new IllegalArgumentException("level '" + text
        + "': expected rank=K, keep=F, loss=ETA or tol=TAU (the = is optional), e.g. rank8, keep0.25, loss0.1, tol1e-3");
  }

  private static String plain(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
