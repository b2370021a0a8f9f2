package dev.convcut.provenance;

import java.util.List;
import java.util.Map;

/**
 * How one run was made: what was asked, with which resolved configuration and seed, by which
 * code on which machine, from which inputs (by SHA-256), and when. Written as {@code run.json}
 * beside every run's outputs.
 */
public record RunRecord(
    String command,
    List<String> arguments,
    Object configuration,
    Long seed,
    Code code,
    Machine machine,
    Map<String, String> inputsSha256,
    String started,
    String finished,
    Object results) {

  /** The code that ran: convcut's version, its git commit and whether the tree was dirty. */
  public record Code(String convcutVersion, String gitCommit, Boolean gitDirty, String djlVersion, String pytorchVersion) {}

  /** The machine: Java, operating system, processor, cores and the device used. */
  public record Machine(String java, String os, String cpu, int cores, String device) {}
}
