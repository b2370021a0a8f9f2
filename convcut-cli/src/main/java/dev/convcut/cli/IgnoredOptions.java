package dev.convcut.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Refuses options the user gave that would do nothing in the mode the other options chose
 * (fine-tuning settings without fine-tuning epochs, evaluation settings without evaluating, an
 * SGD setting with Adam), naming what they apply to: a silently ignored option is a run that did
 * not do what its command line says.
 */
final class IgnoredOptions {
  private IgnoredOptions() {}

  /**
   * Throws a usage error for the first of {@code options} given on the command line:
   * "OPTION applies to APPLIES_TO; WHEN it would be ignored".
   */
  static void refuse(CommandSpec spec, List<String> options, String appliesTo, String when) {
    for (String o : options) {
      if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
        throw new IllegalArgumentException(o + " applies to " + appliesTo + "; " + when + " it would be ignored");
      }
    }
  }

  /** The names (longest first name) of every option a mixin of {@code spec} brings, nested mixins included. */
  static List<String> ofMixin(CommandSpec spec, String mixin) {
    return spec.mixins().get(mixin).options().stream().map(OptionSpec::longestName).toList();
  }
}
