package dev.convcut.cli;

import dev.convcut.model.Architectures;
import java.util.Iterator;

/** The model names picocli shows in help texts. */
final class ModelNames implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    return Architectures.names().iterator();
  }
}
