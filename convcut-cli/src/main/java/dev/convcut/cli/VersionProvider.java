package dev.convcut.cli;

import picocli.CommandLine;

/** Prints convcut's version and the Java runtime it runs on; it does not start the engine. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {
      "convcut " + (v == null ? "development" : v),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
